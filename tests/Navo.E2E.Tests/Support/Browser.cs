using Microsoft.Playwright;
using Navo.Testing;

namespace Navo.E2E.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser). A missing Chromium fails the tests: it is
/// installed by <c>./build.sh test</c>.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public static readonly string ChromiumPath = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException("Chromium is not installed: run ./build.sh test, or sudo apt-get install -y chromium.");

    /// <summary>axe-core, installed by build.sh from tests/Navo.E2E.Tests/package-lock.json.</summary>
    public static string AxePath => System.IO.Path.Combine(RepositoryRoot.Path, "tests", "Navo.E2E.Tests", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Where the tests save their screenshots: docs/screenshots/ in the checkout.</summary>
    public static string ScreenshotFolder => System.IO.Path.Combine(RepositoryRoot.Path, "docs", "screenshots");

    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A fresh browser context (its own cookies) at <paramref name="address"/>, desktop-sized unless told.
    /// <paramref name="bypassCsp"/> lets a test inject axe-core into pages whose policy allows only their own scripts.
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri address, int width = 1280, int height = 800, bool bypassCsp = false)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(), ViewportSize = new() { Width = width, Height = height }, BypassCSP = bypassCsp,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>Drops a file on <paramref name="target"/> as a person dragging it from their desktop would.</summary>
    public static async Task DropFileAsync(IPage page, string target, byte[] bytes, string name, string type)
    {
        var transfer = await page.EvaluateHandleAsync(
            "([data, name, type]) => { const t = new DataTransfer(); t.items.add(new File([Uint8Array.from(atob(data), c => c.charCodeAt(0))], name, { type })); return t; }",
            new object[] { Convert.ToBase64String(bytes), name, type });
        await page.DispatchEventAsync(target, "drop", new Dictionary<string, object> { ["dataTransfer"] = transfer });
    }
}
