using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Navo.Channels.Slack;

/// <summary>What Slack's endpoints need, and the check every request from Slack passes before anything is read.</summary>
public sealed class SlackRequestServices
{
    [FromServices]
    public required IOptions<SlackOptions> Options { get; init; }

    [FromServices]
    public required TimeProvider Time { get; init; }

    [FromServices]
    public required SlackQueue Queue { get; init; }

    [FromServices]
    public required ILogger<SlackQueue> Logger { get; init; }

    /// <summary>
    /// The raw body when its signature is Slack's (<see cref="SlackSignature"/>); otherwise the refusal: 401 for a missing, wrong or stale signature, 413 for a body too large.
    /// Nothing is parsed, and nothing recorded, before the signature holds.
    /// </summary>
    public async Task<(byte[]? Body, ProblemHttpResult? Refusal)> VerifiedBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > SlackEndpoints.MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        if (await ChannelHttp.ReadAsync(http.Request.Body, SlackEndpoints.MaxBodyBytes, cancellationToken) is not { } body)
        {
            return (null, TooLarge());
        }

        if (!SlackSignature.IsValid(Options.Value.SigningSecret!, http.Request.Headers["X-Slack-Request-Timestamp"].ToString(),
                http.Request.Headers["X-Slack-Signature"].ToString(), body, Time.GetUtcNow()))
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The request is not signed by Slack.",
                detail: "Requests here must carry X-Slack-Request-Timestamp (within 5 minutes) and a valid X-Slack-Signature."));
        }

        return (body, null);
    }

    private static ProblemHttpResult TooLarge() => ChannelHttp.TooLarge($"Requests from Slack are at most {SlackEndpoints.MaxBodyBytes / 1024} KB.");
}
