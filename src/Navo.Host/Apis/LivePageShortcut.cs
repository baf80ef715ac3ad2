using Microsoft.Extensions.Options;
using Navo.Tools.Publish;

namespace Navo.Host.Apis;

/// <summary>
/// Answers a view of a live page that is wholly in memory — its pointer and its file kept, changes heard, no experiment
/// running — before the rest of the pipeline: no routing, authentication, rate limiting or request log line for what a
/// static server would answer from its cache. The answer is the one <see cref="PublishedSites"/> gives (same headers,
/// same ETag and 304, same compressed forms); everything else — a first view, a redirect, a 404, an image, a connected
/// domain, an experiment's page — goes down the pipeline to that endpoint. Views are counted by the beacon, not by logs.
/// </summary>
internal sealed partial class LivePageShortcut(RequestDelegate next, LiveSiteCache sites, LiveFileCache files, IOptions<SitesOptions> options, ILogger<LivePageShortcut> logger)
{
    private const string SitesPrefix = "/s/";

    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (!sites.Listening || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.Path.Value is not { } path)
        {
            return next(http);
        }

        string? slug;
        string rest;
        var siteHost = false;
        if (path.StartsWith(SitesPrefix, StringComparison.Ordinal))
        {
            var end = path.IndexOf('/', SitesPrefix.Length);
            if (end < 0)
            {
                return next(http);
            }

            slug = path[SitesPrefix.Length..end];
            rest = path[end..];
            // On a site's own host every path is the site's: that rewrite is the domain routing's to make.
            if (options.Value.Domain.Length > 0 && request.Host.Host.EndsWith("." + options.Value.Domain, StringComparison.OrdinalIgnoreCase))
            {
                return next(http);
            }
        }
        else
        {
            slug = SiteDomainRouting.SubdomainSlug(request.Host.Host.ToLowerInvariant().TrimEnd('.'), options.Value.Domain);
            rest = path;
            siteHost = true;
        }

        if (slug is null || !sites.TryGetKept(slug, out var site) || site is not { Live: true, Experiment: null })
        {
            return next(http);
        }

        var pagePath = "/" + rest.Trim('/');
        // Live pages link relatively ("./menu"): the home page ends in a slash, others do not (else the endpoint redirects).
        var endsInSlash = path.EndsWith('/');
        if (pagePath.StartsWith(PublishService.ImagePathPrefix, StringComparison.Ordinal)
            || (pagePath == "/" ? !endsInSlash : endsInSlash)
            || !site.Pages.TryGetValue(pagePath, out var key)
            || !files.TryGetKept(key, out var file))
        {
            return next(http);
        }

        if (siteHost)
        {
            SiteDomainRouting.MarkSiteHost(http);
        }

        LogServed(slug, pagePath);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        SitePages.LivePageHeaders(http, slug);
        http.Response.Headers.CacheControl = "public, max-age=60, must-revalidate";
        return LiveFileResult.Create(http, file, "text/html; charset=utf-8").ExecuteAsync(http);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Live page {Slug} {Path} served from memory")]
    private partial void LogServed(string slug, string path);
}
