using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Navo.Host.Tests.Support;
using Navo.Testing;

namespace Navo.Host.Tests;

/// <summary>Rate limits answer 429 with Retry-After and problem details; CORS stays closed; API answers carry security headers.</summary>
public sealed class ThrottlingTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    /// <summary>A host of its own with tight limits, so that only this test's requests count.</summary>
    private WebApplicationFactory<Program> Tight(string key, int perMinute) =>
        factory.WithWebHostBuilder(builder => builder.UseSetting(key, perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static async Task ShouldBeThrottledAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("Retry-After");
    }

    [Fact]
    public async Task Sign_ins_from_one_address_are_limited()
    {
        using var host = Tight("Navo:Limits:AuthPerMinute", 3);
        var client = host.CreateClient();
        var email = TestAccounts.NewEmail();

        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong password" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        await ShouldBeThrottledAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong password" }));
        await ShouldBeThrottledAsync(await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = TestAccounts.Password }));
    }

    [Fact]
    public async Task Chat_turns_are_limited_per_user()
    {
        using var host = Tight("Navo:Limits:ChatPerMinute", 2);
        var first = host.CreateClient();
        await first.SignInAsync(TestAccounts.NewEmail());
        var second = host.CreateClient();
        await second.SignInAsync(TestAccounts.NewEmail());
        async Task<HttpResponseMessage> SayAsync(HttpClient client)
        {
            var conversation = (await (await client.PostAsync("/api/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            return await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "help" });
        }

        (await SayAsync(first)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SayAsync(first)).StatusCode.Should().Be(HttpStatusCode.OK);
        await ShouldBeThrottledAsync(await SayAsync(first));
        (await SayAsync(second)).StatusCode.Should().Be(HttpStatusCode.OK, "each user has a limit of their own");
    }

    [Fact]
    public async Task Mcp_requests_are_limited_per_user_like_chat_turns()
    {
        using var host = Tight("Navo:Limits:ChatPerMinute", 2);
        var owner = host.CreateClient();
        await owner.SignInAsync(TestAccounts.NewEmail());
        var other = host.CreateClient();
        await other.SignInAsync(TestAccounts.NewEmail());
        async Task<HttpClient> KeyedAsync(HttpClient member)
        {
            var client = host.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", await Mcp.McpClients.ApiKeyAsync(member, "editor"));
            return client;
        }

        static async Task<HttpResponseMessage> ListToolsAsync(HttpClient client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = JsonContent.Create(new { jsonrpc = "2.0", id = 1, method = "tools/list" }) };
            request.Headers.Accept.ParseAdd("application/json");
            request.Headers.Accept.ParseAdd("text/event-stream");
            return await client.SendAsync(request);
        }

        var keyed = await KeyedAsync(owner);

        (await ListToolsAsync(keyed)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ListToolsAsync(keyed)).StatusCode.Should().Be(HttpStatusCode.OK);
        await ShouldBeThrottledAsync(await ListToolsAsync(keyed));
        (await ListToolsAsync(await KeyedAsync(other))).StatusCode.Should().Be(HttpStatusCode.OK, "each user has a limit of their own");
    }

    [Fact]
    public async Task Requests_with_an_api_key_are_limited_per_key()
    {
        using var host = Tight("Navo:Limits:ApiKeyPerMinute", 2);
        var owner = host.CreateClient();
        await owner.SignInAsync(TestAccounts.NewEmail());
        HttpClient Keyed(JsonElement created)
        {
            var client = host.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", created.GetProperty("key").GetString());
            return client;
        }

        var one = Keyed(await (await owner.PostAsJsonAsync("/api/v1/workspace/api-keys", new { name = "one", role = "viewer" })).Content.ReadFromJsonAsync<JsonElement>());
        var two = Keyed(await (await owner.PostAsJsonAsync("/api/v1/workspace/api-keys", new { name = "two", role = "viewer" })).Content.ReadFromJsonAsync<JsonElement>());

        (await one.GetAsync("/api/v1/projects")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await one.GetAsync("/api/v1/projects")).StatusCode.Should().Be(HttpStatusCode.OK);
        await ShouldBeThrottledAsync(await one.GetAsync("/api/v1/projects"));
        (await two.GetAsync("/api/v1/projects")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await owner.GetAsync("/api/v1/projects")).StatusCode.Should().Be(HttpStatusCode.OK, "people signed in are not counted against keys");
    }

    [Fact]
    public async Task Cors_is_closed_and_api_answers_carry_security_headers()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/projects");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects");
        read.Headers.Add("Origin", "https://elsewhere.example");

        var options = await factory.Owner.SendAsync(preflight);
        var response = await factory.Owner.SendAsync(read);

        options.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
        response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
        response.Headers.CacheControl!.Private.Should().BeTrue();
    }
}
