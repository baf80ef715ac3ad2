using Microsoft.Extensions.Options;
using Navo.Agent;
using Navo.Channels.Slack;
using Navo.EventStore;
using Navo.EventStore.Embedded;
using Navo.Tools;
using Npgsql;

namespace Navo.Host.Database;

/// <summary>
/// The store's database: the server named by <c>ConnectionStrings:Navo</c>, or, with none, Navo's private
/// cluster under <c>{Navo:DataPath}/pg</c>. Started by <see cref="DatabaseLifetime"/> before the server listens.
/// </summary>
public sealed partial class NavoDatabase(
    IConfiguration configuration, IOptions<NavoOptions> options, IHostEnvironment environment, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    /// <summary>The database Navo uses on its embedded cluster.</summary>
    internal const string EmbeddedDatabaseName = "navo";
    private readonly ILogger _logger = loggerFactory.CreateLogger<NavoDatabase>();
    private EmbeddedPostgres? _embedded;
    private NpgsqlDataSource? _dataSource;
    private PostgresEventStore? _store;

    /// <summary>The data source; available once started.</summary>
    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The database has not been started.");

    /// <summary>The event store; available once started.</summary>
    public PostgresEventStore Store => _store ?? throw new InvalidOperationException("The database has not been started.");

    /// <summary>What Navo keeps in the store: the events, projections, snapshots and tables of every part.</summary>
    public static EventStoreOptions StoreOptions() => new EventStoreOptions().AddNavoTools().AddNavoAgent().AddNavoHost().AddNavoChannels();

    /// <summary>
    /// Starts the cluster (if embedded) and the store. The schema is applied outside Production, or when
    /// <paramref name="applySchema"/> says so (the <c>migrate</c> command); in Production a schema that needs changes
    /// stops the start with <see cref="SchemaOutOfDateException"/>. <paramref name="listeners"/> hear every session's
    /// commit (the host's <c>LiveSiteChanges</c>).
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken, bool? applySchema = null, IEnumerable<Marten.IDocumentSessionListener>? listeners = null)
    {
        var connectionString = configuration.GetConnectionString("Navo");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataPath = Path.GetFullPath(options.Value.DataPath);
            _embedded = await EmbeddedPostgres.StartAsync(
                dataPath, durable: true, options.Value.PostgresBinaries, loggerFactory.CreateLogger<EmbeddedPostgres>(), cancellationToken);
            await _embedded.CreateDatabaseAsync(EmbeddedDatabaseName, cancellationToken: cancellationToken);
            connectionString = _embedded.ConnectionStringFor(EmbeddedDatabaseName);
        }

        _dataSource = EventStoreDataSource.Create(connectionString, loggerFactory);
        var storeOptions = StoreOptions();
        foreach (var listener in listeners ?? [])
        {
            storeOptions.Marten.Add(marten => marten.Listeners.Add(listener));
        }

        _store = new PostgresEventStore(_dataSource, storeOptions, loggerFactory);
        if (applySchema ?? !environment.IsProduction())
        {
            await _store.MigrateAsync(cancellationToken);
        }
        else
        {
            // Production changes no schema on its own: an operator applies it with the migrate command (docs/operations.md).
            await _store.CheckSchemaAsync(cancellationToken);
        }

        LogReady(_embedded is null ? "the configured server" : "the embedded cluster");
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
        }

        _store = null;
        _dataSource = null;
        _embedded = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The store is ready on {Database}")]
    private partial void LogReady(string database);
}
