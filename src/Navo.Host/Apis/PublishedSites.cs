using System.Text.Json;
using Navo.EventStore;
using Navo.Host.Database;
using Navo.Tools.Analyze;
using Navo.Tools.Experiments;
using Navo.Tools.Publish;

namespace Navo.Host.Apis;

/// <summary>
/// Serves live sites at <c>/s/{slug}/{path}</c> from the live pointer and the content-addressed files, both kept in
/// memory (<see cref="LiveSiteCache"/>, <see cref="LiveFileCache"/>): ETag and 304, Brotli or gzip made once, a short
/// cache, a strict Content-Security-Policy, 410 after unpublish, and a friendly 404.
/// </summary>
public static class PublishedSites
{
    public static IEndpointRouteBuilder MapPublishedSites(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/s/{slug}/{**path}", StudioPages.PageMethods, ServeAsync).WithTags("Sites").ExcludeFromDescription();
        // A static site's form cannot carry an antiforgery token; the visitor is anonymous, so there is nothing to forge.
        app.MapPost("/s/{slug}/_navo/form", ContactForm.SubmitAsync).WithTags("Sites").ExcludeFromDescription()
            .DisableAntiforgery().RequireRateLimiting(ContactForm.RateLimit);
        return app;
    }

    private static async Task<IResult> ServeAsync(
        string slug, string? path, HttpContext http, LiveSiteCache sites, LiveFileCache files, DailySalts salts, CancellationToken cancellationToken)
    {
        if (await sites.FindAsync(slug, cancellationToken) is not { } site)
        {
            return NotFoundPage(http);
        }

        if (!site.Live)
        {
            return site.Deleted
                ? SitePages.Page(http, StatusCodes.Status410Gone, "This site is gone", "Its owner has deleted it.")
                : SitePages.Page(http, StatusCodes.Status410Gone, "This site is offline", "Its owner has taken it offline.");
        }

        var pagePath = "/" + (path ?? string.Empty).Trim('/');
        if (pagePath.StartsWith(PublishService.ImagePathPrefix, StringComparison.Ordinal))
        {
            return await ImageAsync(site, pagePath, http, files, cancellationToken);
        }

        if (!site.Pages.TryGetValue(pagePath, out var key))
        {
            return SitePages.Page(http, StatusCodes.Status404NotFound, "Page not found", "This site has no such page.");
        }

        // Live pages link relatively ("./menu"), which needs the home page to end in a slash and other pages not to.
        var endsInSlash = http.Request.Path.Value?.EndsWith('/') == true;
        if (pagePath == "/" ? !endsInSlash : endsInSlash)
        {
            return TypedResults.Redirect(pagePath == "/" ? $"{slug}/" : $"..{pagePath}", permanent: true);
        }

        key = await ExperimentPageAsync(site, pagePath, http, salts, cancellationToken) ?? key;
        if (await files.GetAsync(key, cancellationToken) is not { } file)
        {
            return SitePages.Page(http, StatusCodes.Status404NotFound, "Page not found", "This site has no such page.");
        }

        SitePages.LivePageHeaders(http, slug);
        // During an experiment a page depends on who asks: no shared cache may hand one visitor's arm to another.
        http.Response.Headers.CacheControl = site.Experiment is null ? "public, max-age=60, must-revalidate" : "private, max-age=60, must-revalidate";
        return LiveFileResult.Create(http, file, "text/html; charset=utf-8");
    }

    /// <summary>
    /// The variant's page for a visitor in the variant's arm of the site's running experiment (by the same daily hash the
    /// beacon counts them by, so the page they saw and what they did are counted in one arm); null for everyone else.
    /// Robots are shown the original and are not counted anyway.
    /// </summary>
    private static async Task<string?> ExperimentPageAsync(SitePointer site, string pagePath, HttpContext http, DailySalts salts, CancellationToken cancellationToken)
    {
        var userAgent = http.Request.Headers.UserAgent.ToString();
        if (site.Experiment is not { } experiment || !experiment.Pages.TryGetValue(pagePath, out var variantKey) || Robots.IsRobot(userAgent))
        {
            return null;
        }

        var (visitor, _) = await salts.VisitorAsync(site.ProjectId, http.Connection.RemoteIpAddress?.ToString(), userAgent, cancellationToken);
        return ExperimentArms.SeesVariant(visitor, experiment.Id) ? variantKey : null;
    }

    /// <summary>
    /// An image published with the site. Its address holds the image's hash and never names other bytes, so browsers
    /// and caches keep it a year without asking again.
    /// </summary>
    private static async Task<IResult> ImageAsync(SitePointer site, string path, HttpContext http, LiveFileCache files, CancellationToken cancellationToken)
    {
        if (!site.Pages.TryGetValue(path, out var key) || await files.GetAsync(key, cancellationToken) is not { } file)
        {
            return SitePages.Page(http, StatusCodes.Status404NotFound, "Image not found", "This site has no such image.");
        }

        http.Response.Headers.CacheControl = ImmutableCache;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // WebP and JPEG are compressed already: they are sent as stored.
        return LiveFileResult.Create(http, file, path.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : "image/jpeg", compress: false);
    }

    /// <summary>How long content-addressed files may be cached: a year, without revalidation.</summary>
    public const string ImmutableCache = "public, max-age=31536000, immutable";

    /// <summary>
    /// What is live at an address. <see cref="Experiment"/> is the running experiment whose variant pages were rendered
    /// from the live version (a site republished during one serves the original to everyone until it is started again).
    /// </summary>
    internal sealed record SitePointer(string TenantId, Guid ProjectId, string Status, Dictionary<string, string> Pages, LiveExperiment? Experiment = null)
    {
        public bool Live => Status == "live";

        /// <summary>The project was deleted: its address answers 410 until another site takes it.</summary>
        public bool Deleted => Status == "deleted";
    }

    /// <summary>A running experiment as the live site serves it: its id (which splits visitors) and the variant's pages.</summary>
    internal sealed record LiveExperiment(Guid Id, Dictionary<string, string> Pages);

    /// <summary>
    /// The live pointer for a slug. Public and tenant-less: read on the host's own connection, past row-level
    /// security, and only by slug.
    /// </summary>
    internal static async Task<SitePointer?> FindAsync(NavoDatabase database, string slug, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.Command(
            """
            select l.tenant_id, l.project_id, l.status, l.pages::text, e.id, e.variant_pages::text
              from navo_live_sites l
              left join navo_experiments e on e.tenant_id = l.tenant_id and e.project_id = l.project_id
                                          and e.status = 'running' and e.live_version = l.version
             where l.slug = $1
            """, slug);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SitePointer(reader.GetString(0), reader.GetGuid(1), reader.GetString(2),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(3))!,
                reader.IsDBNull(4) || reader.IsDBNull(5)
                    ? null
                    : new LiveExperiment(reader.GetGuid(4), JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5))!))
            : null;
    }

    /// <summary>The friendly page for an address with no site behind it.</summary>
    public static IResult NotFoundPage(HttpContext http) =>
        SitePages.Page(http, StatusCodes.Status404NotFound, "Nothing here", "There is no site at this address.");
}
