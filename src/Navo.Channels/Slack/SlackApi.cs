using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Navo.Channels.Slack;

/// <summary>Slack answered <c>ok: false</c>: <see cref="Error"/> is its error code (<c>channel_not_found</c>, …).</summary>
public sealed class SlackApiException(string method, string error) : Exception($"Slack's {method} answered {error}.")
{
    public string Method { get; } = method;

    public string Error { get; } = error;

    /// <summary>The token no longer works: the installation is over.</summary>
    public bool EndsInstallation => Error is "invalid_auth" or "token_revoked" or "account_inactive" or "not_authed";
}

/// <summary>
/// Slack's Web API, as a typed HttpClient on <c>Navo:Slack:ApiBaseUrl</c>. Its resilience handler honours 429's
/// <c>Retry-After</c> and retries 5xx with back-off (<see cref="AddResilience"/>). Every call is logged with its method,
/// status and timing; never its text or token.
/// </summary>
public sealed partial class SlackApi(HttpClient http, ILogger<SlackApi> logger)
{
    /// <summary>Calls <paramref name="method"/> with a JSON body as the bot; the answer when <c>ok</c>, else <see cref="SlackApiException"/>.</summary>
    public async Task<JsonObject> CallAsync(string method, string token, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await SendAsync(method, request, cancellationToken);
    }

    /// <summary>
    /// Calls <paramref name="method"/> with a form as the bot: the reading methods (<c>conversations.replies</c>,
    /// <c>conversations.history</c>) take no JSON body.
    /// </summary>
    public async Task<JsonObject> FormAsync(string method, string token, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await SendAsync(method, request, cancellationToken);
    }

    /// <summary>
    /// <c>oauth.v2.access</c>: trades an install's code for the bot token, with the app's credentials (form-encoded, as
    /// Slack requires for it).
    /// </summary>
    public async Task<JsonObject> AccessAsync(string clientId, string clientSecret, string code, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth.v2.access")
        {
            Content = new FormUrlEncodedContent([new("client_id", clientId), new("client_secret", clientSecret), new("code", code)]),
        };
        return await SendAsync("oauth.v2.access", request, cancellationToken);
    }

    /// <summary>
    /// Downloads a file shared in Slack with the bot token: at most <paramref name="maxBytes"/>, and only when the
    /// address it ends at (after any redirect) is still one <paramref name="allowed"/> takes. The bytes, or why not
    /// (<c>too large</c>, <c>not from Slack's file host</c>, <c>http_NNN</c>, <c>not a file</c>).
    /// </summary>
    public async Task<(byte[]? Bytes, string? Refusal)> DownloadAsync(Uri url, string token, long maxBytes, Func<Uri, bool> allowed, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var refusal = response.RequestMessage?.RequestUri is not { } final || !allowed(final) ? "not from Slack's file host"
            : !response.IsSuccessStatusCode ? $"http_{(int)response.StatusCode}"
            : response.Content.Headers.ContentType?.MediaType is "text/html" ? "not a file"
            : response.Content.Headers.ContentLength > maxBytes ? "too large"
            : null;
        byte[]? bytes = null;
        if (refusal is null)
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0 && buffer.Length <= maxBytes)
            {
                buffer.Write(chunk, 0, read);
            }

            if (buffer.Length > maxBytes)
            {
                refusal = "too large";
            }
            else
            {
                bytes = buffer.ToArray();
            }
        }

        LogCall(logger, "files.download", (int)response.StatusCode, refusal ?? "ok", Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
        return (bytes, refusal);
    }

    private async Task<JsonObject> SendAsync(string method, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        JsonObject? answer = null;
        if (response.IsSuccessStatusCode)
        {
            try
            {
                answer = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            }
            catch (System.Text.Json.JsonException)
            {
                // Treated as Slack's own failure below.
            }
        }

        var error = !response.IsSuccessStatusCode ? $"http_{(int)response.StatusCode}"
            : answer is null ? "unreadable_answer"
            : answer["ok"]?.GetValue<bool>() == true ? null
            : answer["error"]?.GetValue<string>() ?? "unknown_error";
        LogCall(logger, method, (int)response.StatusCode, error ?? "ok", Math.Round(elapsed, 1));
        return error is null ? answer! : throw new SlackApiException(method, error);
    }

    /// <summary>
    /// Retried as every channel's client is (<see cref="ChannelHttp.AddResilience"/>), but <c>chat.postMessage</c> only
    /// on 429, which Slack answers without posting: after a 5xx or a dropped connection the message may have been posted,
    /// and posting it again would show it twice. The queue tries the whole item again instead, and
    /// <see cref="SlackTurns"/> looks for the message before posting it again.
    /// </summary>
    public static void AddResilience(IHttpClientBuilder client) => ChannelHttp.AddResilience(client, "slack", Repeatable);

    /// <summary>Whether sending the request twice does no harm: every method Navo calls but <c>chat.postMessage</c>.</summary>
    private static bool Repeatable(HttpRequestMessage? request) =>
        request?.RequestUri?.AbsolutePath.EndsWith("/chat.postMessage", StringComparison.Ordinal) != true;

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Method} answered {Status} {Outcome} in {Milliseconds} ms")]
    private static partial void LogCall(ILogger logger, string method, int status, string outcome, double milliseconds);
}
