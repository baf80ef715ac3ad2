using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Navo.Host.Tests.Slack;

/// <summary>One call Navo made to the fake Web API: the method, the bearer token and the body (JSON, or a form as JSON).</summary>
public sealed record SlackCall(string Method, string? Token, JsonObject Body)
{
    /// <summary>When the call arrived.</summary>
    public DateTime At { get; } = DateTime.UtcNow;
}

/// <summary>
/// Stands in for Slack's Web API: a Kestrel server on a free local port that records every call and answers as Slack
/// would (<c>ok: true</c>, a fresh <c>ts</c> for each posted message, a bot token for <c>oauth.v2.access</c>). It keeps
/// the messages posted as a channel would (<see cref="Messages"/>): <c>chat.update</c> changes one in place, and
/// <c>conversations.replies</c> and <c>conversations.history</c> read them back, with their metadata only when asked
/// for it. A test can slow every answer down (<see cref="Delay"/>), refuse calls (<see cref="Errors"/>,
/// <see cref="Refuse"/>) or lose the answer to a post that was made (<see cref="LoseAnswer"/>).
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

    /// <summary>Returns Slack's error code for a call it should refuse (nothing is posted), or null.</summary>
    public Func<string, JsonObject, string?>? Refuse { get; set; }

    /// <summary>Returns true for a call that is carried out but whose answer is lost (HTTP 500), as when Slack fails after posting.</summary>
    public Func<string, JsonObject, bool>? LoseAnswer { get; set; }

    /// <summary>Files shared in Slack, by name, served at <see cref="FileUrl"/> to the bot's token only.</summary>
    public ConcurrentDictionary<string, (byte[] Bytes, string ContentType)> Files { get; } = new();

    /// <summary>Where Slack serves the shared file <paramref name="name"/> (its <c>url_private_download</c>).</summary>
    public string FileUrl(string name) => BaseUrl[..^"api/".Length] + "files/" + Uri.EscapeDataString(name);

    /// <summary>Every message posted, by <c>ts</c>, as it is now.</summary>
    public ConcurrentDictionary<string, JsonObject> Messages { get; } = new();

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
        app.MapGet("/files/{name}", (string name, HttpContext http) => fake!.File(name, http));
        await app.StartAsync();
        var address = app.Urls.First();
        fake = new FakeSlackApi(app, address.TrimEnd('/') + "/api/");
        return fake;
    }

    public IReadOnlyList<SlackCall> CallsTo(string method) => [.. Calls.Where(c => c.Method == method)];

    /// <summary>The messages posted in the thread <paramref name="threadTs"/> (its replies, not its first message), oldest first.</summary>
    public IReadOnlyList<JsonObject> Thread(string threadTs) =>
        [.. Messages.Values.Where(m => m["thread_ts"]?.GetValue<string>() == threadTs).OrderBy(m => m["ts"]!.GetValue<string>(), StringComparer.Ordinal)];

    /// <summary>Waits until a posted message matches <paramref name="match"/>, and returns it as it is then.</summary>
    public async Task<JsonObject> WaitForMessageAsync(Func<JsonObject, bool> match, int seconds = 90)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (Messages.Values.FirstOrDefault(match) is { } found)
            {
                return (JsonObject)found.DeepClone();
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("No posted message matched: " + string.Join(" | ", Messages.Values.Select(m => m["text"]?.ToString())));
            }

            await Task.Delay(100);
        }
    }

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

        if (Errors.TryGetValue(method, out var error) || (error = Refuse?.Invoke(method, body)) is not null)
        {
            return Results.Json(new { ok = false, error });
        }

        switch (method)
        {
            case "chat.postMessage":
                Messages[body["ts"]!.GetValue<string>()] = (JsonObject)body.DeepClone();
                break;
            case "chat.update":
                if (body["ts"]?.GetValue<string>() is not { } ts || !Messages.TryGetValue(ts, out var message))
                {
                    return Results.Json(new { ok = false, error = "message_not_found" });
                }

                foreach (var field in new[] { "text", "blocks", "metadata" })
                {
                    if (body[field] is { } value)
                    {
                        message[field] = value.DeepClone();
                    }
                }

                break;
        }

        if (LoseAnswer?.Invoke(method, body) == true)
        {
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        return method switch
        {
            "conversations.replies" => Results.Json(new { ok = true, messages = Read(body, m => m["thread_ts"]?.GetValue<string>() == body["ts"]?.GetValue<string>()) }),
            "conversations.history" => Results.Json(new { ok = true, messages = Read(body, m => m["thread_ts"] is null) }),
            "oauth.v2.access" => Results.Json(new
            {
                ok = true, access_token = BotToken, token_type = "bot", scope = "chat:write", bot_user_id = BotUserId, app_id = "A0NAVO",
                team = new { id = TeamId, name = "Crumb" }, authed_user = new { id = InstallingUser },
            }),
            "chat.postMessage" => Results.Json(new { ok = true, channel = body["channel"]?.ToString(), ts = body["ts"]!.GetValue<string>() }),
            _ => Results.Json(new { ok = true }),
        };
    }

    private IResult File(string name, HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization[7..] : null;
        Calls.Enqueue(new SlackCall("files/" + name, token, []));
        if (token != BotToken)
        {
            // As Slack does without the token: a sign-in page, not the file.
            return Results.Content("<html>Sign in to Slack</html>", "text/html");
        }

        return Files.TryGetValue(name, out var file) ? Results.Bytes(file.Bytes, file.ContentType) : Results.NotFound();
    }

    /// <summary>A channel's messages as Slack reads them back: metadata only with <c>include_all_metadata</c>.</summary>
    private JsonArray Read(JsonObject query, Func<JsonObject, bool> match)
    {
        var withMetadata = query["include_all_metadata"]?.GetValue<string>() == "true";
        var found = new JsonArray();
        foreach (var message in Messages.Values.Where(m => m["channel"]?.GetValue<string>() == query["channel"]?.GetValue<string>() && match(m)))
        {
            var copy = new JsonObject { ["type"] = "message", ["ts"] = message["ts"]!.DeepClone(), ["text"] = message["text"]?.DeepClone(), ["bot_id"] = "B0NAVO" };
            if (withMetadata && message["metadata"] is { } metadata)
            {
                copy["metadata"] = metadata.DeepClone();
            }

            found.Add(copy);
        }

        return found;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
