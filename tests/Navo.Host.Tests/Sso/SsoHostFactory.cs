using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Navo.Host.Tests.Support;
using Navo.Testing.Identity;

namespace Navo.Host.Tests.Sso;

/// <summary>The host in-process beside a real OpenID Connect provider (OpenIddict on a loopback port) it may reach.</summary>
public sealed class SsoHostFactory : NavoHostFactory
{
    public TestIdentityProvider Provider { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Provider = await TestIdentityProvider.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Navo:Auth:SsoPrivateIssuers", "true");
    }

    /// <summary>A browser-like client: keeps cookies, follows no redirect, so each step can be looked at.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// Connects a new workspace (its owner is returned) to the provider for a fresh domain, with
    /// <paramref name="defaultRole"/>, and registers its redirect URI with the provider.
    /// </summary>
    public async Task<(HttpClient Owner, string Domain, string Workspace)> ConnectedWorkspaceAsync(string defaultRole = "editor")
    {
        var owner = await SignUpAsync();
        var domain = $"corp-{Guid.NewGuid():N}.test";
        var response = await owner.PutAsJsonAsync("/api/v1/workspace/sso", new
        {
            issuer = Provider.Issuer.ToString(),
            clientId = TestIdentityProvider.ClientId,
            clientSecret = TestIdentityProvider.ClientSecret,
            domains = new[] { domain },
            defaultRole,
        });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Provider.AllowRedirectUri(view.GetProperty("redirectUri").GetString()!);
        var workspace = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("workspace").GetProperty("id").GetString()!;
        return (owner, domain, workspace);
    }

    /// <summary>
    /// The first half of a sign-in: the sign-in page's question, the start (which sets this browser's correlation
    /// and nonce cookies) and the provider's sign-in as <paramref name="providerEmail"/>; returns the callback the
    /// provider sends the browser to, not yet followed.
    /// </summary>
    public async Task<string> CallbackAsync(HttpClient browser, string email, string? providerEmail = null)
    {
        var found = await browser.PostAsJsonAsync("/api/v1/auth/sso", new { email });
        found.StatusCode.Should().Be(HttpStatusCode.OK, await found.Content.ReadAsStringAsync());
        var start = await browser.GetAsync((await found.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("redirect").GetString());
        start.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var authorize = start.Headers.Location!;
        authorize.GetLeftPart(UriPartial.Authority).Should().Be(Provider.Issuer.GetLeftPart(UriPartial.Authority));

        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var fields = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        var form = fields.AllKeys.ToDictionary(key => key!, key => fields[key]!);
        form["email"] = providerEmail ?? email;
        var signedIn = await provider.PostAsync(new Uri(Provider.Issuer, "connect/authorize"), new FormUrlEncodedContent(form));
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        var callback = signedIn.Headers.Location!;
        callback.Query.Should().Contain("code=").And.Contain("state=");
        return callback.PathAndQuery;
    }

    /// <summary>The audit lines about SSO sign-ins in the owner's workspace, oldest first, as (outcome, reason).</summary>
    public static async Task<List<(string Outcome, string? Reason)>> SsoAuditAsync(HttpClient owner)
    {
        var entries = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=200")).GetProperty("entries").EnumerateArray();
        return [.. entries.Where(e => e.GetProperty("action").GetString() == "auth.sso_sign_in").Reverse()
            .Select(e => (e.GetProperty("outcome").GetString()!,
                e.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.Object && detail.TryGetProperty("reason", out var reason)
                    ? reason.GetString() : null))];
    }

    public static async Task<int> MemberCountAsync(HttpClient owner) =>
        (await owner.GetFromJsonAsync<JsonElement>("/api/v1/workspace/members")).GetArrayLength();
}
