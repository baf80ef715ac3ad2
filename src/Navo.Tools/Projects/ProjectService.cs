using Navo.EventStore;
using Navo.Tools.Assets;
using Navo.Tools.Edit;
using Navo.Tools.Generate;
using Navo.Tools.Sites;

namespace Navo.Tools.Projects;

/// <summary>
/// What a request for a project can come back as. <see cref="Unavailable"/>: the server could not do it (the site
/// storage full or not writable), nothing changed, and the request may be made again later.
/// </summary>
public enum ProjectOutcome { Ok, NotFound, VersionMoved, Invalid, Conflict, Unavailable }

/// <summary>The result of a change: the project after it, or why not (and which operation failed).</summary>
/// <summary>What an edit did: the project after it (and, when it was made, before it), or why not.</summary>
public sealed record ProjectChange(ProjectOutcome Outcome, ProjectState? Project, string? Error = null, int? FailedOperation = null, long? CurrentVersion = null, ProjectState? Before = null);

/// <summary>
/// The project operations every channel and the REST API share: generate, redraft, read, edit, history, diff, the
/// site at any version, and deletion. Each call is one store session for the caller's tenant: one transaction, one
/// commit. A deleted project answers as one that does not exist. Edits of one project take turns in this process
/// (<paramref name="locks"/>, shared with the conversations).
/// </summary>
public sealed partial class ProjectService(PostgresEventStore store, GenerationPipeline pipeline, ISectionWriter writer, StreamLocks? locks = null)
{
    /// <summary>How often an edit without an expected version is tried on a project that another process keeps changing.</summary>
    private const int MaxAttempts = 5;

    private readonly StreamLocks _locks = locks ?? new StreamLocks();

    /// <summary>The project as it is now, or null when this workspace has none with that id.</summary>
    public async Task<ProjectState?> GetAsync(TenantContext tenant, Guid id, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        return await GetAsync(session, id, cancellationToken);
    }

    /// <summary>The project as it is now in <paramref name="session"/>, or null.</summary>
    public static async Task<ProjectState?> GetAsync(IEventSession session, Guid id, CancellationToken cancellationToken = default) =>
        (await session.AggregateStreamAsync<ProjectState>(id, cancellationToken: cancellationToken))?.State is { Id: var found, Deleted: false } state && found != Guid.Empty
            ? state
            : null;

    /// <summary>The workspace's projects, newest change first.</summary>
    public async Task<IReadOnlyList<ProjectSummary>> ListAsync(TenantContext tenant, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        return await ListAsync(session, cancellationToken);
    }

    /// <summary>The workspace's projects in <paramref name="session"/>, newest change first.</summary>
    public static Task<IReadOnlyList<ProjectSummary>> ListAsync(IEventSession session, CancellationToken cancellationToken = default) =>
        session.QueryAsync(
            "select id, name, version, created_at, updated_at from navo_projects where tenant_id = $1 order by updated_at desc limit 200",
            r => new ProjectSummary(r.GetGuid(0), r.GetString(1), r.GetInt64(2), r.GetFieldValue<DateTimeOffset>(3), r.GetFieldValue<DateTimeOffset>(4)),
            cancellationToken, session.Tenant.TenantId);

    /// <summary>
    /// Applies edit operations atomically. <paramref name="expectedVersion"/> (from If-Match) must be the current
    /// <see cref="ProjectState.SiteVersion"/>: a change to the document since makes this answer
    /// <see cref="ProjectOutcome.VersionMoved"/>, while events that leave the document as it is (a publish, a new
    /// address) do not. Without one, the edit is for whatever version is current. Either way, when another writer gets
    /// there first the edit is decided again on the new version (and checked against <paramref name="expectedVersion"/>
    /// again), and only a project that keeps changing answers <see cref="ProjectOutcome.Conflict"/>.
    /// </summary>
    public async Task<ProjectChange> EditAsync(
        TenantContext tenant, Guid id, long? expectedVersion, IReadOnlyList<EditOperation> operations, Actor by, CancellationToken cancellationToken = default)
    {
        await using var turn = await _locks.AcquireAsync(id, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.OpenSession(tenant);
            var change = await EditAsync(session, id, expectedVersion, operations, by, cancellationToken);
            if (change.Outcome != ProjectOutcome.Ok)
            {
                return change;
            }

            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return change;
            }
            catch (ConcurrencyException) when (attempt < MaxAttempts)
            {
                // Another process wrote first; wait a little (not in step with the others) and decide again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 40) * attempt), cancellationToken);
            }
            catch (ConcurrencyException)
            {
                return expectedVersion is null
                    ? new(ProjectOutcome.Conflict, change.Project, "The site kept changing while this edit was being made, so nothing was changed. Send it again.")
                    : new(ProjectOutcome.VersionMoved, change.Project);
            }
        }
    }

    /// <summary>Decides an edit and queues its events in <paramref name="session"/>; the caller saves.</summary>
    public async Task<ProjectChange> EditAsync(
        IEventSession session, Guid id, long? expectedVersion, IReadOnlyList<EditOperation> operations, Actor by, CancellationToken cancellationToken = default)
    {
        var (state, sites) = await LoadAsync(session, id, s => Targets(s, operations), cancellationToken);
        if (state is null)
        {
            return new(ProjectOutcome.NotFound, null);
        }

        if (expectedVersion is { } expected && expected != state.SiteVersion)
        {
            return new(ProjectOutcome.VersionMoved, state, CurrentVersion: state.SiteVersion);
        }

        var images = operations.Any(o => o is SetImage) ? await AssetLibrary.SizesAsync(session, id, cancellationToken) : null;
        var outcome = EditDecider.Decide(state, operations, new EditContext(by, v => sites.GetValueOrDefault(v), writer, images));
        if (!outcome.IsAccepted)
        {
            return new(ProjectOutcome.Invalid, state, outcome.Error, outcome.FailedOperation);
        }

        session.Append(id, state.Version, [.. outcome.Events]);
        var after = state;
        foreach (var @event in outcome.Events)
        {
            after = after.Apply(@event, after.Version + 1);
        }

        return new(ProjectOutcome.Ok, after, Before: state);
    }

    /// <summary>
    /// The project's state, from its snapshot (one row, however long its history is), and the site at each version
    /// from the earliest to the latest of <paramref name="versions"/> (those undo and revert may go back to, or a diff's two): folded from the last event at or before the earliest of those versions that
    /// holds a whole document (a draft, a redraft, an undo or revert, an applied suggestion), not from the stream's
    /// start, so an undo reads the few events since the last whole document instead of the project's whole history.
    /// </summary>
    private static async Task<(ProjectState? State, Dictionary<long, Site> Sites)> LoadAsync(
        IEventSession session, Guid id, Func<ProjectState, IEnumerable<long>> versions, CancellationToken cancellationToken)
    {
        var sites = new Dictionary<long, Site>();
        var state = await GetAsync(session, id, cancellationToken);
        if (state is null || versions(state).Where(v => v >= 1 && v <= state.Version).ToList() is not { Count: > 0 } targets)
        {
            return (state, sites);
        }

        var (earliest, latest) = (targets.Min(), Math.Min(targets.Max(), state.Version));
        var whole = await session.QueryAsync(
            """
            select version from mt_events
            where tenant_id = $1 and stream_id = $2 and version <= $3 and type = any($4)
            order by version desc limit 1
            """,
            r => r.GetInt64(0), cancellationToken, session.Tenant.TenantId, id, earliest, WholeDocumentAliases);
        var from = whole.Count > 0 ? whole[0] - 1 : 0;
        var folded = ProjectState.Initial;
        foreach (var @event in await session.FetchStreamAsync(id, from, latest, cancellationToken))
        {
            folded = folded.Apply(@event);
            if (folded.Site is { } site)
            {
                sites[folded.Version] = site;
            }
        }

        return (state, sites);
    }

    /// <summary>The stored versions the undo and revert operations of a request may need the site at.</summary>
    private static IEnumerable<long> Targets(ProjectState state, IReadOnlyList<EditOperation> operations) =>
        state.UndoStack.Take(operations.OfType<Undo>().Sum(u => Math.Clamp(u.Steps, 0, ProjectState.UndoDepth)))
            .Concat(operations.OfType<Revert>().Select(r => r.Version));

    /// <summary>The events that carry the whole site document: a fold can start at one of them.</summary>
    private static readonly string[] WholeDocumentAliases =
    [
        SiteGeneratedShapes.FirstShapeAlias, $"{SiteGeneratedShapes.FirstShapeAlias}_v{SiteGeneratedShapes.Current}",
        EventTypes.ToSnakeCase(nameof(SiteRedrafted)), EventTypes.ToSnakeCase(nameof(SiteReverted)), EventTypes.ToSnakeCase(nameof(Suggest.SuggestionApplied)),
    ];
}

/// <summary>One line of the project list.</summary>
public sealed record ProjectSummary(Guid Id, string Name, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
