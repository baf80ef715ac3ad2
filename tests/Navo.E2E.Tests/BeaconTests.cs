using System.Net.Http.Json;
using System.Text.Json;
using Navo.E2E.Tests.Support;
using Navo.Testing;

namespace Navo.E2E.Tests;

/// <summary>The visit counter in a real Chromium, under the live page's own Content-Security-Policy.</summary>
public sealed class BeaconTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    [Fact]
    public async Task A_live_page_counts_its_view_and_a_hero_click_under_its_policy_and_leaves_no_cookie()
    {
        using var owner = new HttpClient { BaseAddress = studio.Host.Address };
        await owner.SignInAsync(TestAccounts.NewEmail("beacon"));
        var id = (await (await owner.PostAsJsonAsync("/api/v1/projects", new { description = "Rosa's Bakery is a bakery in Porto selling sourdough." }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var url = (await (await owner.PostAsync($"/api/v1/projects/{id}/publish", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("live").GetProperty("url").GetString()!;
        // Playwright's headless Chromium says it is headless and automated, and robots are not visitors: this page is a person's.
        var context = await studio.Browser.Chromium.NewContextAsync(new()
        {
            BaseURL = studio.Host.Address.ToString(),
            UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
        });
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync("Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false })");
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        var failed = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        };

        await page.GotoAsync(url);
        var viewed = await WaitForAsync(owner, id, "pageviews", 1);
        await page.Locator("section[data-type=hero] a.button").ClickAsync();
        var clicked = await WaitForAsync(owner, id, "ctaClicks", 1);

        failed.Should().BeEmpty();
        // (The browser's own request for /favicon.ico, which a site does not have, is the one 404 it reports.)
        errors.Should().NotContain(e => e.Contains("Content Security Policy", StringComparison.Ordinal) || e.Contains("Refused", StringComparison.Ordinal),
            "the policy allows the beacon and its endpoint");
        viewed.Should().Be(1);
        clicked.Should().Be(1);
        (await page.Context.CookiesAsync()).Should().BeEmpty();
        (await page.EvaluateAsync<int>("localStorage.length + sessionStorage.length")).Should().Be(0);
    }

    /// <summary>A figure of the site's report once the host has written its buffer (every second), or what it was after ten.</summary>
    private static async Task<long> WaitForAsync(HttpClient owner, Guid id, string figure, long expected)
    {
        var value = 0L;
        for (var i = 0; i < 100 && value < expected; i++)
        {
            await Task.Delay(100);
            value = (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/analytics?period=7d")).GetProperty(figure).GetInt64();
        }

        return value;
    }
}
