using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Navo.Channels.Teams;

/// <summary>
/// The Bot Framework Connector's REST API (protocols.md C): send an activity to a conversation, reply to one, update
/// one in place. Calls go only to a <see cref="TrustedServiceUrl"/>, with Navo's token (<see cref="TeamsTokens"/>);
/// ids are escaped. 429 and 5xx are retried with back-off (<see cref="AddResilience"/>). Every call is logged with its
/// operation, status and timing; never its text or token.
/// </summary>
public sealed partial class TeamsConnector(IHttpClientFactory clients, TeamsTokens tokens, ILogger<TeamsConnector> logger)
{
    public const string ClientName = "teams-connector";

    /// <summary>Sends <paramref name="activity"/> to the conversation, as a reply to <paramref name="replyToId"/> when given; the new activity's id.</summary>
    public async Task<string?> SendAsync(TrustedServiceUrl service, string conversationId, JsonObject activity, string? replyToId, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities" + (replyToId is null ? string.Empty : "/" + Uri.EscapeDataString(replyToId));
        var answer = await CallAsync(HttpMethod.Post, service, path, activity, cancellationToken);
        return answer?["id"] is JsonValue id && id.TryGetValue<string>(out var value) ? value : null;
    }

    /// <summary>Replaces the activity <paramref name="activityId"/> (a card answered, a progress message moved on).</summary>
    public async Task UpdateAsync(TrustedServiceUrl service, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        activity["id"] = activityId;
        await CallAsync(HttpMethod.Put, service, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", activity, cancellationToken);
    }

    private async Task<JsonObject?> CallAsync(HttpMethod method, TrustedServiceUrl service, string path, JsonObject activity, CancellationToken cancellationToken)
    {
        var operation = method == HttpMethod.Put ? "update" : path.Count(c => c == '/') > 3 ? "reply" : "send";
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, new Uri(new Uri(service.Value), path)) { Content = JsonContent.Create(activity) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.TokenAsync(cancellationToken));
            var started = Stopwatch.GetTimestamp();
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            LogCall(logger, operation, (int)response.StatusCode, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
            {
                // The token was revoked or rotated before its time: once more with a fresh one.
                tokens.Forget();
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The Connector answered {(int)response.StatusCode} to {operation}.", null, response.StatusCode);
            }

            return response.Content.Headers.ContentLength == 0 ? null : await ReadAsync(response, cancellationToken);
        }
    }

    private static async Task<JsonObject?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Retried as every channel's client is (<see cref="ChannelHttp.AddResilience"/>), every call.</summary>
    public static void AddResilience(IHttpClientBuilder client) => ChannelHttp.AddResilience(client, "teams", _ => true);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams Connector {Operation} answered {Status} in {Milliseconds} ms")]
    private static partial void LogCall(ILogger logger, string operation, int status, double milliseconds);
}
