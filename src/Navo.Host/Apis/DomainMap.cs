using System.Collections.Concurrent;
using Navo.EventStore;
using Navo.Host.Database;

namespace Navo.Host.Apis;

/// <summary>
/// Which site a connected domain serves, read past row-level security by host name only (the request is a
/// visitor's, with no workspace). Answers are kept for <see cref="Lifetime"/>, so a request for an unknown host
/// costs no query most of the time; every host forgets them as soon as a domain or a site changes anywhere
/// (<see cref="SiteChangeListener"/>), the host that made the change at once (<see cref="LiveSiteChanges"/>), and at the
/// latest after <see cref="Lifetime"/>.
/// </summary>
public sealed class DomainMap(NavoDatabase database)
{
    /// <summary>Where Navo answers a domain's verification token.</summary>
    public const string ChallengePath = "/.well-known/navo-domain";

    private const int MaxEntries = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(DomainMapping Mapping, Guid? ProjectId, long ExpiresAt);

    /// <summary>Whether <paramref name="host"/> is a verified domain, and the address of its site if it is live or was.</summary>
    public async ValueTask<DomainMapping> FindAsync(string host, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (_entries.TryGetValue(host, out var entry) && entry.ExpiresAt > now)
        {
            return entry.Mapping;
        }

        await using var command = database.DataSource.Command(
            """
            select l.slug, d.project_id from navo_site_domains d
            left join navo_live_sites l on l.tenant_id = d.tenant_id and l.project_id = d.project_id
            where d.host = $1 and d.verified_at is not null
            """, host);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = await reader.ReadAsync(cancellationToken);
        var mapping = found ? new DomainMapping(true, reader.IsDBNull(0) ? null : reader.GetString(0)) : DomainMapping.None;
        var projectId = found ? reader.GetGuid(1) : (Guid?)null;
        if (_entries.Count >= MaxEntries)
        {
            // Made-up Host headers must not grow the map without bound.
            _entries.Clear();
        }

        _entries[host] = new Entry(mapping, projectId, now + (long)Lifetime.TotalMilliseconds);
        return mapping;
    }

    /// <summary>Whether <paramref name="host"/> waits for verification with <paramref name="token"/> in some project.</summary>
    public async Task<bool> IsWaitingAsync(string host, string token, CancellationToken cancellationToken)
    {
        if (token.Length != 32 || !token.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        await using var command = database.DataSource.Command(
            "select exists (select from navo_site_domains where host = $1 and token = $2)", host, token);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Drops every kept answer: the listener may have missed changes.</summary>
    public void Forget() => _entries.Clear();

    /// <summary>Drops the answer kept for <paramref name="host"/>: it was added, verified or removed.</summary>
    public void Forget(string host) => _entries.TryRemove(host, out _);

    /// <summary>Drops the answers of project <paramref name="projectId"/>'s domains: its address changed, or it was deleted.</summary>
    public void ForgetProject(Guid projectId)
    {
        foreach (var (host, entry) in _entries)
        {
            if (entry.ProjectId == projectId)
            {
                _entries.TryRemove(host, out _);
            }
        }
    }
}

/// <summary>A host's mapping: whether it is a verified domain and, if its site was ever published, the site's address.</summary>
public sealed record DomainMapping(bool Mapped, string? Slug)
{
    public static DomainMapping None { get; } = new(false, null);
}
