using System.Text.Json;
using Microsoft.Playwright;
using Navo.E2E.Tests.Support;
using Navo.Testing;
using static Microsoft.Playwright.Assertions;

namespace Navo.E2E.Tests;

/// <summary>axe-core (WCAG 2.1 A and AA rules) on Navo's pages, and the screenshots the README shows.</summary>
public sealed class AccessibilityTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    private sealed record Violation(string Id, string Impact, string Help, int Nodes);

    private static async Task<IReadOnlyList<Violation>> AxeAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Browser.AxePath });
        var result = await page.EvaluateAsync<JsonElement>(
            """
            async () => (await axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"], iframes: false }))
                .violations.map(v => ({ id: v.id, impact: v.impact ?? "minor", help: v.help, nodes: v.nodes.length }))
            """);
        return result.Deserialize<Violation[]>(JsonSerializerOptions.Web)!;
    }

    private async Task<IPage> StudioWithDraftAsync(int width, int height, bool bypassCsp)
    {
        var page = await studio.Browser.NewPageAsync(studio.Host.Address, width, height, bypassCsp);
        await page.GotoAsync("/signup");
        await page.GetByLabel("Email").FillAsync(TestAccounts.NewEmail("a11y"));
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync("**/studio");
        await page.GetByLabel("Message").FillAsync("Build a site for Casa Azul, a restaurant in Faro serving grilled fish and local wine");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(page.FrameLocator("iframe[title='Site preview']").Locator("h1")).ToContainTextAsync("Casa Azul");
        return page;
    }

    [Fact]
    public async Task The_analytics_card_in_the_chat_and_in_its_dialog_has_no_serious_or_critical_violations()
    {
        var page = await StudioWithDraftAsync(1280, 800, bypassCsp: true);
        await page.GetByLabel("Message").FillAsync("how did my site do this week?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(page.Locator(".navo-chat figure.analytics svg")).ToBeVisibleAsync();
        await Expect(page.Locator(".navo-chat figure.analytics dl")).ToBeVisibleAsync();
        (await AxeAsync(page)).Where(v => v.Impact is "serious" or "critical").Should().BeEmpty("the analytics card in the chat");

        await page.GetByRole(AriaRole.Button, new() { Name = "Analytics", Exact = true }).ClickAsync();
        await Expect(page.Locator("#analytics-dialog figure.analytics svg")).ToBeVisibleAsync();
        (await AxeAsync(page)).Where(v => v.Impact is "serious" or "critical").Should().BeEmpty("the analytics dialog");
    }

    [Fact]
    public async Task The_experiment_card_and_the_workspace_dialog_have_no_serious_or_critical_violations()
    {
        var page = await StudioWithDraftAsync(1280, 800, bypassCsp: true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog, new() { Name = "Publish your site?" }).GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(page.Locator("#live a")).ToBeVisibleAsync();
        await page.GetByLabel("Message").FillAsync("try 'Save me a table' against the current button");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(page.Locator(".navo-chat figure.experiment table")).ToBeVisibleAsync();
        (await AxeAsync(page)).Where(v => v.Impact is "serious" or "critical").Should().BeEmpty("the experiment card");

        await page.GetByRole(AriaRole.Button, new() { Name = "Workspace" }).ClickAsync();
        await Expect(page.Locator("#workspace-summary")).ToBeVisibleAsync();
        (await AxeAsync(page)).Where(v => v.Impact is "serious" or "critical").Should().BeEmpty("the workspace dialog");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/signin")]
    [InlineData("/signup")]
    [InlineData("/reset-password")]
    public async Task The_public_pages_have_no_serious_or_critical_violations(string path)
    {
        var page = await studio.Browser.NewPageAsync(studio.Host.Address, bypassCsp: true);
        await page.GotoAsync(path);

        var violations = await AxeAsync(page);

        violations.Where(v => v.Impact is "serious" or "critical").Should().BeEmpty();
    }

    [Fact]
    public async Task The_studio_and_the_drafted_site_have_no_serious_or_critical_violations()
    {
        var page = await StudioWithDraftAsync(1280, 800, bypassCsp: true);

        (await AxeAsync(page)).Where(v => v.Impact is "serious" or "critical").Should().BeEmpty("the studio");
        var preview = await page.Locator("iframe[title='Site preview']").GetAttributeAsync("src");
        await page.GotoAsync(preview!);
        (await AxeAsync(page)).Where(v => v.Impact is "serious" or "critical").Should().BeEmpty("the drafted site");
    }

    [Fact]
    public async Task The_studio_with_a_photo_and_the_published_page_have_no_serious_or_critical_violations()
    {
        var page = await StudioWithDraftAsync(1280, 800, bypassCsp: true);
        await Browser.DropFileAsync(page, "#preview-pane", TestImages.Photo(1200, 800), "terrace.jpg", "image/jpeg");
        await Expect(page.Locator(".message.assistant").Last).ToContainTextAsync("Where should this photo go");
        await page.GetByLabel("Message").FillAsync("use this as the main photo, it's our terrace at sunset");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(page.FrameLocator("iframe[title='Site preview']").Locator("[data-type='hero'] img")).ToHaveAttributeAsync("alt", "Our terrace at sunset");

        (await AxeAsync(page)).Where(v => v.Impact is "serious" or "critical").Should().BeEmpty("the studio with a photo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await page.GotoAsync((await page.Locator("#live a").GetAttributeAsync("href"))!);
        await Expect(page.Locator("img[srcset]").First).ToBeVisibleAsync();
        (await AxeAsync(page)).Where(v => v.Impact is "serious" or "critical").Should().BeEmpty("the published page with a photo");
    }

    [Fact]
    public async Task On_a_phone_the_chat_keeps_room_for_the_conversation_above_the_preview()
    {
        var page = await StudioWithDraftAsync(390, 844, bypassCsp: false);

        // The bar is one row: before, its buttons wrapped onto four and left the conversation about 80 pixels.
        var bar = (await page.Locator(".studio-bar").BoundingBoxAsync())!;
        var log = (await page.Locator(".navo-chat .log").BoundingBoxAsync())!;
        var preview = (await page.Locator("#preview").BoundingBoxAsync())!;
        bar.Height.Should().BeLessThan(60);
        log.Height.Should().BeGreaterThan(250);
        preview.Y.Should().BeGreaterThan(log.Y + log.Height);
        preview.Height.Should().BeGreaterThan(200);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish" })).ToBeInViewportAsync();
        await page.Locator(".studio-bar").EvaluateAsync("bar => bar.scrollLeft = bar.scrollWidth");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeInViewportAsync();
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("mobile", 390, 844)]
    public async Task Screenshots_of_the_studio_are_saved(string name, int width, int height)
    {
        var page = await StudioWithDraftAsync(width, height, bypassCsp: false);
        Directory.CreateDirectory(Browser.ScreenshotFolder);
        var file = Path.Combine(Browser.ScreenshotFolder, $"studio-{name}.png");

        await page.ScreenshotAsync(new() { Path = file });

        new FileInfo(file).Length.Should().BeGreaterThan(10_000);
    }
}
