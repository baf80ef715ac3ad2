using System.Text.Json;
using Navo.EventStore;
using Navo.Host.Database;
using Navo.Tools.Publish;

namespace Navo.Host.Apis;

/// <summary>
/// Serves live sites at <c>/s/{slug}/{path}</c> from the live pointer and the content-addressed files: ETag and
/// 304, a short cache, a strict Content-Security-Policy, 410 after unpublish, and a friendly 404.
/// </summary>
public static class PublishedSites
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapPublishedSites(this IEndpointRouteBuilder app)
    {
        app.MapGet("/s/{slug}/{**path}", ServeAsync).WithTags("Sites").ExcludeFromDescription();
        // A static site's form cannot carry an antiforgery token; the visitor is anonymous, so there is nothing to forge.
        app.MapPost("/s/{slug}/_navo/form", SubmitAsync).WithTags("Sites").ExcludeFromDescription()
            .DisableAntiforgery().RequireRateLimiting(FormsRateLimit);
        return app;
    }

    private static async Task<IResult> ServeAsync(string slug, string? path, HttpContext http, NavoDatabase database, ISiteStorage storage, CancellationToken cancellationToken)
    {
        if (await FindAsync(database, slug, cancellationToken) is not { } site)
        {
            return NotFoundPage(http);
        }

        if (!site.Live)
        {
            return site.Deleted
                ? Page(http, StatusCodes.Status410Gone, "This site is gone", "Its owner has deleted it.")
                : Page(http, StatusCodes.Status410Gone, "This site is offline", "Its owner has taken it offline.");
        }

        var pagePath = "/" + (path ?? string.Empty).Trim('/');
        if (pagePath.StartsWith(PublishService.ImagePathPrefix, StringComparison.Ordinal))
        {
            return await ImageAsync(site, pagePath, http, storage, cancellationToken);
        }

        if (!site.Pages.TryGetValue(pagePath, out var key))
        {
            return Page(http, StatusCodes.Status404NotFound, "Page not found", "This site has no such page.");
        }

        // Live pages link relatively ("./menu"), which needs the home page to end in a slash and other pages not to.
        var endsInSlash = http.Request.Path.Value?.EndsWith('/') == true;
        if (pagePath == "/" ? !endsInSlash : endsInSlash)
        {
            return TypedResults.Redirect(pagePath == "/" ? $"{slug}/" : $"..{pagePath}", permanent: true);
        }

        if (await storage.GetAsync(key, cancellationToken) is not { } bytes)
        {
            return Page(http, StatusCodes.Status404NotFound, "Page not found", "This site has no such page.");
        }

        var etag = $"\"{key}\"";
        SecurityHeaders(http);
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, max-age=60, must-revalidate";
        return http.Request.Headers.IfNoneMatch.Contains(etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(bytes, "text/html; charset=utf-8");
    }

    /// <summary>
    /// An image published with the site. Its address holds the image's hash and never names other bytes, so browsers
    /// and caches keep it a year without asking again.
    /// </summary>
    private static async Task<IResult> ImageAsync(SitePointer site, string path, HttpContext http, ISiteStorage storage, CancellationToken cancellationToken)
    {
        if (!site.Pages.TryGetValue(path, out var key) || await storage.GetAsync(key, cancellationToken) is not { } bytes)
        {
            return Page(http, StatusCodes.Status404NotFound, "Image not found", "This site has no such image.");
        }

        var etag = $"\"{key}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = ImmutableCache;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return http.Request.Headers.IfNoneMatch.Contains(etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(bytes, path.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : "image/jpeg");
    }

    /// <summary>How long content-addressed files may be cached: a year, without revalidation.</summary>
    public const string ImmutableCache = "public, max-age=31536000, immutable";

    /// <summary>The rate-limit policy for contact forms: per client address.</summary>
    public const string FormsRateLimit = "site-forms";

    /// <summary>The largest contact-form post accepted.</summary>
    public const long MaxFormBytes = 16 * 1024;

    private static async Task<IResult> SubmitAsync(string slug, HttpContext http, NavoDatabase database, Leads leads, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength is null or > MaxFormBytes || !http.Request.HasFormContentType)
        {
            return Page(http, StatusCodes.Status400BadRequest, "Message not sent", "The form could not be read. Please write a shorter message.");
        }

        if (await FindAsync(database, slug, cancellationToken) is not { Live: true } site)
        {
            return NotFoundPage(http);
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var submission = new LeadSubmission(form["name"], form["email"], form["message"], form["website"]);
        if (!string.IsNullOrEmpty(submission.Website))
        {
            // The hidden field was filled in: a bot. Thank it and keep nothing.
            return Page(http, StatusCodes.Status200OK, "Thank you", "Your message was sent.");
        }

        var problems = Leads.Check(submission);
        if (problems.Count > 0)
        {
            return Page(http, StatusCodes.Status400BadRequest, "Message not sent", string.Join(" ", problems));
        }

        await leads.StoreAsync(site.TenantId, site.ProjectId, submission, cancellationToken);
        return Page(http, StatusCodes.Status200OK, "Thank you", "Your message was sent. We will reply soon.");
    }

    private sealed record SitePointer(string TenantId, Guid ProjectId, string Status, Dictionary<string, string> Pages)
    {
        public bool Live => Status == "live";

        /// <summary>The project was deleted: its address answers 410 until another site takes it.</summary>
        public bool Deleted => Status == "deleted";
    }

    /// <summary>
    /// The live pointer for a slug. Public and tenant-less: read on the host's own connection, past row-level
    /// security, and only by slug.
    /// </summary>
    private static async Task<SitePointer?> FindAsync(NavoDatabase database, string slug, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.Command(
            "select tenant_id, project_id, status, pages::text from navo_live_sites where slug = $1", slug);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SitePointer(reader.GetString(0), reader.GetGuid(1), reader.GetString(2),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(3))!)
            : null;
    }

    /// <summary>The friendly page for an address with no site behind it.</summary>
    public static IResult NotFoundPage(HttpContext http) =>
        Page(http, StatusCodes.Status404NotFound, "Nothing here", "There is no site at this address.");

    private static void SecurityHeaders(HttpContext http)
    {
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
    }

    private static IResult Page(HttpContext http, int status, string title, string text)
    {
        SecurityHeaders(http);
        http.Response.Headers.CacheControl = "no-store";
        var html = $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{title}</title>"
            + "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#111827}</style></head>"
            + $"<body><main><h1>{title}</h1><p>{text}</p></main></body></html>";
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
