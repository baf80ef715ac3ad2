using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Testing;
using Navo.Testing.Identity;
using Npgsql;

namespace Navo.Host.Tests.Sso;

/// <summary>Connecting a provider is the owner's, is checked, keeps the secret encrypted, and can make SSO the only way in.</summary>
public sealed class SsoConnectionTests(SsoHostFactory factory) : IClassFixture<SsoHostFactory>
{
    private object Connection(string domain) => new
    {
        issuer = factory.Provider.Issuer.ToString(),
        clientId = TestIdentityProvider.ClientId,
        clientSecret = TestIdentityProvider.ClientSecret,
        domains = new[] { domain },
        defaultRole = "viewer",
    };

    [Fact]
    public async Task The_client_secret_is_never_shown_and_is_encrypted_at_rest()
    {
        var (owner, domain, workspace) = await factory.ConnectedWorkspaceAsync();

        var view = await owner.GetFromJsonAsync<JsonElement>("/api/v1/workspace/sso");

        view.GetRawText().Should().NotContain(TestIdentityProvider.ClientSecret);
        view.GetProperty("hasClientSecret").GetBoolean().Should().BeTrue();
        view.GetProperty("domains").EnumerateArray().Select(d => d.GetString()).Should().Equal(domain);
        view.GetProperty("redirectUri").GetString().Should().Be($"http://localhost/api/v1/auth/sso/callback/{workspace}");
        await using var connection = new NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select client_secret from navo_sso_connections where tenant_id = $1", connection) { Parameters = { new() { Value = workspace } } };
        var stored = (string)(await command.ExecuteScalarAsync())!;
        stored.Should().NotContain(TestIdentityProvider.ClientSecret).And.StartWith("CfDJ8", "Data Protection's envelope");

        // A change without a secret keeps the stored one.
        (await owner.PutAsJsonAsync("/api/v1/workspace/sso", new { defaultRole = "editor" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var browser = factory.Browser();
        (await browser.GetAsync(await factory.CallbackAsync(browser, $"ida@{domain}"))).Headers.Location!.OriginalString.Should().Be("/studio");
        (await browser.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("workspace").GetProperty("role").GetString().Should().Be("editor");
    }

    [Fact]
    public async Task Only_an_owner_connects_a_provider_and_what_they_give_is_checked()
    {
        var owner = await factory.SignUpAsync();
        var editor = await factory.MemberAsync("editor", owner);
        var domain = $"corp-{Guid.NewGuid():N}.test";

        (await editor.PutAsJsonAsync("/api/v1/workspace/sso", Connection(domain))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await editor.GetAsync("/api/v1/workspace/sso")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await owner.GetAsync("/api/v1/workspace/sso")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        async Task<string?> TitleOf(object body)
        {
            var response = await owner.PutAsJsonAsync("/api/v1/workspace/sso", body);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString();
        }

        (await TitleOf(new { issuer = "ftp://login.example.com", clientId = "c", clientSecret = "s", domains = new[] { domain } })).Should().Be("The issuer is not valid.");
        (await TitleOf(new { issuer = "http://login.example.com", clientId = "c", clientSecret = "s", domains = new[] { domain } })).Should().Be("The issuer is not valid.");
        (await TitleOf(new { issuer = "https://login.example.com", clientId = "c", domains = new[] { domain } })).Should().Be("The client secret is missing.");
        (await TitleOf(new { issuer = "https://login.example.com", clientId = "c", clientSecret = "s", domains = new[] { "@example.com" } })).Should().Be("The domains are not valid.");
        (await TitleOf(new { issuer = "https://login.example.com", clientId = "c", clientSecret = "s", domains = new[] { domain }, defaultRole = "owner" })).Should().Be("The default role is not valid.");
        (await owner.GetAsync("/api/v1/workspace/sso")).StatusCode.Should().Be(HttpStatusCode.NotFound, "nothing was written");
    }

    [Fact]
    public async Task A_domain_belongs_to_one_workspace()
    {
        var (_, domain, _) = await factory.ConnectedWorkspaceAsync();
        var other = await factory.SignUpAsync();

        var taken = await other.PutAsJsonAsync("/api/v1/workspace/sso", Connection(domain.ToUpperInvariant()));

        taken.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await other.GetAsync("/api/v1/workspace/sso")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sso_only_refuses_password_sign_in_to_everyone_but_the_break_glass_owner()
    {
        var ownerEmail = TestAccounts.NewEmail();
        var owner = factory.CreateClient();
        await owner.SignInAsync(ownerEmail);
        var ownerId = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userId").GetGuid();
        var editorEmail = TestAccounts.NewEmail("member");
        await factory.CreateClient().SignInAsync(editorEmail, await owner.InviteAsync("editor"));
        var secondOwnerEmail = TestAccounts.NewEmail("member");
        await factory.CreateClient().SignInAsync(secondOwnerEmail, await owner.InviteAsync("owner"));
        var domain = $"corp-{Guid.NewGuid():N}.test";

        var connected = await owner.PutAsJsonAsync("/api/v1/workspace/sso", new
        {
            issuer = factory.Provider.Issuer.ToString(), clientId = TestIdentityProvider.ClientId, clientSecret = TestIdentityProvider.ClientSecret,
            domains = new[] { domain }, ssoOnly = true,
        });
        connected.StatusCode.Should().Be(HttpStatusCode.OK);
        (await connected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("breakGlassOwner").GetGuid().Should().Be(ownerId, "the owner who turns it on keeps the way in");

        var editor = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = editorEmail, password = TestAccounts.Password });
        var secondOwner = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = secondOwnerEmail, password = TestAccounts.Password });
        var breakGlass = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = ownerEmail, password = TestAccounts.Password });

        editor.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await editor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().Should().Be("Sign in with SSO.");
        secondOwner.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        breakGlass.StatusCode.Should().Be(HttpStatusCode.OK);
        var entries = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=200")).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "auth.sign_in" && e.GetProperty("outcome").GetString() == "denied").ToList();
        entries.Should().HaveCount(2);
        entries.Should().OnlyContain(e => e.GetProperty("detail").GetProperty("reason").GetString() == "the workspace requires single sign-on");

        // Turned off, passwords work again.
        (await owner.PutAsJsonAsync("/api/v1/workspace/sso", new { ssoOnly = false })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = editorEmail, password = TestAccounts.Password })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_break_glass_owner_must_be_an_owner()
    {
        var owner = await factory.SignUpAsync();
        var editor = await factory.MemberAsync("editor", owner);
        var editorId = (await editor.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userId").GetGuid();

        var response = await owner.PutAsJsonAsync("/api/v1/workspace/sso", new
        {
            issuer = factory.Provider.Issuer.ToString(), clientId = TestIdentityProvider.ClientId, clientSecret = TestIdentityProvider.ClientSecret,
            domains = new[] { $"corp-{Guid.NewGuid():N}.test" }, ssoOnly = true, breakGlassOwner = editorId,
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().Should().Be("The break-glass owner is not an owner.");
    }
}
