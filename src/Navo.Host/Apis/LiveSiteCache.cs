using System.Collections.Concurrent;
using Navo.Host.Database;

namespace Navo.Host.Apis;

/// <summary>
/// What every live address serves, kept in memory so that a page view asks the database nothing: the pointer of each
/// slug asked for (including "no site here"), until <see cref="SiteChangeListener"/> hears that it changed. Every host
/// hears every change (PostgreSQL <c>LISTEN/NOTIFY</c>), so a publish, rollback, unpublish, deletion or move through
/// any host reaches this one as soon as its transaction commits, and the host that made it forgets the address even
/// before that (<see cref="LiveSiteChanges"/>). While the listener is not connected nothing is kept,
/// since changes may go unheard: every view then reads the database, as it did before the cache.
/// </summary>
internal sealed class LiveSiteCache(NavoDatabase database)
{
    /// <summary>Made-up slugs must not grow the cache without bound: past this many, it starts again.</summary>
    private const int MaxSites = 100_000;

    private readonly ConcurrentDictionary<string, PublishedSites.SitePointer?> _sites = new(StringComparer.Ordinal);
    private long _generation;
    private volatile bool _listening;

    /// <summary>Whether changes are being heard, so that what is kept stays true.</summary>
    public bool Listening => _listening;

    /// <summary>How many addresses are kept now.</summary>
    public int Count => _sites.Count;

    /// <summary>The pointer of <paramref name="slug"/>, or null when no site has that address.</summary>
    public async Task<PublishedSites.SitePointer?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        if (_listening && _sites.TryGetValue(slug, out var kept))
        {
            return kept;
        }

        // A change heard while the query runs may already be in what it reads, or not: keep the answer only if
        // nothing changed meanwhile.
        var generation = Interlocked.Read(ref _generation);
        var site = await PublishedSites.FindAsync(database, slug, cancellationToken);
        if (_listening && Interlocked.Read(ref _generation) == generation)
        {
            if (_sites.Count >= MaxSites)
            {
                _sites.Clear();
            }

            _sites[slug] = site;
        }

        return site;
    }

    /// <summary>The pointer of <paramref name="slug"/> if it is kept (and changes are heard), without asking the database.</summary>
    public bool TryGetKept(string slug, out PublishedSites.SitePointer? site)
    {
        site = null;
        return _listening && _sites.TryGetValue(slug, out site);
    }

    /// <summary>What <paramref name="slug"/> serves changed.</summary>
    public void Forget(string slug)
    {
        Interlocked.Increment(ref _generation);
        _sites.TryRemove(slug, out _);
    }

    /// <summary>What the addresses of project <paramref name="projectId"/> serve changed (an experiment, a deletion): its events name no slug.</summary>
    public void ForgetProject(Guid projectId)
    {
        Interlocked.Increment(ref _generation);
        foreach (var (slug, site) in _sites)
        {
            if (site?.ProjectId == projectId)
            {
                _sites.TryRemove(slug, out _);
            }
        }
    }

    /// <summary>Changes are heard from now on (<paramref name="listening"/>) or may go unheard: either way, what was kept may be stale.</summary>
    public void Listen(bool listening)
    {
        _listening = listening;
        Interlocked.Increment(ref _generation);
        _sites.Clear();
    }
}
