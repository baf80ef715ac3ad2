using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Navo.Testing;

namespace Navo.Bench;

/// <summary>
/// Slack through the real host, its Web API played by a local server in this process: the time from a signed event
/// to Navo's 200, and from an edit's event to its reply posted to the Web API, with 16 conversations (threads) at once.
/// </summary>
public static class SlackBenchmark
{
    private const string Secret = "bench-signing-secret";
    private const string User = "UBENCHOWNER";

    public static async Task RunAsync(BenchOptions options)
    {
        await using var slack = await FakeWebApi.StartAsync();
        var rounds = options.Iterations ?? 5;
        await HttpBenchmarks.RunAsync((host, client) => MeasureAsync(host, client, slack, rounds),
            "--Navo:Slack:SigningSecret", Secret, "--Navo:Slack:ClientId", "1.2", "--Navo:Slack:ClientSecret", "bench",
            "--Navo:Slack:ApiBaseUrl", slack.BaseUrl, "--Navo:Slack:PublicUrl", "http://navo.bench/");
    }

    private static async Task<List<(string Name, List<double> Milliseconds)>> MeasureAsync(HostProcess host, HttpClient client, FakeWebApi slack, int rounds)
    {
        using var owner = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Address };
        owner.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        var install = await owner.GetAsync("/api/slack/install");
        var state = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(install.Headers.Location!.Query)["state"].ToString();
        (await owner.GetAsync($"/api/slack/oauth/callback?code=bench&state={Uri.EscapeDataString(state)}")).StatusCode.Should302();

        var run = Guid.NewGuid().ToString("N")[..6];
        return await ChannelBench.ConversationsAsync(rounds, "signed event to 200", "edit: event to reply posted", (c, edit, text, timings) =>
        {
            var root = $"1700000000.{c:D6}";
            return SayAsync(client, host, slack, $"D{run}{c}", root, edit is { } i ? $"1700000001.{c:D3}{i:D3}" : root, text, timings);
        });
    }

    private static async Task SayAsync(
        HttpClient client, HostProcess host, FakeWebApi slack, string channel, string root, string ts, string text, Timings? timings)
    {
        var body = new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = FakeWebApi.Team, ["event_id"] = "Ev" + Guid.NewGuid().ToString("N"),
            ["event"] = new JsonObject
            {
                ["type"] = "message", ["channel_type"] = "im", ["user"] = User, ["text"] = text, ["ts"] = ts, ["thread_ts"] = root, ["channel"] = channel,
            },
        }.ToJsonString();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Address, "/api/slack/events")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        var posted = slack.Replies[channel];
        var started = Stopwatch.GetTimestamp();
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
        timings?.Acks.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        await slack.Replies.WaitForAsync(channel, posted + 1);
        timings?.Replies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static void Should302(this System.Net.HttpStatusCode status)
    {
        if (status != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The Slack install did not complete: {status}.");
        }
    }

    /// <summary>Slack's Web API, reduced to what the benchmark needs: an install, and counting replies per channel (progress messages are not replies).</summary>
    private sealed class FakeWebApi(WebApplication app, string baseUrl) : IAsyncDisposable
    {
        public const string Team = "TBENCH";

        public string BaseUrl { get; } = baseUrl;

        public ReplyCounts Replies { get; } = new();

        public static async Task<FakeWebApi> StartAsync()
        {
            FakeWebApi? fake = null;
            var ts = 0;
            var (app, baseUrl) = await ChannelBench.StartServerAsync(server => server.MapPost("/api/{method}", async (string method, HttpContext http) =>
            {
                if (method == "oauth.v2.access")
                {
                    return Results.Json(new { ok = true, access_token = "xoxb-bench", bot_user_id = "UBENCHBOT", team = new { id = Team }, authed_user = new { id = User } });
                }

                var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
                // A reply is a posted message, or the update that turns a draft's progress message into its reply.
                if (method is "chat.postMessage" or "chat.update" && body["channel"]?.GetValue<string>() is { } channel
                    && body["text"]?.GetValue<string>().StartsWith("Working on it", StringComparison.Ordinal) != true)
                {
                    fake!.Replies.Add(channel);
                }

                return Results.Json(new { ok = true, ts = $"1800000000.{Interlocked.Increment(ref ts):D6}" });
            }));
            fake = new FakeWebApi(app, baseUrl + "api/");
            return fake;
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
