using Microsoft.Playwright;
using Navo.E2E.Tests.Support;
using Navo.Testing;
using static Microsoft.Playwright.Assertions;

namespace Navo.E2E.Tests;

/// <summary>The chat widget on another Navo page, used with the keyboard alone.</summary>
public sealed class WidgetTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    [Fact]
    public async Task The_widget_opens_the_chat_panel_on_another_page_and_works_from_the_keyboard()
    {
        var page = await studio.Browser.NewPageAsync(studio.Host.Address);
        await page.GotoAsync("/signup");
        await page.GetByLabel("Email").FillAsync(TestAccounts.NewEmail("widget"));
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync("**/studio");
        await page.GotoAsync("/");
        await page.AddScriptTagAsync(new() { Url = "/widget.js" });

        var launcher = page.GetByRole(AriaRole.Button, new() { Name = "Chat with Navo" });
        await launcher.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var panel = page.GetByRole(AriaRole.Dialog, new() { Name = "Navo chat" });
        await Expect(panel).ToBeVisibleAsync();
        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(panel.GetByLabel("Message")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("what can you do?");
        await page.Keyboard.PressAsync("Enter");
        await Expect(panel.GetByRole(AriaRole.Log)).ToContainTextAsync("I can draft a site");

        await page.Keyboard.PressAsync("Escape");
        await Expect(panel).ToBeHiddenAsync();
        await Expect(launcher).ToBeFocusedAsync();
    }
}
