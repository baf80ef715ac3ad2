using Navo.EventStore.Tests.Support;
using Navo.Testing;

namespace Navo.EventStore.Tests;

public sealed class SnapshotTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly TenantContext Acme = TestEventTypes.Tenant("acme");

    [Fact]
    public async Task A_snapshot_is_kept_for_the_streams_of_its_events_only_and_reads_as_the_fold_does()
    {
        var store = await database.CreateStoreAsync(options =>
        {
            TestEventTypes.Register(options);
            options.Snapshot<Counter, ICounterEvent>("counter_snapshot");
        });
        var (counter, notes) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var session = store.OpenSession(Acme))
        {
            session.StartStream<Counter>(counter, new CounterStarted("visits"), new CounterIncremented(2));
            session.Append(notes, null, new NoteTaken("not a counter"));
            await session.SaveChangesAsync();
        }

        await using (var session = store.OpenSession(Acme))
        {
            session.Append(counter, 2, new CounterIncremented(3));
            await session.SaveChangesAsync();
        }

        await using var reader = store.OpenSession(Acme);
        var snapshot = await reader.AggregateStreamAsync<Counter>(counter);
        snapshot.Should().Be(await reader.AggregateStreamAsync<Counter>(counter, version: long.MaxValue)).And.Be(new Aggregated<Counter>(new Counter("visits", 5), 3));
        (await reader.QueryAsync("select id from mt_doc_counter_snapshot", r => r.GetGuid(0), CancellationToken.None))
            .Should().Equal([counter], "a stream of other events gets no counter snapshot");
    }

    [Fact]
    public async Task A_stream_written_before_its_snapshot_existed_is_folded_not_read_from_a_snapshot_of_its_later_events()
    {
        var store = await database.CreateStoreAsync(options =>
        {
            TestEventTypes.Register(options);
            options.Snapshot<Counter, ICounterEvent>("late_counter_snapshot");
        });
        var counter = Guid.NewGuid();
        await using (var session = store.OpenSession(Acme))
        {
            session.StartStream<Counter>(counter, new CounterStarted("visits"), new CounterIncremented(2));
            await session.SaveChangesAsync();
        }

        // As if the stream was written by a version without the snapshot.
        await using (var delete = database.DataSource.CreateCommand($"delete from mt_doc_late_counter_snapshot where id = '{counter}'"))
        {
            (await delete.ExecuteNonQueryAsync()).Should().Be(1);
        }

        await using (var session = store.OpenSession(Acme))
        {
            session.Append(counter, 2, new CounterIncremented(3));
            await session.SaveChangesAsync();
        }

        await using var reader = store.OpenSession(Acme);
        (await reader.AggregateStreamAsync<Counter>(counter)).Should().Be(new Aggregated<Counter>(new Counter("visits", 5), 3));
        (await reader.QueryAsync(
                "select (data->>'partial')::boolean, (data->'state'->>'value')::int from mt_doc_late_counter_snapshot where id = $1",
                r => (Partial: r.GetBoolean(0), Value: r.GetInt32(1)), CancellationToken.None, counter))
            .Should().Equal([(true, 3)], "the snapshot begun at the third event holds that event only, and says so");
    }
}
