using Navo.EventStore.Tests.Support;
using Navo.Testing;

namespace Navo.EventStore.Tests;

public sealed class ConcurrencyTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly TenantContext Acme = TestEventTypes.Tenant("acme");

    [Fact]
    public async Task Two_writers_with_the_same_expected_version_one_wins_and_the_loser_leaves_no_sequence_gap()
    {
        var store = await database.CreateStoreAsync(TestEventTypes.Register);
        var id = Guid.NewGuid();
        await using (var session = store.OpenSession(Acme))
        {
            session.StartStream<Counter>(id, new CounterStarted("race"));
            await session.SaveChangesAsync();
        }

        await using var first = store.OpenSession(Acme);
        await using var second = store.OpenSession(Acme);
        // Both read version 1 before either writes, as two requests would.
        (await first.FetchStreamVersionAsync(id)).Should().Be(1);
        (await second.FetchStreamVersionAsync(id)).Should().Be(1);
        first.Append(id, 1, new CounterIncremented(1));
        second.Append(id, 1, new CounterIncremented(2));

        var results = await Task.WhenAll(Outcome(first.SaveChangesAsync()), Outcome(second.SaveChangesAsync()));

        results.Count(r => r is null).Should().Be(1, "exactly one writer wins");
        results.Single(r => r is not null).Should().BeOfType<ConcurrencyException>();
        await using var reader = store.OpenSession(Acme);
        (await reader.FetchStreamVersionAsync(id)).Should().Be(2);
        await AssertSequenceHasNoGapsAsync();
    }

    [Fact]
    public async Task Starting_a_stream_that_exists_is_a_concurrency_conflict()
    {
        var store = await database.CreateStoreAsync(TestEventTypes.Register);
        var id = Guid.NewGuid();
        await using (var session = store.OpenSession(Acme))
        {
            session.StartStream<Counter>(id, new CounterStarted("one"));
            await session.SaveChangesAsync();
        }

        await using var again = store.OpenSession(Acme);
        again.StartStream<Counter>(id, new CounterStarted("two"));
        var save = () => again.SaveChangesAsync();
        await save.Should().ThrowAsync<ConcurrencyException>();
        await AssertSequenceHasNoGapsAsync();
    }

    [Fact]
    public async Task Eight_writers_appending_250_events_each_to_one_stream_give_versions_1_to_2000_exactly_once()
    {
        var store = await database.CreateStoreAsync(TestEventTypes.Register);
        var id = Guid.NewGuid();
        const int writers = 8, appendsEach = 250;

        async Task WriteAsync(int writer)
        {
            for (var n = 0; n < appendsEach; n++)
            {
                while (true)
                {
                    await using var session = store.OpenSession(Acme);
                    var version = await session.FetchStreamVersionAsync(id) ?? 0;
                    session.Append(id, version, new CounterIncremented((writer * 1000) + n));
                    try
                    {
                        await session.SaveChangesAsync();
                        break;
                    }
                    catch (ConcurrencyException)
                    {
                        // Somebody else appended first: read again and retry.
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() => WriteAsync(w))));

        await using var reader = store.OpenSession(Acme);
        var events = await reader.FetchStreamAsync(id);
        events.Select(e => e.Version).Should().Equal(Enumerable.Range(1, writers * appendsEach).Select(v => (long)v));
        var payloads = events.Select(e => ((CounterIncremented)e.Data).By).ToList();
        payloads.Should().OnlyHaveUniqueItems().And.HaveCount(writers * appendsEach);
        payloads.Should().BeEquivalentTo(
            from w in Enumerable.Range(0, writers) from n in Enumerable.Range(0, appendsEach) select (w * 1000) + n);
        await AssertSequenceHasNoGapsAsync();
    }

    private static async Task<Exception?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    /// <summary>Every sequence value handed out belongs to a committed event: no loser burnt one.</summary>
    private async Task AssertSequenceHasNoGapsAsync()
    {
        await using var command = database.DataSource.CreateCommand(
            "select count(*), coalesce(max(seq_id), 0), pg_sequence_last_value('mt_events_sequence') from mt_events");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (count, max, last) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        max.Should().Be(count, "seq_id runs 1..n without holes");
        last.Should().Be(max, "no sequence value was drawn and thrown away");
    }
}
