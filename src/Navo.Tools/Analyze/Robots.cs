namespace Navo.Tools.Analyze;

/// <summary>
/// Requests that are not people: robots that say so, headless and automated browsers, and programs that are not
/// browsers at all. Their hits are dropped from the figures and counted apart. The beacon itself stays silent in a
/// browser driven by automation (<c>navigator.webdriver</c>); this catches what calls the endpoint without it.
/// </summary>
public static class Robots
{
    // Words robots and automation put in their user agents; a browser's user agent has none of them.
    private static readonly string[] Marks =
    [
        "bot", "crawl", "spider", "slurp", "headless", "lighthouse", "phantomjs", "puppeteer", "playwright", "selenium",
        "webdriver", "facebookexternalhit", "embedly", "pingdom", "uptime", "monitor", "preview", "scanner", "python", "curl",
        "wget", "java/", "okhttp", "go-http-client", "node-fetch", "axios",
    ];

    /// <summary>Whether a request with this user agent is not a person's browser.</summary>
    public static bool IsRobot(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent)
        || userAgent.Length > 512
        // Every browser in use calls itself Mozilla/5.0 (or Opera/ in old ones); command-line tools and libraries do not.
        || !(userAgent.StartsWith("Mozilla/", StringComparison.Ordinal) || userAgent.StartsWith("Opera/", StringComparison.Ordinal))
        || Marks.Any(mark => userAgent.Contains(mark, StringComparison.OrdinalIgnoreCase));
}
