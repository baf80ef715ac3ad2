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
}
