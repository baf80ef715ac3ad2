using Navo.EventStore.Tests.Support;
using Navo.Testing;

namespace Navo.EventStore.Tests;

public sealed class InlineProjectionTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly TenantContext Acme = TestEventTypes.Tenant("acme");

    private Task<PostgresEventStore> StoreAsync() => database.CreateStoreAsync(options =>
    {
        TestEventTypes.Register(options);
        options.Migrations.Add(CounterTotals.Table);
        options.InlineProjections.Add(new CounterTotals());
    });

    [Fact]
    public async Task An_inline_projection_writes_in_the_same_transaction_as_the_append()
    {
        var store = await StoreAsync();
        var id = Guid.NewGuid();
        await using (var session = store.OpenSession(Acme))
        {
            session.StartStream<Counter>(id, new CounterIncremented(2), new CounterIncremented(5));
            await session.SaveChangesAsync();
        }

        (await TotalAsync(id)).Should().Be(7);
    }

    [Fact]
    public async Task An_inline_projection_that_throws_rolls_the_append_back()
    {
        var store = await StoreAsync();
        var id = Guid.NewGuid();
        await using (var session = store.OpenSession(Acme))
        {
            session.StartStream<Counter>(id, new CounterIncremented(2), new DoomedToRollBack(1));
            var save = () => session.SaveChangesAsync();
            await save.Should().ThrowAsync<InvalidOperationException>();
        }

        await using var reader = store.OpenSession(Acme);
        (await reader.FetchStreamVersionAsync(id)).Should().BeNull("the append rolled back with its projection");
        (await TotalAsync(id)).Should().BeNull("the projection's own row rolled back too");
    }

    private async Task<int?> TotalAsync(Guid id)
    {
        await using var command = database.DataSource.CreateCommand("select total from counter_totals where id = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        return (int?)await command.ExecuteScalarAsync();
    }
}
