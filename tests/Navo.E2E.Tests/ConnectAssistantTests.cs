using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using Navo.E2E.Tests.Support;
using Navo.Testing;
using static Microsoft.Playwright.Assertions;

namespace Navo.E2E.Tests;

/// <summary>
/// Connecting an assistant in a real Chromium: the assistant's link sends a person who is not signed in to the sign-in
/// page, back to the consent page once signed in, and with their yes to the assistant's loopback address with a code.
/// </summary>
public sealed class ConnectAssistantTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    [Fact]
    public async Task A_person_signs_in_from_the_assistants_link_consents_and_the_assistant_gets_a_working_token()
    {
        var api = new HttpClient { BaseAddress = studio.Host.Address };
        var email = TestAccounts.NewEmail();
        await api.SignInAsync(email);
        const string redirectUri = "http://127.0.0.1:47321/callback";
        var registered = await api.PostAsJsonAsync("/oauth/register", new
        {
            redirect_uris = new[] { redirectUri }, client_name = "E2E Assistant", grant_types = new[] { "authorization_code", "refresh_token" },
        });
        var clientId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client_id").GetString()!;
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var mcp = new Uri(studio.Host.Address, "/mcp").ToString();
        var authorize = QueryHelpers.AddQueryString("/oauth/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["scope"] = "mcp offline_access", ["state"] = "e2e",
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))), ["code_challenge_method"] = "S256", ["resource"] = mcp,
        });
        var page = await studio.Browser.NewPageAsync(studio.Host.Address);
        var returned = new TaskCompletionSource<string>();
        await page.RouteAsync($"{redirectUri}**", async route =>
        {
            returned.TrySetResult(route.Request.Url);
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/plain", Body = "You can close this window." });
        });

        await page.GotoAsync(authorize);
        await page.WaitForURLAsync("**/signin?next=**");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connect E2E Assistant to Navo?" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.GetByLabel("Role").SelectOptionAsync("viewer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        var callback = new Uri(await returned.Task.WaitAsync(TimeSpan.FromSeconds(60)));

        var query = QueryHelpers.ParseQuery(callback.Query);
        query["state"].ToString().Should().Be("e2e");
        var token = await api.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = query["code"].ToString(), ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier, ["resource"] = mcp,
        }));
        token.StatusCode.Should().Be(HttpStatusCode.OK);
        using var list = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = JsonContent.Create(new { jsonrpc = "2.0", id = 1, method = "tools/list" }) };
        list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        list.Headers.Accept.ParseAdd("application/json");
        list.Headers.Accept.ParseAdd("text/event-stream");
        (await new HttpClient { BaseAddress = studio.Host.Address }.SendAsync(list)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
