using System.Collections.Concurrent;
using Navo.Host.Database;

namespace Navo.Host.Apis;

/// <summary>
/// The live pointers the beacon's endpoint needs, kept five seconds: every page view asks for one, and reading it from
/// the database each time would make the database the limit of how many visits a host takes in. Only sites found are
/// kept; a publish, rollback or unpublish reaches the endpoint within those five seconds.
/// </summary>
internal sealed class LiveSiteCache(NavoDatabase database, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (PublishedSites.SitePointer Site, DateTimeOffset Until)> _sites = new(StringComparer.Ordinal);

    /// <summary>The pointer of <paramref name="slug"/>, or null when no site has that address.</summary>
    public async Task<PublishedSites.SitePointer?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_sites.TryGetValue(slug, out var kept) && kept.Until > now)
        {
            return kept.Site;
        }

        var site = await PublishedSites.FindAsync(database, slug, cancellationToken);
        if (site is null)
        {
            _sites.TryRemove(slug, out _);
            return null;
        }

        // Bounded by the number of sites with an address, which the database holds anyway.
        _sites[slug] = (site, now + Lifetime);
        return site;
    }
}
