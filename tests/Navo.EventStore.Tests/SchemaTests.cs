using Navo.EventStore.Tests.Support;
using Navo.Testing;

namespace Navo.EventStore.Tests;

public sealed class SchemaTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static EventStoreOptions Options()
    {
        var options = new EventStoreOptions();
        TestEventTypes.Register(options);
        options.Migrations.Add(CounterTotals.Table);
        options.InlineProjections.Add(new CounterTotals());
        options.Snapshot<Counter, ICounterEvent>("counter_snapshot");
        return options;
    }

    [Fact]
    public async Task Several_hosts_migrating_one_database_at_once_apply_each_step_once()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgresEventStore(database.DataSource, Options())).ToList();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync())));
        await stores[0].MigrateAsync();

        await using var command = database.DataSource.CreateCommand("select id, count(*) from navo_schema_migrations group by id");
        await using var reader = await command.ExecuteReaderAsync();
        var applied = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            applied[reader.GetString(0)] = reader.GetInt64(1);
        }

        applied.Should().Equal(new Dictionary<string, long> { ["tests/0001_counter_totals"] = 1 });
        await stores[0].Invoking(s => s.CheckSchemaAsync()).Should().NotThrowAsync("a migrated database is what the store needs");
    }

    [Fact]
    public async Task Migrating_a_schema_that_is_up_to_date_waits_for_no_transaction_on_the_event_tables()
    {
        var store = new PostgresEventStore(database.DataSource, Options());
        await store.MigrateAsync();

        // A host serving meanwhile (a rolling restart runs migrate beside it): a transaction that read the event tables.
        await using var serving = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await serving.BeginTransactionAsync();
        await using (var read = new Npgsql.NpgsqlCommand("select count(*) from mt_events, mt_streams", serving, transaction))
        {
            await read.ExecuteScalarAsync();
        }

        // Altering those tables or their policies would wait for that transaction to end.
        var again = store.MigrateAsync();
        (await Task.WhenAny(again, Task.Delay(TimeSpan.FromSeconds(30)))).Should().BeSameAs(again, "nothing needed changing, so no lock was needed");
        await again;
        await transaction.RollbackAsync();
        await store.Invoking(s => s.CheckSchemaAsync()).Should().NotThrowAsync();
    }

    [Fact]
    public async Task Every_table_with_a_tenant_id_has_row_level_security_marten_snapshots_included()
    {
        await new PostgresEventStore(database.DataSource, Options()).MigrateAsync();

        await using var command = database.DataSource.CreateCommand("""
            select c.relname, c.relrowsecurity from pg_class c
              join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
             where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new Dictionary<string, bool>();
        while (await reader.ReadAsync())
        {
            tables[reader.GetString(0)] = reader.GetBoolean(1);
        }

        tables.Keys.Should().Contain(["mt_events", "mt_streams", "mt_doc_counter_snapshot", "counter_totals"]);
        tables.Should().OnlyContain(t => t.Value, "row-level security is the second line of defence on every tenant table");
    }
}

/// <summary>A database of its own, never migrated before the test: what a Production host meets after an upgrade.</summary>
public sealed class ProductionSchemaTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_schema_that_needs_changes_is_refused_with_the_command_that_applies_it_and_nothing_is_changed()
    {
        var options = new EventStoreOptions();
        TestEventTypes.Register(options);
        var store = new PostgresEventStore(database.DataSource, options);

        var check = () => store.CheckSchemaAsync();

        (await check.Should().ThrowAsync<SchemaOutOfDateException>()).Which.Message
            .Should().Contain("Marten's tables").And.Contain("dotnet Navo.Host.dll migrate");
        await using var command = database.DataSource.CreateCommand("select to_regclass('mt_events') is null");
        ((bool)(await command.ExecuteScalarAsync())!).Should().BeTrue("checking changes nothing");

        await store.MigrateAsync();
        await check.Should().NotThrowAsync();
    }
}
