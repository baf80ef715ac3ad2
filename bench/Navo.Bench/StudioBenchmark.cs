using Microsoft.Playwright;
using Navo.Testing;

namespace Navo.Bench;

/// <summary>
/// The studio in Debian's Chromium against the real host: from pressing Send to the draft showing in the preview,
/// and from sending an edit to the preview showing it. Timed inside the page (performance.now from the submit to
/// the frame's heading holding the expected text), so the browser's own polling adds nothing.
/// </summary>
public static class StudioBenchmark
{
    private const string SendAndWait =
        """
        async ({ text, expect }) => {
          const frame = document.querySelector("iframe[title='Site preview']");
          const box = document.querySelector(".navo-chat textarea");
          const shown = () => !frame.hidden && (frame.contentDocument?.querySelector("h1")?.textContent ?? "").includes(expect);
          box.value = text;
          const start = performance.now();
          box.form.requestSubmit();
          return await new Promise((resolve, reject) => {
            const check = () => shown() ? resolve(performance.now() - start)
              : performance.now() - start > 10000 ? reject(new Error(`the preview never showed ${expect}`)) : setTimeout(check, 2);
            check();
          });
        }
        """;

    public static Task RunAsync(BenchOptions options) => HttpBenchmarks.RunAsync(async (host, _) =>
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.First(File.Exists),
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await (await browser.NewContextAsync(new() { BaseURL = host.Address.ToString() })).NewPageAsync();
        await page.GotoAsync("/signup");
        await page.GetByLabel("Email").FillAsync(TestAccounts.NewEmail("bench-studio"));
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync("**/studio");

        var runs = options.Iterations ?? 20;
        var drafts = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            await page.SelectOptionAsync("#project", "");
            var name = $"{Word()} Bakery";
            drafts.Add(await SendAsync(page, $"Build a site for {name}, a bakery in Porto selling sourdough", name));
        }

        var edits = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var headline = $"Fresh bread, batch {Guid.NewGuid().ToString("N")[..6]}";
            edits.Add(await SendAsync(page, $"change the headline to '{headline}'", headline));
        }

        return [("studio: Send to the draft in the preview", drafts), ("studio: an edit to the preview updated", edits)];
    });

    /// <summary>A made-up capitalised word, so that every draft's name is new.</summary>
    private static string Word() =>
        string.Concat(Enumerable.Range(0, 7).Select(i => (char)((i == 0 ? 'A' : 'a') + Random.Shared.Next(26))));

    private static async Task<double> SendAsync(IPage page, string text, string expect)
    {
        var milliseconds = await page.EvaluateAsync<double>(SendAndWait, new { text, expect });
        // The turn is over when Send is enabled again; the next one starts from a quiet page.
        await page.WaitForFunctionAsync("() => !document.querySelector('.navo-chat button[type=submit]').disabled");
        return milliseconds;
    }
}
