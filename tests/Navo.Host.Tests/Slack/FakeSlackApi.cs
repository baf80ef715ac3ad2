using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Navo.Host.Tests.Slack;

/// <summary>One call Navo made to the fake Web API: the method, the bearer token and the body (JSON, or a form as JSON).</summary>
public sealed record SlackCall(string Method, string? Token, JsonObject Body);

/// <summary>
/// Stands in for Slack's Web API: a Kestrel server on a free local port that records every call and answers as Slack
/// would (<c>ok: true</c>, a fresh <c>ts</c> for each posted message, a bot token for <c>oauth.v2.access</c>). A test
/// can slow every answer down (<see cref="Delay"/>).
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    public const string TeamId = "T0NAVO";
    public const string BotUserId = "UNAVOBOT";
    public const string InstallingUser = "UOWNER1";
    public const string BotToken = "xoxb-test-token";

    private readonly WebApplication _app;
    private int _ts;

    public ConcurrentQueue<SlackCall> Calls { get; } = new();

    public TimeSpan Delay { get; set; }

    /// <summary>Methods that answer <c>ok: false</c> with the given error (<c>invalid_auth</c>, say).</summary>
    public ConcurrentDictionary<string, string> Errors { get; } = new();

    public string BaseUrl { get; }

    private FakeSlackApi(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeSlackApi? fake = null;
        app.MapPost("/api/{method}", async (string method, HttpContext http) => await fake!.AnswerAsync(method, http));
        await app.StartAsync();
        var address = app.Urls.First();
        fake = new FakeSlackApi(app, address.TrimEnd('/') + "/api/");
        return fake;
    }

    public IReadOnlyList<SlackCall> CallsTo(string method) => [.. Calls.Where(c => c.Method == method)];

    /// <summary>Waits until <paramref name="method"/> has been called <paramref name="count"/> times.</summary>
    public async Task<IReadOnlyList<SlackCall>> WaitForAsync(string method, int count = 1, int seconds = 90)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (CallsTo(method).Count < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{method} was called {CallsTo(method).Count} times, not {count}: {string.Join(", ", Calls.Select(c => c.Method))}");
            }

            await Task.Delay(100);
        }

        return CallsTo(method);
    }

    private async Task<IResult> AnswerAsync(string method, HttpContext http)
    {
        JsonObject body;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync();
            body = new JsonObject([.. form.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value.ToString())))]);
        }
        else
        {
            body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        }

        if (method == "chat.postMessage")
        {
            // Recorded with the ts it is given, as a test reads it back from Slack.
            body["ts"] = $"1700000000.{Interlocked.Increment(ref _ts):D6}";
        }

        var authorization = http.Request.Headers.Authorization.ToString();
        Calls.Enqueue(new SlackCall(method, authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization[7..] : null, body));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        if (Errors.TryGetValue(method, out var error))
        {
            return Results.Json(new { ok = false, error });
        }

        return method switch
        {
            "oauth.v2.access" => Results.Json(new
            {
                ok = true, access_token = BotToken, token_type = "bot", scope = "chat:write", bot_user_id = BotUserId, app_id = "A0NAVO",
                team = new { id = TeamId, name = "Crumb" }, authed_user = new { id = InstallingUser },
            }),
            "chat.postMessage" => Results.Json(new { ok = true, channel = body["channel"]?.ToString(), ts = body["ts"]!.GetValue<string>() }),
            _ => Results.Json(new { ok = true }),
        };
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
