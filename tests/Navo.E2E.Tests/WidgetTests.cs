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

    [Fact]
    public async Task A_list_of_suggestions_has_a_button_to_apply_each_which_answers_it_like_typing()
    {
        var page = await studio.Browser.NewPageAsync(studio.Host.Address);
        await page.GotoAsync("/signup");
        await page.GetByLabel("Email").FillAsync(TestAccounts.NewEmail("widget-suggestions"));
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync("**/studio");
        await page.GotoAsync("/");
        await page.AddScriptTagAsync(new() { Url = "/widget.js" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with Navo" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Dialog, new() { Name = "Navo chat" });
        var log = panel.GetByRole(AriaRole.Log);

        async Task SayAsync(string text, string answer)
        {
            await panel.GetByLabel("Message").FillAsync(text);
            await page.Keyboard.PressAsync("Enter");
            await Expect(log).ToContainTextAsync(answer);
            // The reply's text shows before its stream ends; the widget takes the next message once it has.
            await Expect(log.Locator("[aria-busy=true]")).ToHaveCountAsync(0);
        }

        await SayAsync("Rosa's Bakery is a bakery in Porto baking sourdough.", "Here's a first draft");
        await SayAsync("change the main button to 'Learn more'", "now reads 'Learn more'");
        await SayAsync("any suggestions?", "1. Change the button \"Learn more\" to");
        var apply = panel.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Apply suggestion 1: ") });
        await apply.ClickAsync();

        await Expect(log).ToContainTextAsync("Suggestion 1: Change the button");
        await Expect(apply).ToBeDisabledAsync();
    }
}
