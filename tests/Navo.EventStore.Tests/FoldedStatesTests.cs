using Navo.EventStore.Tests.Support;
using Navo.Testing;
using Npgsql;

namespace Navo.EventStore.Tests;

/// <summary>
/// States kept in memory (<see cref="StoreFoldedStates.KeepFolded{T}"/>) read as the whole stream's fold does: after
/// another host appends, after the stream is deleted, and for another workspace.
/// </summary>
public sealed class FoldedStatesTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly TenantContext Acme = TestEventTypes.Tenant("acme");

    [Fact]
    public async Task A_kept_state_folds_on_what_another_host_appended_since()
    {
        var (reading, writing) = (await KeepingStoreAsync(), await KeepingStoreAsync());
        var counter = Guid.NewGuid();
        await AppendAsync(writing, counter, null, new CounterStarted("visits"), new CounterIncremented(2));
        (await ReadAsync(reading, counter)).Should().Be(new Aggregated<Counter>(new Counter("visits", 2), 2));

        await AppendAsync(writing, counter, 2, new CounterIncremented(3), new CounterIncremented(4));
        await AppendAsync(reading, counter, 4, new CounterIncremented(1));

        var kept = await ReadAsync(reading, counter);
        kept.Should().Be(new Aggregated<Counter>(new Counter("visits", 10), 5));
        await using var session = reading.OpenSession(Acme);
        kept.Should().Be(await session.AggregateStreamAsync<Counter>(counter, version: long.MaxValue), "the whole stream folds to the same state");
    }

    [Fact]
    public async Task A_stream_deleted_or_written_again_is_folded_from_the_store_not_from_memory()
    {
        var store = await KeepingStoreAsync();
        var counter = Guid.NewGuid();
        await AppendAsync(store, counter, null, new CounterStarted("visits"), new CounterIncremented(2));
        (await ReadAsync(store, counter))!.State.Value.Should().Be(2);

        await DeleteAsync(counter);
        (await ReadAsync(store, counter)).Should().BeNull("the stream is gone");

        await AppendAsync(store, counter, null, new CounterStarted("again"), new CounterIncremented(7));
        (await ReadAsync(store, counter)).Should().Be(new Aggregated<Counter>(new Counter("again", 7), 2), "the same versions now hold other events");
    }

    [Fact]
    public async Task Another_workspace_reading_the_same_stream_id_gets_nothing()
    {
        var store = await KeepingStoreAsync();
        var counter = Guid.NewGuid();
        await AppendAsync(store, counter, null, new CounterStarted("visits"), new CounterIncremented(2));
        (await ReadAsync(store, counter)).Should().Be(new Aggregated<Counter>(new Counter("visits", 2), 2), "the first read keeps the state in memory");

        await using var other = store.OpenSession(TestEventTypes.Tenant("globex"));
        (await other.AggregateStreamAsync<Counter>(counter)).Should().BeNull();
    }

    [Fact]
    public async Task No_more_streams_are_kept_than_asked_for()
    {
        var store = await KeepingStoreAsync(streams: 20);
        var counters = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToList();
        foreach (var counter in counters)
        {
            await AppendAsync(store, counter, null, new CounterStarted("c"), new CounterIncremented(1));
            (await ReadAsync(store, counter))!.State.Value.Should().Be(1);
        }

        store.Folded[typeof(Counter)].Count.Should().BeLessThanOrEqualTo(20);
        foreach (var counter in counters)
        {
            (await ReadAsync(store, counter))!.State.Value.Should().Be(1, "a state no longer kept is folded again");
        }
    }

    private Task<PostgresEventStore> KeepingStoreAsync(int streams = 100) => database.CreateStoreAsync(options =>
    {
        TestEventTypes.Register(options);
        options.KeepFolded<Counter>(streams);
    });

    private static async Task AppendAsync(PostgresEventStore store, Guid stream, long? expected, params object[] events)
    {
        await using var session = store.OpenSession(Acme);
        if (expected is null)
        {
            session.StartStream<Counter>(stream, events);
        }
        else
        {
            session.Append(stream, expected, events);
        }

        await session.SaveChangesAsync();
    }

    private static async Task<Aggregated<Counter>?> ReadAsync(PostgresEventStore store, Guid stream)
    {
        await using var session = store.OpenSession(Acme);
        return await session.AggregateStreamAsync<Counter>(stream);
    }

    private async Task DeleteAsync(Guid stream)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        foreach (var table in new[] { "mt_events", "mt_streams" })
        {
            await using var command = new NpgsqlCommand($"delete from {table} where {(table == "mt_events" ? "stream_id" : "id")} = $1", connection);
            command.Parameters.AddWithValue(stream);
            await command.ExecuteNonQueryAsync();
        }
    }
}
