using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

public sealed class ApiDocsTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    [Fact]
    public async Task The_openapi_document_describes_every_feature_and_a_page_browses_it()
    {
        var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var page = await client.GetAsync("/api/docs");
        var script = await client.GetAsync("/api/docs.js");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/api/v1/auth/login", "/api/v1/me", "/api/v1/projects", "/api/v1/conversations/{id}/messages",
            "/api/v1/workspace/members", "/api/v1/audit/export", "/api/v1/tenant/export", "/api/v1/projects/{id}/domains", "/api/v1/projects/{id}/assets"]);
        paths.Should().OnlyContain(p => p.StartsWith("/api/v1/", StringComparison.Ordinal), "every API path is versioned");
        var paging = document.GetProperty("paths").GetProperty("/api/v1/conversations/{id}/messages").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").ToDictionary(p => p.GetProperty("name").GetString()!);
        paging.Keys.Should().BeEquivalentTo("limit", "before");
        paging["limit"].GetProperty("description").GetString().Should().Contain("1 to 200 (default 50)");
        paging["before"].GetProperty("description").GetString().Should().Contain("turn number");
        document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Select(s => s.Name).Should().BeEquivalentTo("bearer", "apiKey");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("<script type=\"module\" src=\"/api/docs.js\">");
        page.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'");
        script.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        (await script.Content.ReadAsStringAsync()).Should().Contain("/openapi/v1.json").And.NotContain("innerHTML =");
    }
}
