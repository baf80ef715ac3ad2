using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Navo.Channels.Slack;

/// <summary>
/// Slack's endpoints: <c>/api/slack/events</c>, <c>/interactions</c> and <c>/commands</c> (every request verified by
/// its signature, then its work queued and acknowledged at once) and the install round trip; linking a Slack user to a
/// member is the channels' shared link flow. Mapped only when Slack is on (<c>Navo:Slack:SigningSecret</c> set).
/// </summary>
public static partial class SlackEndpoints
{
    /// <summary>Slack's requests are small; anything larger is not from Slack.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app, string ownerPolicy)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value.Enabled)
        {
            return app;
        }

        var slack = app.MapGroup("/api/slack").WithTags("Slack");
        slack.MapPost("/events", EventsAsync).WithName("SlackEvents").DisableAntiforgery();
        slack.MapPost("/interactions", InteractionsAsync).WithName("SlackInteractions").DisableAntiforgery();
        slack.MapPost("/commands", CommandsAsync).WithName("SlackCommands").DisableAntiforgery();
        slack.MapGet("/install", SlackInstall.InstallAsync).WithName("SlackInstall").RequireAuthorization(ownerPolicy);
        slack.MapGet("/oauth/callback", SlackInstall.CallbackAsync).WithName("SlackOAuthCallback");
        return app;
    }

    /// <summary>The Events API: <c>url_verification</c> answered; an event callback queued once per <c>event_id</c>.</summary>
    public static async Task<IResult> EventsAsync(HttpContext http, [AsParameters] SlackRequestServices services, CancellationToken cancellationToken)
    {
        var (body, refusal) = await services.VerifiedBodyAsync(http, cancellationToken);
        if (body is null)
        {
            return refusal!;
        }

        JsonObject envelope;
        try
        {
            envelope = JsonNode.Parse(body) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            return Unreadable("The body is not a JSON object.");
        }

        switch (SlackTurns.Str(envelope, "type"))
        {
            case "url_verification":
                return TypedResults.Ok(new { challenge = SlackTurns.Str(envelope, "challenge") });
            case "event_callback" when envelope["event"] is JsonObject e && SlackTurns.Str(envelope, "event_id") is { Length: <= 100 } eventId
                && SlackTurns.Str(envelope, "team_id") is { Length: <= 32 } team:
                // Bots, Navo itself included, are not people talking to Navo.
                if (e["bot_id"] is not null || SlackTurns.Str(e, "subtype") == "bot_message")
                {
                    return TypedResults.Ok();
                }

                var queued = await services.Queue.EnqueueAsync("event:" + eventId, "event", team, envelope.ToJsonString(), cancellationToken);
                LogReceived(services.Logger, "event", SlackTurns.Str(e, "type") ?? "?", queued, http.Request.Headers["X-Slack-Retry-Num"].ToString());
                return TypedResults.Ok();
            default:
                return Unreadable("That is not an event Navo takes: send an event_callback or url_verification.");
        }
    }

    /// <summary>Interactivity: a pressed button, queued once per trigger.</summary>
    public static async Task<IResult> InteractionsAsync(HttpContext http, [AsParameters] SlackRequestServices services, CancellationToken cancellationToken)
    {
        var (body, refusal) = await services.VerifiedBodyAsync(http, cancellationToken);
        if (body is null)
        {
            return refusal!;
        }

        JsonObject? payload = null;
        try
        {
            payload = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).TryGetValue("payload", out var raw) ? JsonNode.Parse(raw.ToString()) as JsonObject : null;
        }
        catch (JsonException)
        {
            // Answered below.
        }

        if (payload is null || SlackTurns.Str(payload["team"] as JsonObject, "id") is not { Length: <= 32 } team)
        {
            return Unreadable("Send the form field payload with the interaction's JSON.");
        }

        if (SlackTurns.Str(payload, "type") == "block_actions")
        {
            var key = SlackTurns.Str(payload, "trigger_id") ?? $"{SlackTurns.Str(payload["container"] as JsonObject, "message_ts")}-{SlackTurns.Str(payload["user"] as JsonObject, "id")}";
            var queued = await services.Queue.EnqueueAsync("action:" + key, "interaction", team, payload.ToJsonString(), cancellationToken);
            LogReceived(services.Logger, "interaction", "block_actions", queued, http.Request.Headers["X-Slack-Retry-Num"].ToString());
        }

        return TypedResults.Ok();
    }

    /// <summary><c>/navo &lt;request&gt;</c>: queued, and answered at once with a word that it is under way.</summary>
    public static async Task<IResult> CommandsAsync(HttpContext http, [AsParameters] SlackRequestServices services, CancellationToken cancellationToken)
    {
        var (body, refusal) = await services.VerifiedBodyAsync(http, cancellationToken);
        if (body is null)
        {
            return refusal!;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        var fields = new JsonObject();
        foreach (var name in new[] { "team_id", "user_id", "channel_id", "text", "trigger_id", "command" })
        {
            fields[name] = form.TryGetValue(name, out var value) ? value.ToString() : null;
        }

        if (SlackTurns.Str(fields, "team_id") is not { Length: > 0 and <= 32 } team || SlackTurns.Str(fields, "trigger_id") is not { Length: > 0 and <= 100 } trigger)
        {
            return Unreadable("A slash command carries team_id and trigger_id.");
        }

        var queued = await services.Queue.EnqueueAsync("command:" + trigger, "command", team, fields.ToJsonString(), cancellationToken);
        LogReceived(services.Logger, "command", "navo", queued, http.Request.Headers["X-Slack-Retry-Num"].ToString());
        return TypedResults.Ok(new { response_type = "ephemeral", text = "Working on it…" });
    }

    internal static ProblemHttpResult Unreadable(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request could not be read.", detail: detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Kind} {Type} received; queued: {Queued} (retry {Retry})")]
    private static partial void LogReceived(ILogger logger, string kind, string type, bool queued, string retry);
}
