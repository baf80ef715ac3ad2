using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Navo.EventStore.Daemon;
using Navo.EventStore.Internal;
using Navo.EventStore.Schema;
using Npgsql;

namespace Navo.EventStore;

/// <summary>
/// Navo's event store on PostgreSQL: open a <see cref="IEventSession"/> for a tenant to read and append,
/// run <see cref="MigrateAsync"/> at start-up, and start the <see cref="Daemon"/> for async projections.
/// </summary>
public sealed class PostgresEventStore
{
    private readonly ILoggerFactory _loggerFactory;

    public PostgresEventStore(NpgsqlDataSource dataSource, EventStoreOptions options, ILoggerFactory? loggerFactory = null)
    {
        DataSource = dataSource;
        Options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Serializer = new EventSerializer(options);
        Daemon = new ProjectionDaemon(dataSource, options, Serializer, _loggerFactory.CreateLogger<ProjectionDaemon>());
    }

    /// <summary>The database the store lives in.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Event types, projections, extra schema and limits.</summary>
    public EventStoreOptions Options { get; }

    /// <summary>Runs the async projections; start it once per host.</summary>
    public ProjectionDaemon Daemon { get; }

    internal EventSerializer Serializer { get; }

    /// <summary>Every migration this store applies: its own tables, then <see cref="EventStoreOptions.Migrations"/>.</summary>
    public IReadOnlyList<SchemaMigration> AllMigrations =>
        [.. SchemaMigration.FromEmbeddedSql(typeof(PostgresEventStore).Assembly, "eventstore"), .. Options.Migrations];

    /// <summary>Creates or upgrades the schema; idempotent and safe to run from several hosts at once.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default) =>
        new SchemaMigrator(DataSource, _loggerFactory.CreateLogger<SchemaMigrator>()).MigrateAsync(AllMigrations, cancellationToken);

    /// <summary>
    /// Opens a unit of work for one tenant: its reads and appends run in one transaction under that tenant,
    /// committed by <see cref="IEventSession.SaveChangesAsync"/>.
    /// </summary>
    public IEventSession OpenSession(TenantContext tenant) => new EventSession(this, tenant);
}
