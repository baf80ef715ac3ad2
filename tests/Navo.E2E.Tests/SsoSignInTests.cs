using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Navo.E2E.Tests.Support;
using Navo.Testing;
using Navo.Testing.Identity;
using static Microsoft.Playwright.Assertions;

namespace Navo.E2E.Tests;

/// <summary>"Sign in with SSO" in a real Chromium, through a real OpenID Connect provider and back into the studio.</summary>
public sealed class SsoSignInTests(SsoFixture sso) : IClassFixture<SsoFixture>
{
    /// <summary>A new workspace whose owner connected the provider for a fresh domain, new members joining as viewers.</summary>
    private async Task<(HttpClient Owner, string Domain)> ConnectedWorkspaceAsync()
    {
        var owner = new HttpClient { BaseAddress = sso.Host.Address };
        await owner.SignInAsync(TestAccounts.NewEmail());
        var domain = $"corp-{Guid.NewGuid():N}.test";
        var response = await owner.PutAsJsonAsync("/api/v1/workspace/sso", new
        {
            issuer = sso.Provider.Issuer.ToString(), clientId = TestIdentityProvider.ClientId, clientSecret = TestIdentityProvider.ClientSecret,
            domains = new[] { domain }, defaultRole = "viewer",
        });
        response.EnsureSuccessStatusCode();
        sso.Provider.AllowRedirectUri((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("redirectUri").GetString()!);
        return (owner, domain);
    }

    [Fact]
    public async Task A_person_signs_in_with_their_company_and_lands_in_the_studio_as_a_new_viewer()
    {
        var (owner, domain) = await ConnectedWorkspaceAsync();
        var email = $"rosa@{domain}";
        var page = await sso.Browser.NewPageAsync(sso.Host.Address);

        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with SSO" }).ClickAsync();

        // The first sign-in of a workspace reads the provider's discovery document and keys: allow a loaded machine time.
        await page.WaitForURLAsync($"{sso.Provider.Issuer}connect/authorize**", new() { Timeout = 60_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Example Corp" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Work e-mail")).ToHaveValueAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync("**/studio", new() { Timeout = 60_000 });

        var me = await page.EvaluateAsync<JsonElement>("async () => (await fetch('/api/v1/me')).json()");
        me.GetProperty("email").GetString().Should().Be(email);
        me.GetProperty("workspace").GetProperty("role").GetString().Should().Be("viewer");
        var members = await owner.GetFromJsonAsync<JsonElement>("/api/v1/workspace/members");
        members.EnumerateArray().Select(m => (m.GetProperty("email").GetString(), m.GetProperty("role").GetString()))
            .Should().Contain((email, "viewer"));
        var audit = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=50")).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "auth.sso_sign_in").Select(e => e.GetProperty("outcome").GetString());
        audit.Should().Equal("ok");
    }

    [Fact]
    public async Task An_address_the_provider_gives_outside_the_vouched_domains_comes_back_to_the_sign_in_page_with_a_sentence()
    {
        var (_, domain) = await ConnectedWorkspaceAsync();
        var page = await sso.Browser.NewPageAsync(sso.Host.Address);

        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync($"sam@{domain}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with SSO" }).ClickAsync();
        await page.WaitForURLAsync($"{sso.Provider.Issuer}connect/authorize**", new() { Timeout = 60_000 });
        await page.GetByLabel("Work e-mail").FillAsync("sam@personal-mail.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.WaitForURLAsync("**/signin?sso=refused", new() { Timeout = 60_000 });
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "Your company's sign-in did not vouch for that e-mail address here. Ask your workspace's owner.");
        (await page.EvaluateAsync<int>("async () => (await fetch('/api/v1/me')).status")).Should().Be(401);
    }

    [Fact]
    public async Task An_address_no_workspace_vouches_for_is_told_so_on_the_sign_in_page()
    {
        var page = await sso.Browser.NewPageAsync(sso.Host.Address);

        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync($"kim@nobody-{Guid.NewGuid():N}.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with SSO" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "No workspace signs in people from this e-mail's domain with its own provider. Sign in with your password instead.");
        page.Url.Should().EndWith("/signin");
    }
}
