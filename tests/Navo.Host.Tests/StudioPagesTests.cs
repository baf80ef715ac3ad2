using System.Net;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

/// <summary>Navo's own pages as files: served with a strict policy, revalidated by ETag, small.</summary>
public sealed class StudioPagesTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/signin", "text/html")]
    [InlineData("/signup", "text/html")]
    [InlineData("/reset-password", "text/html")]
    [InlineData("/studio", "text/html")]
    [InlineData("/navo.css", "text/css")]
    [InlineData("/widget.js", "text/javascript")]
    public async Task Each_page_is_served_with_its_type_a_strict_policy_and_an_etag(string path, string type)
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(type);
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'");
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.TryAddWithoutValidation("If-None-Match", response.Headers.ETag!.Tag);
        (await client.SendAsync(again)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task The_pages_scripts_stay_under_60_KB_and_no_page_has_inline_script()
    {
        var client = factory.CreateClient();
        long total = 0;
        foreach (var script in new[] { "/auth.js", "/studio.js", "/widget.js" })
        {
            total += (await client.GetByteArrayAsync(script)).Length;
        }

        total.Should().BeLessThanOrEqualTo(60 * 1024);
        foreach (var page in new[] { "/", "/signin", "/signup", "/reset-password", "/studio" })
        {
            var html = await client.GetStringAsync(page);
            html.Should().NotContain("<script>").And.NotContain("onclick=").And.NotContain("style=\"");
        }
    }

    [Fact]
    public async Task The_demo_sign_in_is_shown_only_in_development() =>
        (await factory.CreateClient().GetAsync("/api/v1/auth/demo")).StatusCode.Should().Be(HttpStatusCode.NotFound);
}
