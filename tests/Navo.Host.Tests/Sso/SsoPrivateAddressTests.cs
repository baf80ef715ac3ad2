using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests.Sso;

/// <summary>Without <c>Navo:Auth:SsoPrivateIssuers</c>, an owner cannot make the host call into its own network.</summary>
public sealed class SsoPrivateAddressTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    [Fact]
    public async Task A_provider_on_a_private_address_is_not_reached_and_the_sign_in_fails_with_a_reason()
    {
        var owner = factory.Owner;
        var domain = $"corp-{Guid.NewGuid():N}.test";
        (await owner.PutAsJsonAsync("/api/v1/workspace/sso", new
        {
            issuer = "https://127.0.0.1:9/", clientId = "navo", clientSecret = "s", domains = new[] { domain },
        })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await owner.PutAsJsonAsync("/api/v1/workspace/sso", new { issuer = "http://127.0.0.1:9/" })).StatusCode
            .Should().Be(HttpStatusCode.BadRequest, "plain HTTP only on the loopback, and only with the setting");
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var found = await (await browser.PostAsJsonAsync("/api/v1/auth/sso", new { email = $"ivy@{domain}" })).Content.ReadFromJsonAsync<JsonElement>();

        var start = await browser.GetAsync(found.GetProperty("redirect").GetString());

        start.StatusCode.Should().Be(HttpStatusCode.Redirect);
        start.Headers.Location!.OriginalString.Should().Be("/signin?sso=failed");
        var refusals = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=50")).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "auth.sso_sign_in")
            .Select(e => (e.GetProperty("outcome").GetString(), e.GetProperty("detail").GetProperty("reason").GetString()));
        refusals.Should().Equal(("denied", "the provider's discovery document could not be read"));
    }
}
