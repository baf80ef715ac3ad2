using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Navo.Channels.Slack;
using Navo.Host.Tests.Support;
using Npgsql;

namespace Navo.Host.Tests.Slack;

/// <summary>A clock that tells the real time unless a test pins it (to Slack's signature vectors' moment, say).</summary>
public sealed class PinnableTime : TimeProvider
{
    public DateTimeOffset? Pinned { get; set; }

    public override DateTimeOffset GetUtcNow() => Pinned ?? base.GetUtcNow();
}

/// <summary>The host with Slack on, its Web API played by <see cref="FakeSlackApi"/>; helpers to send signed requests.</summary>
public class SlackHostFactory : NavoHostFactory
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    public FakeSlackApi Slack { get; private set; } = null!;

    public PinnableTime Time { get; } = new();

    public override async Task InitializeAsync()
    {
        Slack = await FakeSlackApi.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Navo:Slack:SigningSecret", SigningSecret);
        builder.UseSetting("Navo:Slack:ClientId", "111.222");
        builder.UseSetting("Navo:Slack:ClientSecret", "client-secret");
        builder.UseSetting("Navo:Slack:ApiBaseUrl", Slack.BaseUrl);
        builder.UseSetting("Navo:Slack:PublicUrl", "http://navo.test/");
        base.ConfigureWebHost(builder);
    }

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Time);

    /// <summary>Posts <paramref name="body"/> to <paramref name="path"/> signed as Slack signs it, now.</summary>
    public Task<HttpResponseMessage> SignedAsync(string path, string body, string contentType = "application/json", int? retry = null) =>
        CreateClient().SendAsync(Signed(path, body, Time.GetUtcNow(), contentType, retry));

    /// <summary>A signed event callback of the installed team.</summary>
    public Task<HttpResponseMessage> EventAsync(string eventId, JsonObject e, int? retry = null) =>
        SignedAsync("/api/slack/events", EventCallback(eventId, e), retry: retry);

    /// <summary>A request to <paramref name="path"/> with <paramref name="body"/>, signed as Slack signs it at <paramref name="now"/>.</summary>
    public static HttpRequestMessage Signed(string path, string body, DateTimeOffset now, string contentType = "application/json", int? retry = null)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Sign(SigningSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        if (retry is { } number)
        {
            request.Headers.Add("X-Slack-Retry-Num", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return request;
    }

    /// <summary>The body of an event callback of the installed team carrying <paramref name="e"/>.</summary>
    public static string EventCallback(string eventId, JsonObject e) => new JsonObject
    {
        ["token"] = "VerificationToken", ["team_id"] = FakeSlackApi.TeamId, ["api_app_id"] = "A0NAVO", ["event"] = e.DeepClone(),
        ["type"] = "event_callback", ["event_id"] = eventId, ["event_time"] = 1700000000,
    }.ToJsonString();

    public static JsonObject DirectMessage(string user, string text, string ts, string? threadTs = null)
    {
        var e = new JsonObject { ["type"] = "message", ["text"] = text, ["user"] = user, ["ts"] = ts, ["channel"] = "D0" + user, ["event_ts"] = ts, ["channel_type"] = "im" };
        if (threadTs is not null)
        {
            e["thread_ts"] = threadTs;
        }

        return e;
    }

    /// <summary>Installs the app for the owner's workspace through the real OAuth round trip.</summary>
    public async Task InstallAsync()
    {
        using var owner = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        owner.DefaultRequestHeaders.Authorization = Owner.DefaultRequestHeaders.Authorization;
        await InstallAsync(owner);
    }

    /// <summary>Installs the app through the real OAuth round trip, as <paramref name="owner"/> (signed in, following no redirects).</summary>
    public static async Task InstallAsync(HttpClient owner)
    {
        var install = await owner.GetAsync("/api/slack/install");
        install.StatusCode.Should().Be(HttpStatusCode.Redirect, await install.Content.ReadAsStringAsync());
        var state = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(install.Headers.Location!.Query)["state"].ToString();
        var callback = await owner.GetAsync($"/api/slack/oauth/callback?code=the-code&state={Uri.EscapeDataString(state)}");
        callback.StatusCode.Should().Be(HttpStatusCode.Redirect, await callback.Content.ReadAsStringAsync());
        callback.Headers.Location!.ToString().Should().Be("/studio?slack=installed");
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, await Database.DataSource.OpenConnectionAsync());
        await using var connection = command.Connection!;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}

/// <summary>The Slack host in Development, as <c>./build.sh run</c> starts it.</summary>
public sealed class DevelopmentSlackHostFactory : SlackHostFactory
{
    protected override string EnvironmentName => "Development";
}

/// <summary>The Slack host in Production, as a server runs it.</summary>
public sealed class ProductionSlackHostFactory : SlackHostFactory
{
    protected override string EnvironmentName => "Production";
}
