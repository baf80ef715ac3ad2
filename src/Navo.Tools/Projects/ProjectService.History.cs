using Navo.EventStore;
using Navo.Tools.Sites;
using Navo.Tools.Versions;

namespace Navo.Tools.Projects;

public sealed partial class ProjectService
{
    /// <summary>The project's history, newest first, in plain words.</summary>
    public async Task<IReadOnlyList<HistoryEntry>?> HistoryAsync(TenantContext tenant, Guid id, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        return await HistoryAsync(session, id, cancellationToken);
    }

    /// <summary>The project's history in <paramref name="session"/>, newest first.</summary>
    public static async Task<IReadOnlyList<HistoryEntry>?> HistoryAsync(IEventSession session, Guid id, CancellationToken cancellationToken = default)
    {
        var events = await session.FetchStreamAsync(id, cancellationToken: cancellationToken);
        return events.Count == 0 || IsDeleted(events)
            ? null
            : [.. events.AsEnumerable().Reverse().Select(e => new HistoryEntry(
                e.Version, e.Timestamp, e.Type, HistorySummary.Describe(e.Data),
                (e.Data as IProjectEvent)?.By.UserId ?? Guid.Empty, (e.Data as IProjectEvent)?.By.Channel ?? string.Empty))];
    }

    /// <summary>
    /// The site at a version (the newest when null), with the state it belongs to; null when there is none, and for
    /// every version of a deleted project.
    /// </summary>
    public async Task<(ProjectState State, Site Site)?> SiteAtAsync(TenantContext tenant, Guid id, long? version, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        var events = await session.FetchStreamAsync(id, cancellationToken: cancellationToken);
        if (IsDeleted(events))
        {
            return null;
        }

        var state = ProjectState.Initial;
        foreach (var @event in events.TakeWhile(e => version is null || e.Version <= version))
        {
            state = state.Apply(@event);
        }

        return state is { Site: { } site } && (version is null || state.Version == version) ? (state, site) : null;
    }

    private static bool IsDeleted(IReadOnlyList<EventEnvelope> events) => events.Any(e => e.Data is ProjectDeleted);

    /// <summary>A structural and rendered-text diff between two versions; null when either does not exist.</summary>
    public async Task<VersionDiff?> DiffAsync(TenantContext tenant, Guid id, long from, long to, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        var (state, sites) = await LoadAsync(session, id, _ => [from, to], cancellationToken);
        if (state is null || from < 1 || to < 1 || from > state.Version || to > state.Version)
        {
            return null;
        }

        return SiteDiff.Compare(from, sites.GetValueOrDefault(from), to, sites.GetValueOrDefault(to));
    }
}
