using System.Net;
using System.Net.Http.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests.OAuth;

/// <summary>A Production host given no certificates offers no OAuth: nothing to discover, register or sign in to; API keys still work.</summary>
public sealed class ProductionWithoutKeysTests(ProductionHostFactory factory) : IClassFixture<ProductionHostFactory>
{
    [Fact]
    public async Task Without_certificates_production_offers_no_authorization_server_and_mcp_asks_for_a_key_as_before()
    {
        var anonymous = factory.CreateClient();

        (await anonymous.GetAsync("/.well-known/oauth-authorization-server")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/.well-known/oauth-protected-resource")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.PostAsJsonAsync("/oauth/register", new { redirect_uris = new[] { "https://assistant.example/cb" } })).StatusCode
            .Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed);
        var mcp = await anonymous.PostAsJsonAsync("/mcp", new { jsonrpc = "2.0", id = 1, method = "tools/list" });
        mcp.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        mcp.Headers.WwwAuthenticate.Single().ToString().Should().Be("Bearer");
    }
}
