using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Testing;
using Npgsql;

namespace Navo.Host.Tests.Sso;

/// <summary>
/// Single sign-on against a real OpenID Connect provider: a first sign-in joins with the default role; forged,
/// replayed and expired callbacks, and addresses outside the vouched domains, are refused, leave no member behind
/// and are in the audit log.
/// </summary>
public sealed class SsoSignInTests(SsoHostFactory factory) : IClassFixture<SsoHostFactory>
{
    private const string Forged = "the callback's state is missing or forged";

    [Fact]
    public async Task A_first_sign_in_joins_the_workspace_with_the_default_role_and_is_audited()
    {
        var (owner, domain, workspace) = await factory.ConnectedWorkspaceAsync(defaultRole: "editor");
        var browser = factory.Browser();

        var callback = await factory.CallbackAsync(browser, $"rosa@{domain}");
        var landed = await browser.GetAsync(callback);

        landed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        landed.Headers.Location!.OriginalString.Should().Be("/studio");
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("email").GetString().Should().Be($"rosa@{domain}");
        me.GetProperty("workspace").GetProperty("id").GetString().Should().Be(workspace);
        me.GetProperty("workspace").GetProperty("role").GetString().Should().Be("editor");
        (await SsoHostFactory.MemberCountAsync(owner)).Should().Be(2);
        (await SsoHostFactory.SsoAuditAsync(owner)).Should().Equal(("ok", null));

        // The second time, the same member signs in again: no second membership.
        var again = factory.Browser();
        (await again.GetAsync(await factory.CallbackAsync(again, $"Rosa@{domain}"))).Headers.Location!.OriginalString.Should().Be("/studio");
        (await SsoHostFactory.MemberCountAsync(owner)).Should().Be(2);
    }

    [Fact]
    public async Task A_replayed_callback_is_refused()
    {
        var (owner, domain, _) = await factory.ConnectedWorkspaceAsync();
        var browser = factory.Browser();
        var callback = await factory.CallbackAsync(browser, $"ana@{domain}");
        (await browser.GetAsync(callback)).Headers.Location!.OriginalString.Should().Be("/studio");
        var redeemed = factory.Provider.CodesRedeemed;

        var replayed = await browser.GetAsync(callback);
        var elsewhere = await factory.Browser().GetAsync(callback);

        replayed.Headers.Location!.OriginalString.Should().Be("/signin?sso=failed");
        (replayed.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).Should().NotContain(c => c.StartsWith("navo_session=", StringComparison.Ordinal), "a replay signs no one in");
        elsewhere.Headers.Location!.OriginalString.Should().Be("/signin?sso=failed");
        factory.Provider.CodesRedeemed.Should().Be(redeemed, "a replayed callback never reaches the provider");
        var reasons = (await SsoHostFactory.SsoAuditAsync(owner)).Select(e => e.Outcome).ToList();
        reasons.Should().Equal("ok", "denied", "denied");
    }

    [Fact]
    public async Task A_callback_with_a_forged_state_is_refused_and_leaves_no_member()
    {
        var (owner, domain, _) = await factory.ConnectedWorkspaceAsync();
        var browser = factory.Browser();
        var callback = await factory.CallbackAsync(browser, $"bo@{domain}");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://localhost"), callback).Query);
        var path = callback[..callback.IndexOf('?', StringComparison.Ordinal)];

        var forged = await browser.GetAsync($"{path}?code={Uri.EscapeDataString(query["code"]!)}&state=CfDJ8forged{Guid.NewGuid():N}");
        var missing = await browser.GetAsync($"{path}?code={Uri.EscapeDataString(query["code"]!)}");

        forged.Headers.Location!.OriginalString.Should().Be("/signin?sso=failed");
        missing.Headers.Location!.OriginalString.Should().Be("/signin?sso=failed");
        (await browser.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SsoHostFactory.MemberCountAsync(owner)).Should().Be(1);
        (await SsoHostFactory.SsoAuditAsync(owner)).Should().Equal(("denied", Forged), ("denied", Forged));
    }

    [Fact]
    public async Task A_state_made_for_another_workspace_is_refused()
    {
        var (first, firstDomain, _) = await factory.ConnectedWorkspaceAsync();
        var (_, _, secondWorkspace) = await factory.ConnectedWorkspaceAsync();
        var browser = factory.Browser();
        var callback = await factory.CallbackAsync(browser, $"cy@{firstDomain}");

        // The same code and state, delivered to the other workspace's callback.
        var moved = await browser.GetAsync($"/api/v1/auth/sso/callback/{secondWorkspace}{callback[callback.IndexOf('?', StringComparison.Ordinal)..]}");

        moved.Headers.Location!.OriginalString.Should().Be("/signin?sso=failed");
        (await SsoHostFactory.MemberCountAsync(first)).Should().Be(1);
    }

    [Theory]
    [InlineData("issuer", "the identity token's issuer is not the provider's")]
    [InlineData("audience", "the identity token was issued to another client")]
    [InlineData("nonce", "the identity token's nonce does not match this browser's")]
    public async Task An_identity_token_with_a_wrong_claim_is_refused(string wrong, string reason)
    {
        var (owner, domain, _) = await factory.ConnectedWorkspaceAsync();
        var browser = factory.Browser();
        var callback = await factory.CallbackAsync(browser, $"dee@{domain}");
        var tamper = factory.Provider.Tamper;
        switch (wrong)
        {
            case "issuer": tamper.Issuer = "https://login.attacker.example/"; break;
            case "audience": tamper.Audience = "some-other-client"; break;
            default: tamper.Nonce = "a nonce from another sign-in"; break;
        }

        try
        {
            var refused = await browser.GetAsync(callback);

            refused.Headers.Location!.OriginalString.Should().Be("/signin?sso=failed");
        }
        finally
        {
            tamper.Reset();
        }

        (await browser.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SsoHostFactory.MemberCountAsync(owner)).Should().Be(1);
        (await SsoHostFactory.SsoAuditAsync(owner)).Should().Equal(("denied", reason));
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        var (owner, domain, _) = await factory.ConnectedWorkspaceAsync();
        var browser = factory.Browser();
        var callback = await factory.CallbackAsync(browser, $"eve@{domain}");

        // The provider's codes live five minutes; its clock moves past that before the browser comes back.
        factory.Provider.Clock.Offset = TimeSpan.FromMinutes(10);
        HttpResponseMessage refused;
        try
        {
            refused = await browser.GetAsync(callback);
        }
        finally
        {
            factory.Provider.Clock.Offset = TimeSpan.Zero;
        }

        refused.Headers.Location!.OriginalString.Should().Be("/signin?sso=failed");
        (await SsoHostFactory.MemberCountAsync(owner)).Should().Be(1);
        (await SsoHostFactory.SsoAuditAsync(owner)).Should().Equal(("denied", "the provider refused the code (expired, already used, or issued to someone else)"));
    }

    [Fact]
    public async Task An_address_outside_the_vouched_domains_is_refused()
    {
        var (owner, domain, _) = await factory.ConnectedWorkspaceAsync();
        var browser = factory.Browser();
        var outsider = $"mallory-{Guid.NewGuid():N}@elsewhere.test";

        var callback = await factory.CallbackAsync(browser, $"fay@{domain}", providerEmail: outsider);
        var refused = await browser.GetAsync(callback);

        refused.Headers.Location!.OriginalString.Should().Be("/signin?sso=refused");
        (await browser.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SsoHostFactory.MemberCountAsync(owner)).Should().Be(1);
        (await SsoHostFactory.SsoAuditAsync(owner)).Should().Equal(("denied", "the e-mail's domain is not one this workspace's provider vouches for"));
        var login = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = outsider, password = TestAccounts.Password });
        login.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "no account was made for the outsider");
    }

    [Fact]
    public async Task An_address_no_workspace_vouches_for_is_told_to_use_its_password()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/sso", new { email = $"gil@nobody-{Guid.NewGuid():N}.test" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().Should().Be("No single sign-on for this address.");
        (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/sso", new { email = "not an address" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_provider_with_an_unverified_address_is_refused()
    {
        var (owner, domain, _) = await factory.ConnectedWorkspaceAsync();
        var browser = factory.Browser();
        var callback = await factory.CallbackAsync(browser, $"hal@{domain}");
        factory.Provider.Tamper.EmailVerified = false;
        try
        {
            (await browser.GetAsync(callback)).Headers.Location!.OriginalString.Should().Be("/signin?sso=refused");
        }
        finally
        {
            factory.Provider.Tamper.Reset();
        }

        (await SsoHostFactory.SsoAuditAsync(owner)).Should().Equal(("denied", "the provider has not verified the e-mail address"));
    }

    [Fact]
    public async Task A_provider_that_does_not_say_the_address_is_verified_is_refused()
    {
        var (owner, domain, _) = await factory.ConnectedWorkspaceAsync();
        var browser = factory.Browser();
        factory.Provider.Tamper.OmitEmailVerified = true;
        HttpResponseMessage refused;
        try
        {
            refused = await browser.GetAsync(await factory.CallbackAsync(browser, $"ian@{domain}"));
        }
        finally
        {
            factory.Provider.Tamper.Reset();
        }

        refused.Headers.Location!.OriginalString.Should().Be("/signin?sso=refused");
        (await browser.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SsoHostFactory.MemberCountAsync(owner)).Should().Be(1);
        (await SsoHostFactory.SsoAuditAsync(owner)).Should().Equal(("denied", "the provider has not verified the e-mail address"));
    }

    [Fact]
    public async Task A_provider_cannot_sign_in_to_an_account_that_already_has_its_address()
    {
        // The owner connects a provider they run, vouching for the domain of someone who already has a Navo account.
        var (owner, domain, workspace) = await factory.ConnectedWorkspaceAsync();
        var victimEmail = $"victim@{domain}";
        var victim = factory.CreateClient();
        await victim.SignInAsync(victimEmail);
        var victimMe = await victim.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var browser = factory.Browser();

        var refused = await browser.GetAsync(await factory.CallbackAsync(browser, victimEmail));

        refused.Headers.Location!.OriginalString.Should().Be("/signin?sso=exists");
        (refused.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).Should().NotContain(c => c.StartsWith("navo_session=", StringComparison.Ordinal));
        (await browser.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SsoHostFactory.MemberCountAsync(owner)).Should().Be(1, "the victim did not join the owner's workspace");
        (await SsoHostFactory.SsoAuditAsync(owner)).Should().Equal(("denied", "the e-mail belongs to an account not linked to this provider"));
        await using var db = new NpgsqlConnection(factory.Database.ConnectionString);
        await db.OpenAsync();
        await using var links = new NpgsqlCommand("select count(*) from navo_sso_identities where user_id = $1", db) { Parameters = { new() { Value = victimMe.GetProperty("userId").GetGuid() } } };
        ((long)(await links.ExecuteScalarAsync())!).Should().Be(0);
        var again = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = victimEmail, password = TestAccounts.Password });
        again.StatusCode.Should().Be(HttpStatusCode.OK, "the victim's own password still works");
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("workspace").GetString().Should().NotBe(workspace);
    }

    [Fact]
    public async Task A_returning_person_is_found_by_the_providers_subject()
    {
        var (owner, domain, _) = await factory.ConnectedWorkspaceAsync();
        var first = factory.Browser();
        (await first.GetAsync(await factory.CallbackAsync(first, $"jo@{domain}"))).Headers.Location!.OriginalString.Should().Be("/studio");
        var userId = (await first.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userId").GetGuid();

        await using var db = new NpgsqlConnection(factory.Database.ConnectionString);
        await db.OpenAsync();
        await using var link = new NpgsqlCommand("select issuer, subject from navo_sso_identities where user_id = $1", db) { Parameters = { new() { Value = userId } } };
        await using (var reader = await link.ExecuteReaderAsync())
        {
            (await reader.ReadAsync()).Should().BeTrue();
            reader.GetString(0).Should().Be(factory.Provider.Issuer.ToString());
            reader.GetString(1).Should().Be($"sub-jo@{domain}");
        }

        var second = factory.Browser();
        (await second.GetAsync(await factory.CallbackAsync(second, $"jo@{domain}"))).Headers.Location!.OriginalString.Should().Be("/studio");
        (await second.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userId").GetGuid().Should().Be(userId);
        (await SsoHostFactory.SsoAuditAsync(owner)).Should().Equal(("ok", null), ("ok", null));
    }
}
