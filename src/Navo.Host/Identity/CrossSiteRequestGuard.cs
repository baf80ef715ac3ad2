namespace Navo.Host.Identity;

/// <summary>
/// A change made with the session cookie must come from Navo's own origin. A browser attaches the cookie to a form
/// or <c>text/plain</c> POST that any page can send, and <c>SameSite=Lax</c> only stops other <em>sites</em>: a live
/// site under the same registrable domain as the studio is the same site. So every cookie-authenticated request that
/// is not GET, HEAD or OPTIONS is checked: <c>Sec-Fetch-Site</c> must say <c>same-origin</c> (or <c>none</c>, a
/// request the user made directly); without it, <c>Origin</c> must name this host. A request with neither header is
/// not from a browser made in the last decade (they send <c>Origin</c> on every cross-origin POST), so it passes,
/// as in Go's <c>http.CrossOriginProtection</c>. Requests with a bearer token or an API key are not affected: a
/// browser never adds those by itself. Live sites' contact forms are anonymous and use no cookie.
/// </summary>
public sealed partial class CrossSiteRequestGuard(RequestDelegate next, IProblemDetailsService problemDetails, ILogger<CrossSiteRequestGuard> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
            || !request.Cookies.ContainsKey(NavoAuthenticationHandler.SessionCookie)
            || request.Headers.Authorization.Count > 0 || request.Headers.ContainsKey("X-Api-Key")
            || request.Path.StartsWithSegments("/s", StringComparison.Ordinal)
            || IsSameOrigin(request))
        {
            await next(context);
            return;
        }

        LogRefused(request.Method, request.Path, request.Headers.Origin.ToString(), request.Headers["Sec-Fetch-Site"].ToString());
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Cross-site request refused.",
                Detail = "This request came from another site. Changes with the studio's sign-in can only be made from Navo's own pages; "
                    + "other programs send an access token or an API key.",
            },
        });
    }

    private static bool IsSameOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        // The host alone is compared: behind a proxy that ends TLS the request arrives as http while the page was https.
        return Uri.TryCreate(origin, UriKind.Absolute, out var parsed)
            && string.Equals(parsed.IsDefaultPort ? parsed.Host : $"{parsed.Host}:{parsed.Port}", request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a cross-site {Method} {Path} with the session cookie (Origin {Origin}, Sec-Fetch-Site {FetchSite})")]
    private partial void LogRefused(string method, PathString path, string origin, string fetchSite);
}
