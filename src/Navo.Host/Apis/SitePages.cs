using System.Text;
using System.Text.Encodings.Web;
using Navo.Tools.Publish;

namespace Navo.Host.Apis;

/// <summary>
/// The pages a live site's address answers with when it has no page of its own to show: not found, offline, and the
/// contact form's answers. A visitor reads them, so they are HTML — never problem details — under the live sites'
/// Content-Security-Policy; where the site is known they wear its own style (its published stylesheet) and link back.
/// </summary>
public static partial class SitePages
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private const string PlainStyle = "body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#111827}";

    /// <summary>
    /// Whether a request is addressed to a live site (its own host is rewritten to this path first) and read by a visitor:
    /// the beacon's event endpoint is read by no one, and answers problem details.
    /// </summary>
    public static bool IsSitePath(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/s", StringComparison.Ordinal) && !SiteBeacon.IsEventPath(http);

    /// <summary>The live sites' response headers, for pages that run no script (not found, offline, the form's answers).</summary>
    public static void SecurityHeaders(HttpContext http)
    {
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
    }

    /// <summary>
    /// The headers of a published page: the same policy, except that it runs exactly one script, the beacon at
    /// <c>{site}/_navo/a.js</c>, which may send to exactly <c>{site}/_navo/event</c>. A source with a path needs the host,
    /// so the page's own address names them: <c>/s/{slug}/</c> here, the root on the site's own host. (A source given
    /// as http also matches https, for a host behind a proxy that ends TLS.)
    /// </summary>
    public static void LivePageHeaders(HttpContext http, string slug)
    {
        SecurityHeaders(http);
        var host = http.Request.Host.Value ?? string.Empty;
        if (!SafeHost().IsMatch(host))
        {
            // Nothing but a host name and port goes into the policy; without one, the beacon is not allowed at all.
            return;
        }

        var root = $"{http.Request.Scheme}://{host}{http.Request.PathBase}{(SiteDomainRouting.IsSiteHost(http) ? "/" : $"/s/{slug}/")}";
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy.Replace(
            "default-src 'none';", $"default-src 'none'; script-src {root}{SiteBeacon.ScriptPath}; connect-src {root}{SiteBeacon.EventPath};", StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")]
    private static partial System.Text.RegularExpressions.Regex SafeHost();

    /// <summary>A page in Navo's plain style, for an address with no site behind it or an answer given before the site is known.</summary>
    public static IResult Page(HttpContext http, int status, string title, string text) => Page(http, status, title, text, site: null);

    /// <summary>
    /// A page in the site's own style: the stylesheet of its published home page, its name and a link back to it.
    /// <paramref name="site"/> is null when the site is not known (the plain style then).
    /// </summary>
    public static IResult Page(HttpContext http, int status, string title, string text, SiteLook? site)
    {
        SecurityHeaders(http);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(Html(title, text, site), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>Writes a page straight to the response, for middleware that answers before any endpoint runs.</summary>
    public static Task WriteAsync(HttpContext http, int status, string title, string text) =>
        Page(http, status, title, text).ExecuteAsync(http);

    private static string Html(string title, string text, SiteLook? site)
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder(4096)
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>").Append(e.Encode(site is null ? title : $"{title} — {site.Name}")).Append("</title>")
            .Append("<style>").Append(site?.Style ?? PlainStyle).Append("</style></head><body>");
        if (site is null)
        {
            return html.Append("<main><h1>").Append(e.Encode(title)).Append("</h1><p>").Append(e.Encode(text)).Append("</p></main></body></html>").ToString();
        }

        // The form posts to "{site}/_navo/form", so the site's home page is one level up, on any address the site has.
        return html.Append("<header class=\"site\"><div class=\"wrap\"><a class=\"brand\" href=\"../\">").Append(e.Encode(site.Name)).Append("</a></div></header>")
            .Append("<main id=\"main\"><section><div class=\"wrap\"><h1>").Append(e.Encode(title)).Append("</h1><p class=\"lead\">").Append(e.Encode(text))
            .Append("</p><p><a class=\"button\" href=\"../\">Back to ").Append(e.Encode(site.Name)).Append("</a></p></div></section></main></body></html>")
            .ToString();
    }

    /// <summary>What a site's own pages look like: its name and its stylesheet, as published.</summary>
    public sealed record SiteLook(string Name, string Style);

    /// <summary>The look of a live site, read from its published home page; null when that page cannot be read.</summary>
    public static async Task<SiteLook?> LookAsync(ISiteStorage storage, IReadOnlyDictionary<string, string> pages, CancellationToken cancellationToken)
    {
        if (!pages.TryGetValue("/", out var key) || await storage.GetAsync(key, cancellationToken) is not { } bytes)
        {
            return null;
        }

        // The renderer writes one <style> in the head and the site's name as the header's brand link; both were
        // encoded when the page was rendered, and the stylesheet holds no "<" (it is the renderer's, not the owner's).
        var page = Encoding.UTF8.GetString(bytes);
        var style = Between(page, "<style>", "</style>");
        var name = Between(page, "class=\"brand\" href=\"./\">", "</a>") ?? Between(page, "<title>", "</title>");
        return style is null || name is null || style.Contains('<', StringComparison.Ordinal)
            ? null
            : new SiteLook(System.Net.WebUtility.HtmlDecode(name), style);
    }

    private static string? Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        if (from < 0)
        {
            return null;
        }

        from += start.Length;
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? null : text[from..to];
    }
}
