using Navo.EventStore.Tests.Support;
using Navo.Testing;
using Npgsql;

namespace Navo.EventStore.Tests;

public sealed class TenancyTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly TenantContext TenantA = TestEventTypes.Tenant("tenant-a");
    private static readonly TenantContext TenantB = TestEventTypes.Tenant("tenant-b");

    private async Task<(PostgresEventStore Store, Guid StreamOfB)> StoreWithStreamOfBAsync()
    {
        var store = await database.CreateStoreAsync(TestEventTypes.Register);
        var id = Guid.NewGuid();
        await using var session = store.OpenSession(TenantB);
        session.StartStream<Counter>(id, new CounterStarted("b's secret"), new CounterIncremented(41));
        await session.SaveChangesAsync();
        return (store, id);
    }

    [Fact]
    public async Task A_session_for_one_tenant_cannot_read_another_tenants_stream_even_with_its_id()
    {
        var (store, streamOfB) = await StoreWithStreamOfBAsync();
        await using var session = store.OpenSession(TenantA);

        (await session.FetchStreamAsync(streamOfB)).Should().BeEmpty();
        (await session.FetchStreamVersionAsync(streamOfB)).Should().BeNull();
        (await session.AggregateStreamAsync<Counter>(streamOfB)).Should().BeNull();
    }

    [Fact]
    public async Task A_session_for_one_tenant_cannot_append_to_another_tenants_stream()
    {
        var (store, streamOfB) = await StoreWithStreamOfBAsync();
        await using (var session = store.OpenSession(TenantA))
        {
            session.Append(streamOfB, 2, new CounterIncremented(1000));
            var save = () => session.SaveChangesAsync();
            await save.Should().ThrowAsync<ConcurrencyException>("tenant A has no stream with that id");
        }

        await using (var session = store.OpenSession(TenantA))
        {
            // Without an expected version the id names a new stream of A's own; B's is untouched.
            session.Append(streamOfB, null, new CounterIncremented(1000));
            await session.SaveChangesAsync();
        }

        await using var asB = store.OpenSession(TenantB);
        var counter = await asB.AggregateStreamAsync<Counter>(streamOfB);
        counter.Should().Be(new Aggregated<Counter>(new Counter("b's secret", 41), 2));
    }

    [Fact]
    public async Task Row_level_security_hides_every_row_from_a_query_with_no_tenant_set()
    {
        var (_, streamOfB) = await StoreWithStreamOfBAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "set local role navo_tenant");

        (await CountAsync(connection, "select count(*) from mt_events")).Should().Be(0);
        (await CountAsync(connection, "select count(*) from mt_streams")).Should().Be(0);

        await ExecuteAsync(connection, "set local navo.tenant_id = 'tenant-a'");
        (await CountAsync(connection, $"select count(*) from mt_events where stream_id = '{streamOfB}'")).Should().Be(0);

        await ExecuteAsync(connection, "set local navo.tenant_id = 'tenant-b'");
        (await CountAsync(connection, $"select count(*) from mt_events where stream_id = '{streamOfB}'")).Should().Be(2);
    }

    [Fact]
    public async Task Row_level_security_refuses_a_raw_insert_for_another_tenant()
    {
        await database.CreateStoreAsync(TestEventTypes.Register);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "set local role navo_tenant");
        await ExecuteAsync(connection, "set local navo.tenant_id = 'tenant-a'");

        var insert = () => ExecuteAsync(connection,
            $"insert into mt_streams (tenant_id, id, version) values ('tenant-b', '{Guid.NewGuid()}', 0)");
        (await insert.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be("42501");
    }

    [Fact]
    public async Task Appends_run_as_the_tenant_role_with_the_tenant_set_whether_or_not_the_session_read_first()
    {
        var store = await database.CreateStoreAsync(TestEventTypes.Register);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            // A trigger that notes who inserted each event, as PostgreSQL sees it.
            await ExecuteAsync(connection, """
                create table if not exists insert_witness (stream_id uuid, role text, tenant text);
                grant insert on insert_witness to navo_tenant;
                create or replace function witness_insert() returns trigger language plpgsql as $$
                begin
                    insert into insert_witness values (new.stream_id, current_user, current_setting('navo.tenant_id', true));
                    return new;
                end $$;
                drop trigger if exists witness on mt_events;
                create trigger witness after insert on mt_events for each row execute function witness_insert();
                """);
        }

        var (blind, afterRead) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var session = store.OpenSession(TenantA))
        {
            session.Append(blind, null, new CounterIncremented(1));
            await session.SaveChangesAsync();
        }

        await using (var session = store.OpenSession(TenantA))
        {
            (await session.FetchStreamVersionAsync(afterRead)).Should().BeNull();
            session.Append(afterRead, 0, new CounterIncremented(1));
            await session.SaveChangesAsync();
        }

        await using var check = await database.DataSource.OpenConnectionAsync();
        foreach (var stream in new[] { blind, afterRead })
        {
            await using var command = new NpgsqlCommand("select role || '/' || tenant from insert_witness where stream_id = $1", check);
            command.Parameters.Add(new NpgsqlParameter { Value = stream });
            (await command.ExecuteScalarAsync()).Should().Be("navo_tenant/tenant-a");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
