using Navo.EventStore;
using Navo.EventStore.Embedded;
using Navo.Tools;
using Navo.Tools.Generate;
using Navo.Tools.Projects;
using Npgsql;

namespace Navo.Bench;

/// <summary>
/// A durable PostgreSQL cluster of the benchmark's own, with Navo's store migrated in database <c>bench</c> and a
/// workspace to act in: for benchmarks of the store and the tools without the host. Disposing stops the cluster and
/// deletes its files.
/// </summary>
internal sealed class StoreOfItsOwn : IAsyncDisposable
{
    private readonly string folder;
    private readonly EmbeddedPostgres cluster;

    private StoreOfItsOwn(string folder, EmbeddedPostgres cluster, NpgsqlDataSource dataSource, PostgresEventStore store)
    {
        this.folder = folder;
        this.cluster = cluster;
        DataSource = dataSource;
        Store = store;
        Projects = new ProjectService(store, new GenerationPipeline(LocalSteps.All), new LocalCopywriter());
        Tenant = new TenantContext("bench", Guid.NewGuid(), ["owner"]);
        By = new Actor(Tenant.UserId, "bench");
    }

    public NpgsqlDataSource DataSource { get; }

    public PostgresEventStore Store { get; }

    public ProjectService Projects { get; }

    /// <summary>The workspace the benchmark acts in, as its owner.</summary>
    public TenantContext Tenant { get; }

    public Actor By { get; }

    public static async Task<StoreOfItsOwn> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("navo-bench-").FullName;
        var cluster = await EmbeddedPostgres.StartAsync(folder, durable: true);
        await cluster.CreateDatabaseAsync("bench");
        var dataSource = EventStoreDataSource.Create(cluster.ConnectionStringFor("bench"));
        var store = new PostgresEventStore(dataSource, new EventStoreOptions().AddNavoTools());
        await store.MigrateAsync();
        return new StoreOfItsOwn(folder, cluster, dataSource, store);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await DataSource.DisposeAsync();
        await cluster.DisposeAsync();
        Directory.Delete(cluster.Root, recursive: true);
        Directory.Delete(folder, recursive: true);
    }
}
