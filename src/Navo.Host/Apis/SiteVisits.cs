using Navo.Tools.Analyze;

namespace Navo.Host.Apis;

/// <summary>
/// Counts a contact form that reached a live site as a visit (<see cref="VisitKind.FormReceived"/>), for the same
/// visitor of the day as the beacon's page views: the address and user agent go into the hash and nowhere else.
/// </summary>
public sealed partial class SiteVisits(DailySalts salts, VisitBuffer buffer, ILogger<SiteVisits> logger)
{
    /// <summary>Counts the form of <paramref name="site"/> that <paramref name="http"/> carried; a robot's is counted apart.</summary>
    internal async Task FormReceivedAsync(HttpContext http, string slug, PublishedSites.SitePointer site, CancellationToken cancellationToken)
    {
        var userAgent = http.Request.Headers.UserAgent.ToString();
        if (Robots.IsRobot(userAgent))
        {
            buffer.CountRobot(site.TenantId, site.ProjectId, DateOnly.FromDateTime(DateTime.UtcNow));
            return;
        }

        var (visitor, at) = await salts.VisitorAsync(site.ProjectId, http.Connection.RemoteIpAddress?.ToString(), userAgent, cancellationToken);
        if (!buffer.TryAdd(new Visit(site.TenantId, site.ProjectId, at, VisitKind.FormReceived, visitor, PageOf(http, slug, site), null, null)))
        {
            // The message itself is stored; only its count is missing, and said so rather than lost unseen.
            LogNotCounted(logger, site.ProjectId);
        }
    }

    /// <summary>The page the form was sent from, by the Referer the browser sends for its own site's pages; null when unknown.</summary>
    private static string? PageOf(HttpContext http, string slug, PublishedSites.SitePointer site)
    {
        if (!Uri.TryCreate(http.Request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            || !string.Equals(referer.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var root = $"{http.Request.PathBase}{(SiteDomainRouting.IsSiteHost(http) ? "/" : $"/s/{slug}/")}";
        if (!referer.AbsolutePath.StartsWith(root, StringComparison.Ordinal))
        {
            return null;
        }

        var page = "/" + referer.AbsolutePath[root.Length..].TrimEnd('/');
        return site.Pages.ContainsKey(page) && !page.StartsWith("/_navo/", StringComparison.Ordinal) ? page : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A contact form of site {ProjectId} was stored but not counted: the visit buffer is full")]
    private static partial void LogNotCounted(ILogger logger, Guid projectId);
}
