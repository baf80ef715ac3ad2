using Navo.EventStore;
using Navo.EventStore.Embedded;
using Npgsql;
using Xunit;

namespace Navo.Testing;

/// <summary>
/// A fresh database on the test run's cluster for one test class (use it as an <c>IClassFixture</c>).
/// Test classes run in parallel, each in a database of its own.
/// </summary>
public class TestDatabase : IAsyncLifetime
{
    /// <summary>The database's name, unique in the run.</summary>
    public string Name { get; } = "t_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>The cluster it lives on.</summary>
    public EmbeddedPostgres Cluster { get; private set; } = null!;

    /// <summary>A connection string for it, as the cluster's owner.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>A data source for it.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Cluster = await TestCluster.GetAsync();
        await Cluster.CreateDatabaseAsync(Name);
        ConnectionString = Cluster.ConnectionStringFor(Name);
        DataSource = EventStoreDataSource.Create(ConnectionString);
    }

    public virtual async Task DisposeAsync() => await DataSource.DisposeAsync();

    /// <summary>A migrated store on this database, set up by <paramref name="configure"/>.</summary>
    public async Task<PostgresEventStore> CreateStoreAsync(Action<EventStoreOptions>? configure = null)
    {
        var options = new EventStoreOptions();
        configure?.Invoke(options);
        return await CreateStoreAsync(options);
    }

    /// <summary>A migrated store on this database with <paramref name="options"/>.</summary>
    public async Task<PostgresEventStore> CreateStoreAsync(EventStoreOptions options)
    {
        var store = new PostgresEventStore(DataSource, options);
        await store.MigrateAsync();
        return store;
    }
}
