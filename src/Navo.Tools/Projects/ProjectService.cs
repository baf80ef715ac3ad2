using Navo.EventStore;
using Navo.Tools.Edit;
using Navo.Tools.Generate;
using Navo.Tools.Sites;
using Navo.Tools.Versions;

namespace Navo.Tools.Projects;

/// <summary>What a request for a project can come back as.</summary>
public enum ProjectOutcome { Ok, NotFound, VersionMoved, Invalid, Conflict }

/// <summary>The result of a change: the project after it, or why not (and which operation failed).</summary>
public sealed record ProjectChange(ProjectOutcome Outcome, ProjectState? Project, string? Error = null, int? FailedOperation = null, long? CurrentVersion = null);

/// <summary>
/// The project operations every channel and the REST API share: generate, read, edit, history, diff, and the
/// site at any version. Each call is one store session for the caller's tenant: one transaction, one commit.
/// </summary>
public sealed class ProjectService(PostgresEventStore store, GenerationPipeline pipeline, ISectionWriter writer)
{
    /// <summary>Drafts a site from a description and records the project and the draft in one commit.</summary>
    public async Task<(ProjectState Project, GenerationResult Draft)> GenerateAsync(
        TenantContext tenant, GenerationRequest request, Actor by, IProgress<StepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        var (project, draft) = await GenerateAsync(session, request, by, progress, cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return (project, draft);
    }

    /// <summary>Drafts a site and queues the new project's events in <paramref name="session"/>; the caller saves.</summary>
    public async Task<(ProjectState Project, GenerationResult Draft)> GenerateAsync(
        IEventSession session, GenerationRequest request, Actor by, IProgress<StepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var id = Guid.CreateVersion7();
        var draft = await pipeline.RunAsync(request with { Seed = id.ToString("N") }, progress, cancellationToken);
        var created = new ProjectCreated(draft.Brief.BusinessName, request.Description, by);
        var generated = new SiteGenerated(draft.Site, draft.Brief, "local", draft.Steps, by);
        session.StartStream(id, ProjectList.StreamType, created, generated);
        var now = DateTimeOffset.UtcNow;
        var state = ProjectState.Initial.Apply(created, 1, id, now).Apply(generated, 2, id, now);
        return (state, draft);
    }

    /// <summary>The project as it is now, or null when this workspace has none with that id.</summary>
    public async Task<ProjectState?> GetAsync(TenantContext tenant, Guid id, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        return await GetAsync(session, id, cancellationToken);
    }

    /// <summary>The project as it is now in <paramref name="session"/>, or null.</summary>
    public static async Task<ProjectState?> GetAsync(IEventSession session, Guid id, CancellationToken cancellationToken = default) =>
        (await session.AggregateStreamAsync<ProjectState>(id, cancellationToken: cancellationToken))?.State is { Id: var found } state && found != Guid.Empty
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
    /// version; a writer that got there first makes this answer <see cref="ProjectOutcome.VersionMoved"/>.
    /// </summary>
    public async Task<ProjectChange> EditAsync(
        TenantContext tenant, Guid id, long? expectedVersion, IReadOnlyList<EditOperation> operations, Actor by, CancellationToken cancellationToken = default)
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
        catch (ConcurrencyException)
        {
            return new(ProjectOutcome.VersionMoved, change.Project);
        }
    }

    /// <summary>Decides an edit and queues its events in <paramref name="session"/>; the caller saves.</summary>
    public async Task<ProjectChange> EditAsync(
        IEventSession session, Guid id, long? expectedVersion, IReadOnlyList<EditOperation> operations, Actor by, CancellationToken cancellationToken = default)
    {
        var needsHistory = operations.Any(o => o is Undo or Revert);
        var (state, sites) = await LoadAsync(session, id, needsHistory, cancellationToken);
        if (state is null)
        {
            return new(ProjectOutcome.NotFound, null);
        }

        if (expectedVersion is { } expected && expected != state.Version)
        {
            return new(ProjectOutcome.VersionMoved, state, CurrentVersion: state.Version);
        }

        var outcome = EditDecider.Decide(state, operations, new EditContext(by, v => sites.GetValueOrDefault(v), writer));
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

        return new(ProjectOutcome.Ok, after);
    }

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
        return events.Count == 0
            ? null
            : [.. events.AsEnumerable().Reverse().Select(e => new HistoryEntry(
                e.Version, e.Timestamp, e.Type, HistorySummary.Describe(e.Data),
                (e.Data as IProjectEvent)?.By.UserId ?? Guid.Empty, (e.Data as IProjectEvent)?.By.Channel ?? string.Empty))];
    }

    /// <summary>The site at a version (the newest when null), with the state it belongs to; null when there is none.</summary>
    public async Task<(ProjectState State, Site Site)?> SiteAtAsync(TenantContext tenant, Guid id, long? version, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        var aggregated = await session.AggregateStreamAsync<ProjectState>(id, version, cancellationToken);
        return aggregated is { State.Site: { } site } && (version is null || aggregated.Version == version)
            ? (aggregated.State, site)
            : null;
    }

    /// <summary>A structural and rendered-text diff between two versions; null when either does not exist.</summary>
    public async Task<VersionDiff?> DiffAsync(TenantContext tenant, Guid id, long from, long to, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        var (state, sites) = await LoadAsync(session, id, keepHistory: true, cancellationToken);
        if (state is null || from < 1 || to < 1 || from > state.Version || to > state.Version)
        {
            return null;
        }

        return SiteDiff.Compare(from, sites.GetValueOrDefault(from), to, sites.GetValueOrDefault(to));
    }

    /// <summary>Folds the stream; with <paramref name="keepHistory"/>, remembers the site at every version.</summary>
    private static async Task<(ProjectState? State, Dictionary<long, Site> Sites)> LoadAsync(
        IEventSession session, Guid id, bool keepHistory, CancellationToken cancellationToken)
    {
        var events = await session.FetchStreamAsync(id, cancellationToken: cancellationToken);
        var sites = new Dictionary<long, Site>();
        if (events.Count == 0)
        {
            return (null, sites);
        }

        var state = ProjectState.Initial;
        foreach (var @event in events)
        {
            state = state.Apply(@event);
            if (keepHistory && state.Site is { } site)
            {
                sites[state.Version] = site;
            }
        }

        return (state.Id == Guid.Empty ? null : state, sites);
    }
}

/// <summary>One line of the project list.</summary>
public sealed record ProjectSummary(Guid Id, string Name, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
