using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Navo.Channels.Teams.TeamsActivity;

namespace Navo.Channels.Teams;

/// <summary>What the Bot Framework endpoint needs.</summary>
public sealed class TeamsRequestServices
{
    [FromServices]
    public required IOptions<TeamsOptions> Options { get; init; }

    [FromServices]
    public required TeamsAuthentication Authentication { get; init; }

    [FromServices]
    public required TeamsQueue Queue { get; init; }

    [FromServices]
    public required TeamsTurns Turns { get; init; }

    [FromServices]
    public required ILogger<TeamsQueue> Logger { get; init; }
}

/// <summary>
/// <c>POST /api/messages</c>, the Bot Framework's endpoint: every request authenticated (<see cref="TeamsAuthentication"/>)
/// before anything is recorded; messages and conversation changes queued and acknowledged at once; a card's universal
/// action answered in the response. Mapped only when Teams is on (<c>Navo:Teams:AppId</c> set).
/// </summary>
public static partial class TeamsEndpoints
{
    /// <summary>Teams' activities are small; anything larger is not from Teams.</summary>
    public const int MaxBodyBytes = 128 * 1024;

    public const string InvokeAdaptiveCardAction = "adaptiveCard/action";

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32, AllowTrailingCommas = true };

    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value.Enabled)
        {
            app.MapPost("/api/messages", MessagesAsync).WithTags("Teams").WithName("BotFrameworkMessages").DisableAntiforgery();
        }

        return app;
    }

    public static async Task<IResult> MessagesAsync(HttpContext http, [AsParameters] TeamsRequestServices services, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        BotFrameworkToken? token;
        try
        {
            token = await services.Authentication.ValidateAsync(http.Request.Headers.Authorization.Count == 1 ? http.Request.Headers.Authorization.ToString() : null, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // The OpenID metadata or keys could not be fetched, and none were held: Teams will deliver again.
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Navo cannot check Bot Framework tokens right now.",
                detail: "The Bot Framework's keys could not be fetched. Try again shortly.");
        }

        if (token is null)
        {
            return NotAuthenticated();
        }

        var body = await ChannelHttp.ReadAsync(http.Request.Body, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge();
        }

        JsonObject activity;
        try
        {
            activity = JsonNode.Parse(body, NodeOptions, DocumentOptions) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            return Unreadable("The body is not a JSON activity.");
        }

        var serviceUrl = Str(activity, "serviceUrl");
        if (!services.Authentication.Admits(token, Str(activity, "channelId"), serviceUrl))
        {
            return NotAuthenticated();
        }

        if (serviceUrl is not { Length: <= 512 } || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var service) || service.Scheme is not ("https" or "http"))
        {
            return Unreadable("The activity's serviceUrl is not an http(s) address.");
        }

        if (services.Options.Value.TenantId is { Length: > 0 } only && !string.Equals(AadTenantId(activity), only, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This bot serves one organisation.",
                detail: "The activity is from another Microsoft Entra tenant than Navo:Teams:TenantId.");
        }

        return await DispatchAsync(new TrustedServiceUrl(serviceUrl), activity, services, cancellationToken);
    }

    private static async Task<IResult> DispatchAsync(TrustedServiceUrl service, JsonObject activity, TeamsRequestServices services, CancellationToken cancellationToken)
    {
        var type = Type(activity);
        switch (type)
        {
            case "message" or "conversationUpdate" or "installationUpdate":
                if (Id(activity) is not { Length: > 0 and <= 200 } id || ConversationId(activity) is not { Length: > 0 and <= 500 } conversation)
                {
                    return Unreadable("An activity carries its id and conversation.id.");
                }

                var queued = await services.Queue.EnqueueAsync($"{conversation}|{id}", type, service, activity.ToJsonString(), cancellationToken);
                LogReceived(services.Logger, type, queued);
                return TypedResults.Ok();
            case "invoke" when Str(activity, "name") == InvokeAdaptiveCardAction:
                LogReceived(services.Logger, InvokeAdaptiveCardAction, true);
                return TypedResults.Json(await services.Turns.InvokeAsync(service, activity, cancellationToken));
            case "invoke":
                // Navo offers no other invokes (task modules, messaging extensions): the protocol's answer is 501.
                return TypedResults.StatusCode(StatusCodes.Status501NotImplemented);
            default:
                // Typing, reactions, events: nothing for Navo to do.
                return TypedResults.Ok();
        }
    }

    private static ProblemHttpResult NotAuthenticated() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
        title: "The request is not from the Bot Framework.",
        detail: "Requests here carry a current Bot Framework token for this bot, whose key is endorsed for the activity's channel and whose serviceurl is the activity's.");

    private static ProblemHttpResult TooLarge() => ChannelHttp.TooLarge($"Activities are at most {MaxBodyBytes / 1024} KB.");

    private static ProblemHttpResult Unreadable(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request could not be read.", detail: detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams {Type} received; queued: {Queued}")]
    private static partial void LogReceived(ILogger logger, string type, bool queued);
}
