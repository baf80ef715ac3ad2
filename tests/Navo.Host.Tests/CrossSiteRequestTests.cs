using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Navo.Host.Tests.Support;
using Navo.Testing;

namespace Navo.Host.Tests;

/// <summary>
/// Endpoints that take no body (publish, unpublish, start a conversation) once accepted a form-encoded or text/plain
/// POST carrying the session cookie from another origin: a cross-site page could take a site offline. SameSite=Lax
/// does not stop a live site under the same registrable domain, which is same-site. Every cookie-authenticated change
/// must come from Navo's own origin; bearer tokens and API keys are not affected.
/// </summary>
public abstract partial class CrossSiteRequestTests(EveryChannelHostFactory factory)
{
    /// <summary>A browser signed in to the studio: the session cookie and nothing else.</summary>
    private async Task<HttpClient> StudioBrowserAsync()
    {
        var browser = factory.CreateClient();
        var registered = await browser.PostAsJsonAsync("/api/v1/auth/register", new { email = TestAccounts.NewEmail(), password = TestAccounts.Password });
        registered.StatusCode.Should().Be(HttpStatusCode.Created);
        browser.DefaultRequestHeaders.Authorization.Should().BeNull();
        return browser;
    }

    private static HttpRequestMessage Post(string path, string? origin, string? fetchSite, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return request;
    }

    /// <summary>What a cross-site page can send without CORS: an empty form, or text/plain.</summary>
    public static TheoryData<string, string?, string?> CrossSite() => new()
    {
        { "a form from another site", "https://evil.example", "cross-site" },
        { "text/plain from another site", "https://evil.example", "cross-site" },
        { "a form from a live site on the same registrable domain", "https://rosas-bakery.navo.test", "same-site" },
        { "a form from an older browser that sends only Origin", "https://evil.example", null },
        { "a form from a sandboxed frame", "null", null },
    };

    private static HttpContent Body(string name) => name.StartsWith("text/plain", StringComparison.Ordinal)
        ? new StringContent("x=1", Encoding.UTF8, "text/plain")
        : new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" });

    [Theory]
    [MemberData(nameof(CrossSite))]
    public async Task A_cross_site_publish_unpublish_or_new_conversation_with_the_session_cookie_is_refused_and_changes_nothing(
        string name, string? origin, string? fetchSite)
    {
        var browser = await StudioBrowserAsync();
        var created = await browser.SendAsync(Post("/api/v1/projects", "http://localhost", "same-origin",
            JsonContent.Create(new { description = "Rosa's Bakery is a bakery in Porto." })));
        created.StatusCode.Should().Be(HttpStatusCode.Created, "the studio's own pages make changes with the cookie");
        var project = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var before = await EventCountAsync();

        var publish = await browser.SendAsync(Post($"/api/v1/projects/{project}/publish", origin, fetchSite, Body(name)));
        var start = await browser.SendAsync(Post("/api/v1/conversations", origin, fetchSite, Body(name)));

        foreach (var response in new[] { publish, start })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, name);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            (await response.Content.ReadAsStringAsync()).Should().Contain("another site");
        }

        (await EventCountAsync()).Should().Be(before, $"nothing changes for {name}");
        var site = await browser.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}");
        site.GetProperty("published").ValueKind.Should().BeOneOf(JsonValueKind.Null, JsonValueKind.False);

        // Published from the studio, then a cross-site unpublish: the site stays live.
        var live = await browser.SendAsync(Post($"/api/v1/projects/{project}/publish", "http://localhost", "same-origin"));
        live.StatusCode.Should().Be(HttpStatusCode.OK);
        var slug = (await live.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("slug").GetString();
        before = await EventCountAsync();

        var unpublish = await browser.SendAsync(Post($"/api/v1/projects/{project}/unpublish", origin, fetchSite, Body(name)));

        unpublish.StatusCode.Should().Be(HttpStatusCode.Forbidden, name);
        (await EventCountAsync()).Should().Be(before);
        (await browser.GetAsync($"/s/{slug}/")).StatusCode.Should().Be(HttpStatusCode.OK, "the site is still live");
    }

    [Fact]
    public async Task The_studio_s_own_requests_with_the_cookie_and_bearer_requests_from_anywhere_still_work()
    {
        var browser = await StudioBrowserAsync();

        (await browser.SendAsync(Post("/api/v1/conversations", "http://localhost", null))).StatusCode.Should().Be(HttpStatusCode.Created, "Origin alone, our own");
        (await browser.SendAsync(Post("/api/v1/conversations", null, "same-origin"))).StatusCode.Should().Be(HttpStatusCode.Created, "Sec-Fetch-Site alone");
        (await browser.SendAsync(Post("/api/v1/conversations", null, null))).StatusCode.Should().Be(HttpStatusCode.Created,
            "a client that is not a browser sends neither header, and no browser leaves both out");
        (await browser.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK, "reading is not a change");

        // Bearer tokens are sent by code that holds them, never added by a browser on its own.
        var api = factory.Owner;
        (await api.SendAsync(Post("/api/v1/conversations", "https://evil.example", "cross-site"))).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    /// <summary>
    /// Every route that changes something, read from the host's own endpoint table so that a route added later is
    /// covered without anyone remembering to add it here: sent cross-site with the session cookie of an owner (who may
    /// do everything), each is refused with 403 and nothing in the database changes. Only the live sites' anonymous
    /// endpoints (the contact form and the visit beacon, under <c>/s/</c>) take cross-site posts; they use no cookie.
    /// </summary>
    [Fact]
    public async Task Every_cookie_authenticated_route_that_changes_something_refuses_a_cross_site_request()
    {
        var browser = await StudioBrowserAsync();
        var created = await browser.SendAsync(Post("/api/v1/projects", "http://localhost", "same-origin",
            JsonContent.Create(new { description = "Every Route Café is a café in Aveiro." })));
        var project = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var routes = ChangingRoutes().ToList();
        routes.Should().Contain(("POST", "/api/v1/projects/{id:guid}/publish")).And.Contain(("DELETE", "/api/v1/tenant"))
            .And.Contain(("POST", "/api/slack/events")).And.Contain(("POST", "/api/messages"))
            .And.HaveCountGreaterThan(30, "the host's endpoint table was read");
        var before = await factory.Database.SettledFingerprintAsync();

        foreach (var (method, pattern) in routes.Where(r => !r.Pattern.StartsWith("/s/", StringComparison.Ordinal)))
        {
            var path = RouteParameter().Replace(pattern, match => match.Value.Contains(":guid", StringComparison.Ordinal) ? project.ToString() : "x");
            foreach (var (origin, fetchSite) in new[] { ("https://evil.example", "cross-site"), ("https://rosas-bakery.navo.test", "same-site"), ("https://evil.example", null) })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Body("a form") };
                request.Headers.Add("Origin", origin);
                if (fetchSite is not null)
                {
                    request.Headers.Add("Sec-Fetch-Site", fetchSite);
                }

                var response = await browser.SendAsync(request);

                response.StatusCode.Should().Be(HttpStatusCode.Forbidden, $"{method} {pattern} from {origin}");
                (await response.Content.ReadAsStringAsync()).Should().Contain("another site", $"{method} {pattern}");
            }
        }

        (await factory.Database.FingerprintAsync()).Should().Equal(before, "no cross-site request changed anything");
        routes.Where(r => r.Pattern.StartsWith("/s/", StringComparison.Ordinal)).Should().BeEquivalentTo(
            new[] { ("POST", "/s/{slug}/_navo/form"), ("POST", "/s/{slug}/_navo/event"), ("POST", "/s/{slug}/_navo/mcp/") },
            "only the live sites' anonymous endpoints (the contact form, the visit beacon and the site's MCP endpoint) are under /s/");
    }

    /// <summary>Every method and route pattern of the host that is not a read.</summary>
    private IEnumerable<(string Method, string Pattern)> ChangingRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["POST"])
                .Where(method => method is not ("GET" or "HEAD" or "OPTIONS" or "TRACE"))
                .Select(method => (method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    private async Task<long> EventCountAsync()
    {
        await using var command = factory.Database.DataSource.CreateCommand("select count(*) from mt_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

public sealed class CrossSiteRequestInTestingTests(EveryChannelHostFactory factory) : CrossSiteRequestTests(factory), IClassFixture<EveryChannelHostFactory>;

public sealed class CrossSiteRequestInDevelopmentTests(DevelopmentEveryChannelHostFactory factory) : CrossSiteRequestTests(factory), IClassFixture<DevelopmentEveryChannelHostFactory>;
