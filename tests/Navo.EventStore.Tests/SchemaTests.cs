using Navo.Testing;

namespace Navo.EventStore.Tests;

public sealed class SchemaTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Several_hosts_migrating_one_database_at_once_apply_each_step_once()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgresEventStore(database.DataSource, new EventStoreOptions())).ToList();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync())));
        await stores[0].MigrateAsync();

        await using var command = database.DataSource.CreateCommand("select id, count(*) from navo_schema_migrations group by id");
        await using var reader = await command.ExecuteReaderAsync();
        var applied = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            applied[reader.GetString(0)] = reader.GetInt64(1);
        }

        applied.Should().Equal(new Dictionary<string, long> { ["eventstore/0001_event_store"] = 1 });
    }
}
