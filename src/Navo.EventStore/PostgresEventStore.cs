using JasperFx;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Navo.EventStore.Internal;
using Navo.EventStore.Schema;
using Npgsql;
using Weasel.Core;

namespace Navo.EventStore;

/// <summary>
/// Navo's event store: Marten on PostgreSQL, with Navo's tenant sessions on top. Open a <see cref="IEventSession"/> for a
/// tenant to read and append, run <see cref="MigrateAsync"/> (or <see cref="CheckSchemaAsync"/>) at start-up, and start
/// the async daemon with <see cref="StartDaemonAsync"/>.
/// </summary>
public sealed class PostgresEventStore : IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;
    private ProjectionCoordinator? _coordinator;

    public PostgresEventStore(NpgsqlDataSource dataSource, EventStoreOptions options, ILoggerFactory? loggerFactory = null)
    {
        DataSource = dataSource;
        Options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Marten = new DocumentStore(MartenOptions(dataSource, options));
    }

    /// <summary>The states kept in memory, by type (<see cref="StoreFoldedStates.KeepFolded{T}"/>).</summary>
    internal IReadOnlyDictionary<Type, FoldedStates> Folded => _folded ??= Options.FoldedTypes.ToDictionary(t => t.Key, t => new FoldedStates(t.Value));

    private Dictionary<Type, FoldedStates>? _folded;

    /// <summary>The database the store lives in.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Event types, projections, extra schema and limits.</summary>
    public EventStoreOptions Options { get; }

    /// <summary>Marten's store. Open sessions through <see cref="OpenSession"/>, which sets the tenant for row-level security.</summary>
    public DocumentStore Marten { get; }

    /// <summary>
    /// Creates or updates the schema: Marten's tables through Weasel, then Navo's tables, then row-level security on every
    /// tenant table. Idempotent, and safe from several hosts at once (they take turns on an advisory lock).
    /// </summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default) =>
        new StoreSchema(this, _loggerFactory.CreateLogger<StoreSchema>()).ApplyAsync(cancellationToken);

    /// <summary>
    /// Changes nothing: throws <see cref="SchemaOutOfDateException"/> when Marten's tables, Navo's migrations or the
    /// row-level security policies are not what this version of Navo needs.
    /// </summary>
    public Task CheckSchemaAsync(CancellationToken cancellationToken = default) =>
        new StoreSchema(this, _loggerFactory.CreateLogger<StoreSchema>()).CheckAsync(cancellationToken);

    /// <summary>
    /// Opens a unit of work for one tenant: its reads and appends run in one transaction under that tenant's role and
    /// setting, committed by <see cref="IEventSession.SaveChangesAsync"/>.
    /// </summary>
    public IEventSession OpenSession(TenantContext tenant) => new EventSession(this, tenant);

    /// <summary>
    /// Starts Marten's async daemon for <see cref="EventStoreOptions.AsyncProjections"/>: each projection runs on one host
    /// at a time (a PostgreSQL advisory lock elects it), and another takes over when that host stops.
    /// </summary>
    public async Task StartDaemonAsync(CancellationToken cancellationToken = default)
    {
        if (Options.AsyncProjections.Count == 0 || _coordinator is not null)
        {
            return;
        }

        _coordinator = new ProjectionCoordinator(Marten, _loggerFactory.CreateLogger<ProjectionCoordinator>());
        await _coordinator.StartAsync(cancellationToken);
    }

    /// <summary>Stops the daemon on this host, releasing its projections to another.</summary>
    public async Task StopDaemonAsync()
    {
        if (_coordinator is null)
        {
            return;
        }

        await _coordinator.StopAsync(CancellationToken.None);
        await _coordinator.DisposeAsync();
        _coordinator = null;
    }

    /// <summary>Waits until every async projection has caught up with the events committed so far.</summary>
    public Task WaitForProjectionsAsync(TimeSpan timeout) => Marten.WaitForNonStaleProjectionDataAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        await StopDaemonAsync();
        Marten.Dispose();
    }

    private static StoreOptions MartenOptions(NpgsqlDataSource dataSource, EventStoreOptions options)
    {
        var marten = new StoreOptions();
        marten.Connection(dataSource);
        // Navo applies the schema itself at start-up (MigrateAsync) or refuses to start (CheckSchemaAsync): never mid-request.
        marten.AutoCreateSchemaObjects = AutoCreate.None;
        marten.Events.TenancyStyle = TenancyStyle.Conjoined;
        marten.Policies.AllDocumentsAreMultiTenanted();
        // The expected version is checked under the stream row's lock, so a writer that loses a race draws no sequence
        // number and leaves no gap for the daemon to wait out.
        marten.Events.UseExclusiveLockOnConcurrentAppends = true;
        // With the sessions' identity map, a snapshot read before an append is reused by the append's inline projection.
        marten.Events.UseIdentityMapForAggregates = true;
        marten.UseSystemTextJsonForSerialization(new System.Text.Json.JsonSerializerOptions(options.Json), EnumStorage.AsString, Casing.CamelCase);
        foreach (var (type, alias) in options.Events.All)
        {
            marten.Events.MapEventType(type, alias);
        }

        foreach (var projection in options.InlineProjections)
        {
            marten.Projections.Add(projection, ProjectionLifecycle.Inline);
        }

        foreach (var (name, projection) in options.AsyncProjections)
        {
            marten.Projections.Add(projection, ProjectionLifecycle.Async, name);
        }

        marten.Projections.AsyncMode = DaemonMode.HotCold;
        if (options.DaemonPollInterval is { } poll)
        {
            marten.Projections.FastPollingTime = poll;
            marten.Projections.LeadershipPollingTime = (int)Math.Max(100, poll.TotalMilliseconds * 5);
        }

        foreach (var configure in options.Marten)
        {
            configure(marten);
        }

        return marten;
    }
}
