using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc;
using Navo.Agent.Conversations;
using Navo.Tools;

namespace Navo.Channels.Web;

/// <summary>
/// The web channel, <c>/api/v1/conversations</c>: start a conversation, send it messages (JSON, or server-sent events
/// for the studio and the widget), read it back. The host says which authorization policy and rate limit apply;
/// the tenant comes from <see cref="ITenantResolver"/>, that is from the request's authentication.
/// </summary>
public static class WebChatEndpoints
{
    /// <summary>The rate-limit policy for chat turns: per user.</summary>
    public const string ChatRateLimit = "chat";

    /// <summary>The longest chat message accepted.</summary>
    public const int MaxMessageLength = 4000;

    public static IEndpointRouteBuilder MapWebChatEndpoints(this IEndpointRouteBuilder app, string authorizationPolicy)
    {
        var group = app.MapGroup("/api/v1/conversations").WithTags("Conversations").RequireAuthorization(authorizationPolicy);
        group.MapPost("/", StartAsync).WithName("StartConversation").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/messages", SendAsync).WithName("SendMessage").RequireRateLimiting(ChatRateLimit)
            .Produces<MessageResponse>().Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/messages", ReadAsync).WithName("ReadConversation")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>
    /// Starts a conversation; with <c>{ projectId }</c>, answers this user's conversation about that site (200), starting
    /// it the first time (201): the studio has a conversation per site.
    /// </summary>
    public static async Task<Results<Created<StartedResponse>, Ok<StartedResponse>, ProblemHttpResult>> StartAsync(
        StartRequest? request, [AsParameters] ConversationServices services, CancellationToken cancellationToken)
    {
        var tenant = services.Tenants.Resolve(services.HttpContext);
        if (request?.ProjectId is not { } projectId)
        {
            var id = await services.Conversations.StartAsync(tenant, "web", cancellationToken);
            return TypedResults.Created($"/api/v1/conversations/{id}", new StartedResponse(id));
        }

        return await services.Conversations.ForProjectAsync(tenant, projectId, "web", cancellationToken) switch
        {
            null => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Project not found.", detail: "There is no site with that id in this workspace."),
            ({ } id, true) => TypedResults.Created($"/api/v1/conversations/{id}", new StartedResponse(id, projectId)),
            (var id, false) => TypedResults.Ok(new StartedResponse(id, projectId)),
        };
    }

    /// <summary>One turn: JSON, or with <c>Accept: text/event-stream</c> the events progress, delta, reply and done.</summary>
    public static async Task<IResult> SendAsync(
        Guid id, MessageRequest request, [AsParameters] ConversationServices services, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The message could not be sent.");
        }

        var tenant = services.Tenants.Resolve(services.HttpContext);
        var message = new IncomingMessage(request.Text!.Trim(), request.ClientMessageId, request.Context?.ProjectId, request.Context?.SectionId, "web", request.Context?.Offer, request.Context?.AssetId);
        if (services.HttpContext.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            return TurnStream.Result(services.Conversations, tenant, id, message, cancellationToken);
        }

        var outcome = await services.Conversations.SendAsync(tenant, id, message, cancellationToken: cancellationToken);
        return outcome switch
        {
            null => NotFound(),
            { Busy: true } => Busy(outcome),
            _ => TypedResults.Ok(new MessageResponse(outcome.MessageId, outcome.Reply, outcome.ProjectId, outcome.Version)),
        };
    }

    /// <summary>
    /// The newest turns, oldest first, or with <c>before</c> the ones before that turn. A <c>Link</c> header with
    /// <c>rel="next"</c> gives the page of older turns, when there are any.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<Turn>>, ValidationProblem, ProblemHttpResult>> ReadAsync(
        Guid id,
        [Description("How many turns, 1 to 200 (default 50).")] int? limit,
        [Description("Only turns before this turn number (1 is the first turn): the before of the Link header's next page.")] int? before,
        [AsParameters] ConversationServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > MaxTurnsPerPage)
        {
            errors["limit"] = [$"limit is 1 to {MaxTurnsPerPage} (default {TurnsPerPage})."];
        }

        if (before is < 1)
        {
            errors["before"] = ["before is a turn number, 1 or more: the one the Link header's next page gives."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The page is not valid.");
        }

        var take = limit ?? TurnsPerPage;
        if (await services.Conversations.TurnsAsync(services.Tenants.Resolve(services.HttpContext), id, before, take, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        if (page.Older is { } older)
        {
            services.HttpContext.Response.Headers.Link = $"</api/v1/conversations/{id}/messages?before={older}&limit={take}>; rel=\"next\"";
        }

        return TypedResults.Ok(page.Turns);
    }

    /// <summary>How many turns <c>GET …/messages</c> answers without a <c>limit</c>.</summary>
    public const int TurnsPerPage = 50;

    /// <summary>The most turns one <c>GET …/messages</c> answers.</summary>
    public const int MaxTurnsPerPage = 200;

    /// <summary>The site kept changing under the turn and nothing was written: the same message may be sent again.</summary>
    public static ProblemHttpResult Busy(TurnOutcome outcome) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The site is busy.", detail: outcome.Reply.Text,
            extensions: new Dictionary<string, object?> { ["messageId"] = outcome.MessageId });

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Conversation not found.",
            detail: "There is no conversation with that id in this workspace.");

    /// <summary>What starting a conversation may name: the site it is about.</summary>
    public sealed record StartRequest(Guid? ProjectId);

    public sealed record StartedResponse(Guid Id, Guid? ProjectId = null);

    /// <summary>
    /// The site and section on screen; <c>Offer</c> when the message is a pressed button: the reply's <c>offer</c>, sent
    /// back; <c>AssetId</c>: a photo of the site's library the message is about ("use this as the main photo").
    /// </summary>
    public sealed record MessageContext(Guid? ProjectId, string? SectionId, ActionOffer? Offer = null, string? AssetId = null);

    public sealed record MessageRequest(string? Text, string? ClientMessageId, MessageContext? Context)
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(Text))
            {
                errors["text"] = ["Write a message."];
            }
            else if (Text.Length > MaxMessageLength)
            {
                errors["text"] = [$"A message can be at most {MaxMessageLength:N0} characters."];
            }
            else if (TextChecks.HasHiddenCharacters(Text, allowLineBreaks: true))
            {
                errors["text"] = ["A message cannot contain control or text-direction characters."];
            }

            if (ClientMessageId is { Length: > 100 } || (ClientMessageId is not null && TextChecks.HasHiddenCharacters(ClientMessageId)))
            {
                errors["clientMessageId"] = ["A message id is at most 100 visible characters."];
            }

            if (Context?.SectionId is { Length: > 20 } || (Context?.SectionId is { } section && TextChecks.HasHiddenCharacters(section)))
            {
                errors["context.sectionId"] = ["That is not a section id."];
            }

            if (Context?.AssetId is { } asset && !Navo.Tools.Sites.ImageRef.IsAssetId(asset))
            {
                errors["context.assetId"] = ["That is not a photo's id."];
            }

            if (Context?.Offer?.ApprovalId is { } approval && (approval.Length > 64 || TextChecks.HasHiddenCharacters(approval)))
            {
                errors["context.offer.approvalId"] = ["That is not a question's id."];
            }

            return errors;
        }
    }

    public sealed record MessageResponse(string MessageId, AgentReply Reply, Guid? ProjectId, long? Version);

    public sealed class ConversationServices
    {
        public required HttpContext HttpContext { get; init; }

        [FromServices]
        public required ConversationService Conversations { get; init; }

        [FromServices]
        public required ITenantResolver Tenants { get; init; }
    }
}
