using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Navo.Channels.Teams;
using Navo.Testing;

namespace Navo.Bench;

/// <summary>
/// Teams through the real host, the Bot Framework (OpenID metadata, keys, token endpoint, Connector) played by a local
/// server in this process: the time from an activity to Navo's 200, and from an edit's activity to its reply arriving
/// at the Connector, with 16 conversations at once; and, in this process, what validating one token costs with the
/// keys cached.
/// </summary>
public static class TeamsBenchmark
{
    private const string AppId = "bench-app-id";
    private const string AadTenant = "bench-tenant";
    private const string User = "bench-user";
    private const string Bot = "28:bench-bot";

    public static async Task RunAsync(BenchOptions options)
    {
        await using var bot = await FakeBotFramework.StartAsync();
        var rounds = options.Iterations ?? 5;
        await HttpBenchmarks.RunAsync((host, client) => MeasureAsync(host, client, bot, rounds),
            "--Navo:Teams:AppId", AppId, "--Navo:Teams:AppPassword", "bench", "--Navo:Teams:OpenIdMetadataUrl", bot.BaseUrl + "metadata",
            "--Navo:Teams:TokenUrl", bot.BaseUrl + "token", "--Navo:Teams:PublicUrl", "http://navo.bench/");
        await ValidationCostAsync(bot);
    }

    private static async Task<List<(string Name, List<double> Milliseconds)>> MeasureAsync(HostProcess host, HttpClient client, FakeBotFramework bot, int rounds)
    {
        // Navo added to a personal chat; the owner confirms the link it offers (the first time).
        var welcome = bot.Replies["welcome"];
        (await SendAsync(client, host, bot, Activity(bot, "conversationUpdate", "welcome-" + Guid.NewGuid().ToString("N"), "a:bench-welcome", null, added: true))).EnsureSuccessStatusCode();
        await bot.Replies.WaitForAsync("welcome", welcome + 1);
        if (bot.LastLink is { } link)
        {
            var token = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link).Query)["token"].ToString();
            (await client.PostAsJsonAsync("/api/v1/channels/link", new { token })).EnsureSuccessStatusCode();
            bot.LastLink = null;
        }

        var run = Guid.NewGuid().ToString("N")[..6];
        return await ChannelBench.ConversationsAsync(rounds, "activity to 200", "edit: activity to reply at the Connector", (c, edit, text, timings) =>
            SayAsync(client, host, bot, $"a:bench-{run}-{c}", $"{run}-{c}-{(edit is { } i ? i.ToString(CultureInfo.InvariantCulture) : "draft")}", text, timings));
    }

    private static async Task SayAsync(
        HttpClient client, HostProcess host, FakeBotFramework bot, string conversation, string id, string text, Timings? timings)
    {
        var activity = Activity(bot, "message", id, conversation, text);
        var started = Stopwatch.GetTimestamp();
        (await SendAsync(client, host, bot, activity)).EnsureSuccessStatusCode();
        timings?.Acks.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        await bot.Replies.WaitForAsync(id, 1);
        timings?.Replies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HostProcess host, FakeBotFramework bot, JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Address, "/api/messages"))
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bot.Token());
        return await client.SendAsync(request);
    }

    private static JsonObject Activity(FakeBotFramework bot, string type, string id, string conversation, string? text, bool added = false)
    {
        var activity = new JsonObject
        {
            ["type"] = type, ["id"] = id, ["channelId"] = "msteams", ["serviceUrl"] = bot.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = "29:bench", ["name"] = "Bench", ["aadObjectId"] = User },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = AadTenant, ["id"] = conversation },
            ["recipient"] = new JsonObject { ["id"] = Bot, ["name"] = "Navo" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = AadTenant } },
            ["text"] = text,
        };
        if (added)
        {
            activity["membersAdded"] = new JsonArray { new JsonObject { ["id"] = Bot } };
        }

        return activity;
    }

    /// <summary>Validating one token with the keys held, as every request to <c>/api/messages</c> does first: 5,000 times after 500 to warm up.</summary>
    private static async Task ValidationCostAsync(FakeBotFramework bot)
    {
        var authentication = new TeamsAuthentication(
            Options.Create(new TeamsOptions { AppId = AppId, OpenIdMetadataUrl = bot.BaseUrl + "metadata" }), TimeProvider.System, NullLogger<TeamsAuthentication>.Instance);
        var header = "Bearer " + bot.Token();
        var times = new List<double>(5000);
        for (var i = 0; i < 5500; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var token = await authentication.ValidateAsync(header, CancellationToken.None) ?? throw new InvalidOperationException("The bench token was refused.");
            if (!authentication.Admits(token, "msteams", bot.ServiceUrl))
            {
                throw new InvalidOperationException("The bench token was not admitted.");
            }

            if (i >= 500)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }
        }

        times.Sort();
        static string At(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p / 100 * sorted.Count) - 1)].ToString("0.0", CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine($"token validation with cached keys (in-process, {times.Count} runs): p50 {At(times, 50)} µs, p95 {At(times, 95)} µs, p99 {At(times, 99)} µs");
    }

    /// <summary>The Bot Framework, reduced to what the benchmark needs: metadata and a key, a token, and replies counted per activity.</summary>
    private sealed class FakeBotFramework(WebApplication app, string baseUrl, RSA key) : IAsyncDisposable
    {
        public string BaseUrl { get; } = baseUrl;

        public string ServiceUrl => BaseUrl + "amer/";

        public string? LastLink { get; set; }

        public ReplyCounts Replies { get; } = new();

        public static async Task<FakeBotFramework> StartAsync()
        {
            var rsa = RSA.Create(2048);
            FakeBotFramework? fake = null;
            var ids = 0;
            var (app, baseUrl) = await ChannelBench.StartServerAsync(server =>
            {
                server.MapGet("/metadata", () => Results.Json(new { issuer = "https://api.botframework.com", jwks_uri = fake!.BaseUrl + "keys" }));
                server.MapGet("/keys", () =>
                {
                    var p = rsa.ExportParameters(false);
                    return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = "bench", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent), endorsements = new[] { "msteams" } } } });
                });
                server.MapPost("/token", () => Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = "bench-connector-token" }));
                server.MapMethods("/amer/v3/conversations/{conversation}/activities/{activityId?}", ["POST", "PUT"], async (string conversation, string? activityId, HttpContext http) =>
                {
                    var activity = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
                    if (activity["attachments"] is not null)
                    {
                        if (activity.ToJsonString().Contains("link/teams?token=", StringComparison.Ordinal))
                        {
                            fake!.LastLink = activity["attachments"]![0]!["content"]!["actions"]![0]!["url"]!.GetValue<string>();
                        }

                        fake!.Replies.Add(activityId ?? (conversation == "a:bench-welcome" ? "welcome" : conversation));
                    }

                    return Results.Json(new { id = $"1:{Interlocked.Increment(ref ids)}" });
                });
            });
            fake = new FakeBotFramework(app, baseUrl, rsa);
            return fake;
        }

        public string Token() => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AppId,
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "bench" }, SecurityAlgorithms.RsaSha256),
        });

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
