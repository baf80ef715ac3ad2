using Microsoft.Playwright;
using Navo.E2E.Tests.Support;
using Navo.Testing;
using static Microsoft.Playwright.Assertions;

namespace Navo.E2E.Tests;

/// <summary>A person's way through Navo in a real Chromium: sign up, describe, edit, compare, restore, publish.</summary>
public sealed class StudioTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    private static ILocator Preview(IPage page) => page.FrameLocator("iframe[title='Site preview']").Locator("body");

    private async Task<IPage> SignedUpAsync(int width = 1280, int height = 800)
    {
        var page = await studio.Browser.NewPageAsync(studio.Host.Address, width, height);
        await page.GotoAsync("/signup");
        await Expect(page.GetByText("What happens next")).ToBeVisibleAsync();
        await page.GetByLabel("Email").FillAsync(TestAccounts.NewEmail("studio"));
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync("**/studio");
        return page;
    }

    private static async Task SayAsync(IPage page, string text)
    {
        await page.GetByLabel("Message").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task A_new_user_drafts_edits_compares_restores_and_publishes_a_site()
    {
        var page = await studio.Browser.NewPageAsync(studio.Host.Address);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(TestAccounts.NewEmail("journey"));
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync("**/studio");

        await SayAsync(page, "Build a site for Rosa's Bakery, a bakery in Porto selling sourdough and pastries");
        await Expect(Preview(page).Locator("h1")).ToContainTextAsync("Rosa");
        var drafted = await Preview(page).Locator("h1").InnerTextAsync();

        await SayAsync(page, "change the headline to 'Fresh bread every morning'");
        await Expect(Preview(page).Locator("h1")).ToHaveTextAsync("Fresh bread every morning");

        await page.GetByRole(AriaRole.Button, new() { Name = "History", Exact = true }).ClickAsync();
        var history = page.GetByRole(AriaRole.Dialog, new() { Name = "History", Exact = true });
        await Expect(history.GetByText("Changed the headline")).ToBeVisibleAsync();
        await history.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Expect(history.Locator("#diff")).ToContainTextAsync("Fresh bread every morning");
        await history.GetByRole(AriaRole.Button, new() { Name = "Restore version 2" }).ClickAsync();
        await Expect(Preview(page).Locator("h1")).ToHaveTextAsync(drafted);

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = "Publish your site?" });
        // The draft's reviews and answers are Navo's samples: the dialog says the live site leaves them out.
        await Expect(confirm.Locator("#publish-sample")).ToContainTextAsync("sample content, which the live site leaves out");
        await Expect(confirm.Locator("#publish-unnamed")).ToBeHiddenAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        var live = page.Locator("#live a");
        await Expect(live).ToBeVisibleAsync();
        var url = await live.GetAttributeAsync("href");
        var livePage = await page.Context.NewPageAsync();
        await livePage.GotoAsync(url!);
        await Expect(livePage.Locator("h1")).ToHaveTextAsync(drafted);
        await Expect(livePage).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Rosa"));
    }

    [Fact]
    public async Task A_message_sent_while_the_studio_is_still_opening_is_kept_with_its_answer()
    {
        var page = await studio.Browser.NewPageAsync(studio.Host.Address);
        await page.GotoAsync("/signup");
        await page.GetByLabel("Email").FillAsync(TestAccounts.NewEmail("quick"));
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        // The studio's list of sites (still empty) arrives slowly, as on a busy day: the person types before the
        // studio has opened, and the empty list arrives after their site was drafted.
        var listAsked = new TaskCompletionSource();
        var listArrived = new TaskCompletionSource();
        await page.RouteAsync("**/api/v1/projects", async route =>
        {
            if (listAsked.Task.IsCompleted)
            {
                await route.ContinueAsync();
                return;
            }
            var empty = await route.FetchAsync();
            listAsked.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await route.FulfillAsync(new() { Response = empty });
            listArrived.TrySetResult();
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync("**/studio");
        await listAsked.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await SayAsync(page, "Build a site for Lumen Studio, a photography studio in Faro");
        await Expect(Preview(page).Locator(".brand")).ToContainTextAsync("Lumen", new() { Timeout = 30_000 });
        await listArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await Expect(page.Locator(".message.user")).ToHaveTextAsync(["Build a site for Lumen Studio, a photography studio in Faro"]);
        await Expect(page.Locator(".message.assistant")).ToHaveCountAsync(1);
        await Expect(page.Locator(".message.assistant").First).Not.ToBeEmptyAsync();
        await SayAsync(page, "make the headline say Portraits in Faro");
        await Expect(page.Locator(".message.assistant")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Publishing_a_site_without_a_name_says_so_before_it_asks()
    {
        var page = await SignedUpAsync();
        await SayAsync(page, "dog grooming in leeds, full groom £40, nail clip £10");
        await Expect(Preview(page).Locator(".brand")).ToContainTextAsync("Your business name", new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = "Publish your site?" });
        await Expect(confirm.Locator("#publish-unnamed")).ToBeVisibleAsync();
        await Expect(confirm.Locator("#publish-unnamed")).ToContainTextAsync("still called \"Your business name\"");
    }

    [Fact]
    public async Task Clicking_a_section_selects_it_and_make_this_shorter_changes_that_section_only()
    {
        var page = await SignedUpAsync();
        await SayAsync(page, "Build a site for Lumen Studio, a photography studio in Faro. We do portraits and weddings.");
        await Expect(Preview(page).Locator(".brand")).ToContainTextAsync("Lumen");
        var sections = Preview(page).Locator("[data-section]");
        var before = await sections.AllInnerTextsAsync();
        // Read before the preview starts loading the new version: a page being replaced cannot be asked anything.
        var aboutIndex = await IndexOfAsync(sections, "about");
        var about = Preview(page).Locator("[data-type='about']");

        await about.ClickAsync();
        await Expect(page.GetByText("Selected: the about section")).ToBeVisibleAsync();
        await SayAsync(page, "make this shorter");

        // The reply is the assistant's second message; the preview then shows the new version.
        await Expect(page.Locator(".message.assistant")).ToHaveCountAsync(2);
        await Expect(page.Locator(".message.assistant").Nth(1)).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Expect(page.Locator(".message.assistant").Nth(1)).ToContainTextAsync("made the about section shorter");
        await Expect(about).Not.ToHaveTextAsync(before[aboutIndex]);
        await Expect(page.Locator("iframe[title='Site preview']")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("/v/3/$"));
        await Expect(sections).ToHaveCountAsync(before.Count);
        var after = await sections.AllInnerTextsAsync();
        after.Should().HaveSameCount(before);
        after[aboutIndex].Length.Should().BeLessThan(before[aboutIndex].Length);
        after.Where((_, i) => i != aboutIndex).Should().Equal(before.Where((_, i) => i != aboutIndex), "only the selected section changed");
    }

    [Fact]
    public async Task Asking_about_visitors_shows_the_analytics_card_with_its_chart_and_the_studio_opens_it_for_any_period()
    {
        var page = await SignedUpAsync();
        await SayAsync(page, "Build a site for Rosa's Bakery, a bakery in Porto selling sourdough and pastries");
        await Expect(Preview(page).Locator("h1")).ToContainTextAsync("Rosa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog, new() { Name = "Publish your site?" }).GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        var live = new Uri(studio.Host.Address, (await page.Locator("#live a").GetAttributeAsync("href"))!);
        using var visitors = new HttpClient();
        for (var visitor = 0; visitor < 3; visitor++)
        {
            using var view = new HttpRequestMessage(HttpMethod.Post, new Uri(live, "_navo/event")) { Content = new StringContent("""{"k":"v","p":"/","w":390}""") };
            view.Headers.TryAddWithoutValidation("User-Agent", $"Mozilla/5.0 (X11; Linux x86_64; visitor {visitor}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36");
            (await visitors.SendAsync(view)).EnsureSuccessStatusCode();
        }

        // Visits are written within a second; the question is asked once they are.
        var project = (await (await page.APIRequest.GetAsync("/api/v1/projects")).JsonAsync())!.Value[0].GetProperty("id").GetString();
        for (var i = 0; i < 50 && (await (await page.APIRequest.GetAsync($"/api/v1/projects/{project}/analytics?period=7d")).JsonAsync())!.Value.GetProperty("visitors").GetInt64() < 3; i++)
        {
            await Task.Delay(100);
        }

        await SayAsync(page, "how did my site do this week?");

        var card = page.Locator(".navo-chat figure.analytics");
        var chart = card.GetByRole(AriaRole.Img, new() { Name = "Visitors a day to Rosa's Bakery, the last 7 days" });
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.Locator("desc")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^3 visitors the last 7 days.* 3\\.$"));
        await Expect(chart.Locator("rect")).ToHaveCountAsync(7);
        await Expect(card.Locator("dl")).ToContainTextAsync("Visitors3 (0 the period before)Page views3");

        await page.GetByRole(AriaRole.Button, new() { Name = "Analytics", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Visitors" });
        await Expect(dialog.GetByRole(AriaRole.Img, new() { Name = "Visitors a day to Rosa's Bakery, the last 7 days" })).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "30 days" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Img, new() { Name = "Visitors a day to Rosa's Bakery, the last 30 days" })).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "30 days" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(dialog.Locator("rect")).ToHaveCountAsync(30);
    }

    [Fact]
    public async Task Starting_and_stopping_an_experiment_in_chat_shows_its_card_with_both_texts_and_not_enough_data_yet()
    {
        var page = await SignedUpAsync();
        await SayAsync(page, "Build a site for Rosa's Bakery, a bakery in Porto selling sourdough and pastries");
        await Expect(Preview(page).Locator("h1")).ToContainTextAsync("Rosa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog, new() { Name = "Publish your site?" }).GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(page.Locator("#live a")).ToBeVisibleAsync();

        await SayAsync(page, "try 'Save me a loaf' against the current button");

        var card = page.Locator(".navo-chat figure.experiment").Last;
        var table = card.GetByRole(AriaRole.Table, new() { Name = "Experiment on the button text (running)" });
        await Expect(table).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync(["Version", "Text", "Visitors", "Conversions", "Rate"]);
        await Expect(table.GetByRole(AriaRole.Row, new() { Name = "New text" })).ToContainTextAsync("Save me a loaf00–");
        await Expect(table.GetByRole(AriaRole.Rowheader, new() { Name = "Original" })).ToBeVisibleAsync();
        await Expect(card.Locator("figcaption")).ToHaveTextAsync("Not enough data yet: each version needs at least 100 visitors before Navo says which is better.");

        await SayAsync(page, "stop the experiment");

        await Expect(page.Locator(".navo-chat figure.experiment")).ToHaveCountAsync(2);
        await Expect(page.Locator(".navo-chat figure.experiment").Last.GetByRole(AriaRole.Table, new() { Name = "Experiment on the button text (stopped)" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_workspace_dialog_shows_how_many_suggestions_were_applied_overall_and_per_kind()
    {
        var page = await SignedUpAsync();
        await SayAsync(page, "Build a site for Rosa's Bakery, a bakery in Porto selling sourdough and pastries");
        await Expect(Preview(page).Locator("h1")).ToContainTextAsync("Rosa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Workspace" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Workspace" });
        await Expect(dialog.Locator("#workspace-summary")).ToHaveTextAsync("Navo has not suggested anything in this workspace yet.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        await SayAsync(page, "how can I improve it?");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply suggestion 1", Exact = false }).First).ToBeVisibleAsync();
        var surfaced = (await (await page.APIRequest.GetAsync("/api/v1/workspace/suggestions")).JsonAsync())!.Value.GetProperty("surfaced").GetInt64();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply suggestion 1", Exact = false }).First.ClickAsync();
        await Expect(page.Locator(".navo-chat")).ToContainTextAsync("Suggestion 1: ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Workspace" }).ClickAsync();

        var rate = Math.Round(100.0 / surfaced, 1).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(dialog.Locator("#workspace-summary")).ToHaveTextAsync($"{rate}% of Navo's suggestions were applied (1 of {surfaced}).");
        var table = dialog.GetByRole(AriaRole.Table, new() { Name = "Suggestions by kind" });
        await Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync(["Kind", "Suggested", "Applied", "Dismissed", "Apply rate"]);
        await Expect(table.GetByRole(AriaRole.Row, new() { Name = "All kinds" })).ToContainTextAsync($"All kinds{surfaced}10{rate}%");
    }

    [Fact]
    public async Task The_project_switcher_moves_the_preview_and_the_conversation_between_sites_and_new_site_starts_another()
    {
        var page = await SignedUpAsync();
        await SayAsync(page, "Build a site for Onda Surf, a surf school in Peniche");
        await Expect(Preview(page).Locator(".brand")).ToContainTextAsync("Onda");
        await page.GetByLabel("Project").SelectOptionAsync(new SelectOptionValue { Label = "New site" });
        await Expect(page.Locator("iframe[title='Site preview']")).ToBeHiddenAsync();

        await SayAsync(page, "Build a site for Pedra Alta, a climbing gym in Sintra");
        await Expect(Preview(page).Locator(".brand")).ToContainTextAsync("Pedra Alta");
        await page.GetByLabel("Project").SelectOptionAsync(new SelectOptionValue { Label = "Onda Surf" });

        await Expect(Preview(page).Locator(".brand")).ToContainTextAsync("Onda");
        await Expect(page.GetByLabel("Project").Locator("option")).ToHaveCountAsync(3);

        // Each site has its own conversation: switching sites switches the chat, and it is there after a reload.
        var chat = page.GetByRole(AriaRole.Log, new() { Name = "Conversation" });
        await Expect(chat).ToContainTextAsync("Onda Surf, a surf school");
        await Expect(chat).Not.ToContainTextAsync("Pedra Alta");
        await page.GetByLabel("Project").SelectOptionAsync(new SelectOptionValue { Label = "Pedra Alta" });
        await Expect(chat).ToContainTextAsync("Pedra Alta, a climbing gym");
        await Expect(chat).Not.ToContainTextAsync("Onda Surf");
        await page.GetByLabel("Project").SelectOptionAsync(new SelectOptionValue { Label = "Onda Surf" });
        await Expect(chat).ToContainTextAsync("Onda Surf, a surf school");

        // A reload opens the site that was on screen (not the one changed last) with its conversation.
        await page.ReloadAsync();
        await Expect(Preview(page).Locator(".brand")).ToContainTextAsync("Onda Surf");
        await Expect(chat).ToContainTextAsync("Onda Surf, a surf school");
    }

    [Fact]
    public async Task The_studio_has_a_main_heading_and_a_message_too_long_is_counted_not_sent_and_not_lost()
    {
        var page = await SignedUpAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Navo studio");
        var box = page.GetByLabel("Message");
        var text = "We are a bakery in Frome. " + new string('x', 4000);
        await box.FillAsync(text);

        await Expect(page.GetByText("characters: 26 too many")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeDisabledAsync();
        await box.PressAsync("Enter");
        await Expect(box).ToHaveValueAsync(text);
        await Expect(page.Locator(".message")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_photo_dropped_on_the_preview_goes_in_the_hero_by_chat_and_onto_the_live_page_without_its_gps_position()
    {
        var page = await SignedUpAsync();
        await SayAsync(page, "Build a site for Forno Rosso, a pizzeria in Porto. Wood-fired pizza and calzone.");
        await Expect(Preview(page).Locator(".brand")).ToContainTextAsync("Forno Rosso");

        await Browser.DropFileAsync(page, "#preview-pane", TestImages.Jpeg(1600, 900, gps: true), "oven.jpg", "image/jpeg");
        await Expect(page.Locator(".message.assistant").Last).ToContainTextAsync("Where should this photo go");
        await SayAsync(page, "use this as the main photo, it's our wood-fired oven");
        var hero = Preview(page).Locator("[data-type='hero'] img");
        await Expect(hero).ToHaveAttributeAsync("alt", "Our wood-fired oven");
        await Expect(hero).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mobile" }).ClickAsync();
        await Expect(hero).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Desktop" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        var live = await page.Locator("#live a").GetAttributeAsync("href");
        var html = await (await page.APIRequest.GetAsync(live!)).TextAsync();
        html.Should().Contain("srcset=").And.Contain("width=\"").And.Contain("height=\"").And.Contain("alt=\"Our wood-fired oven\"");
        var image = System.Text.RegularExpressions.Regex.Match(html, "src=\"(?<src>_navo/img/[^\"]+\\.jpg)\"").Groups["src"].Value;
        var bytes = await (await page.APIRequest.GetAsync(new Uri(new Uri(studio.Host.Address, live!), image).ToString())).BodyAsync();
        bytes.Length.Should().BeGreaterThan(1000);
        TestImages.HasMetadata(bytes).Should().BeFalse("the GPS position of the upload never reaches the live site");

        // A file that is not what its name says, and a photo too big, are refused in the chat and nothing is added.
        await Browser.DropFileAsync(page, ".navo-chat", TestImages.Png(400, 300), "menu.jpg", "image/jpeg");
        await Expect(page.Locator(".message.assistant").Last).ToContainTextAsync("PNG");
        await Browser.DropFileAsync(page, ".navo-chat", TestImages.Jpeg(10_000, 6_000, quality: 40), "huge.jpg", "image/jpeg");
        await Expect(page.Locator(".message.assistant").Last).ToContainTextAsync("40 megapixels");
    }

    private static async Task<int> IndexOfAsync(ILocator sections, string type)
    {
        var types = await sections.EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.type)");
        return Array.IndexOf(types, type);
    }
}
