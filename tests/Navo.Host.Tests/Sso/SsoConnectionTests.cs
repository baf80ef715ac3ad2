using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Testing;
using Navo.Testing.Identity;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Navo.Host.Identity.Sso;
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

    [Fact]
    public async Task Turning_sso_only_on_ends_the_password_sessions_of_everyone_but_the_break_glass_owner()
    {
        var owner = factory.CreateClient();
        var ownerTokens = await owner.SignInAsync(TestAccounts.NewEmail());
        var editor = factory.CreateClient();
        var editorTokens = await editor.SignInAsync(TestAccounts.NewEmail("member"), await owner.InviteAsync("editor"));

        (await owner.PutAsJsonAsync("/api/v1/workspace/sso", new
        {
            issuer = factory.Provider.Issuer.ToString(), clientId = TestIdentityProvider.ClientId, clientSecret = TestIdentityProvider.ClientSecret,
            domains = new[] { $"corp-{Guid.NewGuid():N}.test" }, ssoOnly = true,
        })).StatusCode.Should().Be(HttpStatusCode.OK);

        var editorRefresh = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = editorTokens.GetProperty("refreshToken").GetString() });
        var ownerRefresh = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = ownerTokens.GetProperty("refreshToken").GetString() });

        editorRefresh.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a password session ends when the workspace turns SSO only");
        (await editorRefresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().Should().Be("Sign in again.");
        ownerRefresh.StatusCode.Should().Be(HttpStatusCode.OK, "the break-glass owner keeps their way in");
    }

    [Fact]
    public async Task Registering_with_an_invitation_into_an_sso_only_workspace_is_refused()
    {
        var owner = await factory.SignUpAsync();
        var invitation = await owner.InviteAsync("editor");
        (await owner.PutAsJsonAsync("/api/v1/workspace/sso", new
        {
            issuer = factory.Provider.Issuer.ToString(), clientId = TestIdentityProvider.ClientId, clientSecret = TestIdentityProvider.ClientSecret,
            domains = new[] { $"corp-{Guid.NewGuid():N}.test" }, ssoOnly = true,
        })).StatusCode.Should().Be(HttpStatusCode.OK);
        var email = TestAccounts.NewEmail("member");

        var registered = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email, password = TestAccounts.Password, invitation });

        registered.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var problem = await registered.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Be("Sign in with SSO.");
        problem.GetRawText().Should().NotContain("at Navo.", "no stack trace");
        (await SsoHostFactory.MemberCountAsync(owner)).Should().Be(1);
        (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestAccounts.Password }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized, "no account was left behind");
    }

    [Fact]
    public async Task Two_workspaces_claiming_one_domain_at_once_get_one_connection_and_one_conflict()
    {
        for (var round = 0; round < 5; round++)
        {
            var first = await factory.SignUpAsync();
            var second = await factory.SignUpAsync();
            var domain = $"corp-{Guid.NewGuid():N}.test";

            var answers = await Task.WhenAll(first.PutAsJsonAsync("/api/v1/workspace/sso", Connection(domain)), second.PutAsJsonAsync("/api/v1/workspace/sso", Connection(domain)));

            answers.Select(a => a.StatusCode).Order().Should().Equal(HttpStatusCode.OK, HttpStatusCode.Conflict);
            var conflict = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
            conflict.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            (await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().Should().Be("The domain is taken.");
            var loser = answers[0] == conflict ? first : second;
            (await loser.GetAsync("/api/v1/workspace/sso")).StatusCode.Should().Be(HttpStatusCode.NotFound, "nothing of the losing request was written");
        }
    }

    [Fact]
    public async Task A_changed_connection_disposes_the_http_client_of_the_old_one()
    {
        var accessor = factory.Services.GetRequiredService<IHttpContextAccessor>();
        var options = factory.Services.GetRequiredService<WorkspaceSsoOptions>();
        var tenant = $"ws_{Guid.NewGuid():N}";
        var version = DateTimeOffset.UtcNow;
        OpenIdConnectOptions OptionsFor(DateTimeOffset updatedAt)
        {
            var http = new DefaultHttpContext();
            http.Items[SsoWorkspaceResolution.ItemKey] = new SsoConnection(tenant, factory.Provider.Issuer.ToString(), TestIdentityProvider.ClientId,
                TestIdentityProvider.ClientSecret, ["example.com"], "viewer", false, null, updatedAt);
            accessor.HttpContext = http;
            try
            {
                return options.Get(WorkspaceSsoOptions.Scheme);
            }
            finally
            {
                accessor.HttpContext = null;
            }
        }

        var old = OptionsFor(version);
        OptionsFor(version).Should().BeSameAs(old, "an unchanged connection keeps its options");
        (await old.Backchannel.GetAsync(new Uri(factory.Provider.Issuer, ".well-known/openid-configuration"))).StatusCode.Should().Be(HttpStatusCode.OK);

        var changed = OptionsFor(version.AddSeconds(1));

        changed.Should().NotBeSameAs(old);
        await FluentActions.Awaiting(() => old.Backchannel.GetAsync(factory.Provider.Issuer)).Should().ThrowAsync<ObjectDisposedException>();
        (await changed.Backchannel.GetAsync(new Uri(factory.Provider.Issuer, ".well-known/openid-configuration"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
