using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Navo.Host.Tests.Support;
using Navo.Testing;

namespace Navo.Host.Tests;

/// <summary>
/// Two ways a page of Navo's could be turned against the person using it from another site: framed under a decoy
/// (clickjacking: the studio's buttons, a channel link's Confirm), or used to send someone on to another site after
/// they sign in (an open redirect). No page of Navo's can be framed by another site, and nothing a request says
/// makes Navo send anyone anywhere but its own paths.
/// </summary>
public abstract class FramingAndRedirectTests(EveryChannelHostFactory factory)
{
    /// <summary>Every GET route the host has whose address takes no parameter: the studio's pages, the link pages, the API page.</summary>
    private IEnumerable<string> PlainPages() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true && e.RoutePattern.Parameters.Count == 0)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct();

    [Fact]
    public async Task No_page_can_be_framed_by_another_site()
    {
        var pages = PlainPages().ToList();
        pages.Should().Contain(new[] { "/", "/signin", "/signup", "/studio", "/link/slack", "/link/teams", "/api/docs" });

        foreach (var path in pages)
        {
            var response = await factory.Owner.GetAsync(path);

            response.Headers.GetValues("X-Frame-Options").Should().ContainSingle(path).Which.Should().Be("DENY", path);
            response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'none'", path);
        }
    }

    [Fact]
    public async Task Previews_can_be_framed_by_the_studio_only_and_live_pages_by_no_one()
    {
        var created = await (await factory.Owner.PostAsJsonAsync("/api/v1/projects", new { description = "Frame Shop is a framer in Elvas." })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var slug = (await (await factory.Owner.PostAsync($"/api/v1/projects/{id}/publish", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("slug").GetString();

        var preview = await factory.Owner.GetAsync($"/preview/{id}/");
        preview.Headers.GetValues("X-Frame-Options").Should().ContainSingle().Which.Should().Be("SAMEORIGIN");
        preview.Headers.GetValues("Content-Security-Policy").Single().Should().EndWith("frame-ancestors 'self'");

        var live = await factory.Owner.GetAsync($"/s/{slug}/");
        live.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'none'");
    }

    public static TheoryData<string> HostileTargets() =>
    [
        "//evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example", "http:evil.example", "%2F%2Fevil.example",
        "%2f%5cevil.example", "/%09/evil.example", "https:%2F%2Fevil.example", "javascript:alert(1)", "//evil.example%2F%2E%2E",
        "/%2F%2Fevil.example", "///evil.example", "\u3002evil.example",
    ];

    /// <summary>
    /// Sign-in never reads where to go next from the request: the page, the login call and the studio answer the same
    /// whatever <c>returnUrl</c> (or its usual spellings) says, and none answers with a redirect.
    /// </summary>
    [Theory]
    [MemberData(nameof(HostileTargets))]
    public async Task Sign_in_sends_no_one_to_an_address_from_the_request(string target)
    {
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false });
        var plain = await browser.GetAsync("/signin");
        var query = string.Join('&', new[] { "returnUrl", "ReturnUrl", "redirect", "next", "redirect_uri", "continue" }.Select(name => $"{name}={Uri.EscapeDataString(target)}"));

        foreach (var path in new[] { "/signin", "/signup", "/studio", "/" })
        {
            var page = await browser.GetAsync($"{path}?{query}");
            page.StatusCode.Should().Be(HttpStatusCode.OK, path);
            page.Headers.Location.Should().BeNull(path);
            (await page.Content.ReadAsStringAsync()).Should().NotContain("evil.example", path);
        }

        (await browser.GetAsync($"/signin?{query}")).Headers.ETag.Should().Be(plain.Headers.ETag, "the same bytes as without the query");
        var email = TestAccounts.NewEmail();
        (await browser.PostAsJsonAsync($"/api/v1/auth/register?{query}", new { email, password = TestAccounts.Password })).StatusCode.Should().Be(HttpStatusCode.Created);
        var login = await browser.PostAsJsonAsync($"/api/v1/auth/login?{query}", new { email, password = TestAccounts.Password });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        login.Headers.Location.Should().BeNull();
        (await login.Content.ReadAsStringAsync()).Should().NotContain("evil.example");
    }

    [Fact]
    public async Task The_page_script_goes_to_the_studio_by_a_fixed_path_only()
    {
        var script = await factory.CreateClient().GetStringAsync("/auth.js");

        // Where the sign-in page sends people is fixed text in its script: the studio, Navo's own start of single
        // sign-on, or an assistant's request to connect at Navo's own authorization endpoint, each checked before it is
        // followed. The address is read only for the outcome of single sign-on, one of two fixed sentences, and for
        // that request to connect.
        script.Should().Contain("location.assign(\"/studio\")").And.NotContain("returnUrl");
        script.Should().Contain("const ssoStart = \"/api/v1/auth/sso/start/\";")
            .And.Contain("if (typeof redirect === \"string\" && redirect.startsWith(ssoStart)) location.assign(redirect);");
        script.Should().Contain("const connectStart = \"/oauth/authorize?\";")
            .And.Contain("return typeof next === \"string\" && next.startsWith(connectStart) ? next : null;")
            .And.Contain("if (connect) location.assign(connect);");
        System.Text.RegularExpressions.Regex.Matches(script, @"location\.(assign|replace|href\s*=)").Should().HaveCount(3);
        System.Text.RegularExpressions.Regex.Matches(script, @"location\.search[^;]*").Select(m => m.Value)
            .Should().Equal("location.search).get(\"next\")", "location.search).get(\"sso\")");
    }

    /// <summary>The redirects Navo does make (a live page's trailing slash, Slack's install) name paths of its own, whatever the request adds.</summary>
    [Fact]
    public async Task The_redirects_navo_makes_stay_on_its_own_paths()
    {
        using var browser = await factory.SignUpAsync(options: new() { AllowAutoRedirect = false });
        var created = await (await browser.PostAsJsonAsync("/api/v1/projects", new { description = "Slash Surf is a surf school in Peniche." })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var slug = (await (await browser.PostAsync($"/api/v1/projects/{id}/publish", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("slug").GetString();

        (await browser.GetAsync($"/s/{slug}")).StatusCode.Should().Be(HttpStatusCode.MovedPermanently, "the home page's address ends in a slash");
        foreach (var path in new[] { $"/s/{slug}", $"/s/{slug}?returnUrl=//evil.example", $"/s/{slug}/contact/?next=https://evil.example" })
        {
            var response = await browser.GetAsync(path);
            if (response.Headers.Location is { } location)
            {
                location.IsAbsoluteUri.Should().BeFalse(path);
                location.OriginalString.Should().NotStartWith("/").And.NotContain("evil", path);
            }
        }

        var cancelled = await browser.GetAsync("/api/slack/oauth/callback?error=access_denied&redirect_uri=https://evil.example&returnUrl=//evil.example");
        cancelled.Headers.Location!.OriginalString.Should().Be("/studio?slack=cancelled");
    }
}

public sealed class FramingAndRedirectInTestingTests(EveryChannelHostFactory factory) : FramingAndRedirectTests(factory), IClassFixture<EveryChannelHostFactory>;

public sealed class FramingAndRedirectInDevelopmentTests(DevelopmentEveryChannelHostFactory factory) : FramingAndRedirectTests(factory), IClassFixture<DevelopmentEveryChannelHostFactory>;
