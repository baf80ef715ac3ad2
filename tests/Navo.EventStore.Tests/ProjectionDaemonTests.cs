using Navo.EventStore.Tests.Support;
using Navo.Testing;

namespace Navo.EventStore.Tests;

public sealed class ProjectionDaemonTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private Task<PostgresEventStore> StoreAsync(params SeenEvents[] projections) => database.CreateStoreAsync(options =>
    {
        TestEventTypes.Register(options);
        options.Migrations.Add(CounterTotals.Table);
        options.Migrations.Add(SeenEvents.Table);
        options.InlineProjections.Add(new CounterTotals());
        foreach (var projection in projections)
        {
            options.AsyncProjections.Add(projection);
        }

        options.DaemonPollInterval = TimeSpan.FromMilliseconds(20);
        options.DaemonBatchSize = 50;
    });

    [Fact]
    public async Task The_daemon_sees_every_committed_event_once_in_order_despite_rollbacks_and_a_slow_commit()
    {
        var store = await StoreAsync(new SeenEvents("in_order"));
        store.Daemon.Start();
        try
        {
            var slowWriterCommitted = false;
            async Task WriteAsync(int writer)
            {
                var tenant = TestEventTypes.Tenant($"tenant-{writer % 2}");
                for (var n = 0; n < 60; n++)
                {
                    await using var session = store.OpenSession(tenant);
                    if (writer == 0 && n == 5)
                    {
                        // Takes its sequence number now and holds the transaction open for three seconds,
                        // while the other writers commit many events after it.
                        session.Append(Guid.NewGuid(), null, new SlowlyCommitted(writer));
                        await session.SaveChangesAsync();
                        slowWriterCommitted = true;
                        continue;
                    }

                    if (n % 7 == 3)
                    {
                        session.Append(Guid.NewGuid(), null, new CounterIncremented(n), new DoomedToRollBack(writer));
                        await FluentActions.Awaiting(() => session.SaveChangesAsync()).Should().ThrowAsync<InvalidOperationException>();
                        continue;
                    }

                    session.Append(Guid.NewGuid(), null, new CounterIncremented(n), new CounterIncremented(n + 1));
                    await session.SaveChangesAsync();
                }
            }

            await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() => WriteAsync(w))));
            slowWriterCommitted.Should().BeTrue();
            await store.Daemon.WaitForCatchUpAsync(TimeSpan.FromSeconds(30));

            var committed = await SeqIdsAsync("select seq_id from mt_events order by seq_id");
            var seen = await SeqIdsAsync("select seq_id from seen_events where projection = 'in_order' order by applied_order");
            seen.Should().Equal(committed, "every committed event, once, in seq_id order");
            committed.Should().HaveCountGreaterThan(300);
            (await SeqIdsAsync("select pg_sequence_last_value('mt_events_sequence')")).Single()
                .Should().BeGreaterThan(committed[^1] - 1, "rolled-back appends left holes the daemon had to pass");
            committed.Count.Should().BeLessThan((int)committed[^1], "some sequence numbers belong to rolled-back appends");
        }
        finally
        {
            await store.Daemon.StopAsync();
        }
    }

    [Fact]
    public async Task Only_one_daemon_leads_a_projection_and_another_takes_over_when_it_stops()
    {
        var first = await StoreAsync(new SeenEvents("shared"));
        var second = await StoreAsync(new SeenEvents("shared"));
        var tenant = TestEventTypes.Tenant("leaders");
        first.Daemon.Start();
        second.Daemon.Start();
        try
        {
            await AppendManyAsync(first, tenant, 40);
            await first.Daemon.WaitForCatchUpAsync(TimeSpan.FromSeconds(30));
            await first.Daemon.StopAsync();

            await AppendManyAsync(first, tenant, 40);
            await second.Daemon.WaitForCatchUpAsync(TimeSpan.FromSeconds(30));

            var committed = await SeqIdsAsync("select seq_id from mt_events order by seq_id");
            var seen = await SeqIdsAsync("select seq_id from seen_events where projection = 'shared' order by applied_order");
            seen.Should().Equal(committed, "two daemons never both applied a batch, and none was lost in the hand-over");
        }
        finally
        {
            await first.Daemon.StopAsync();
            await second.Daemon.StopAsync();
        }
    }

    private static async Task AppendManyAsync(PostgresEventStore store, TenantContext tenant, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var session = store.OpenSession(tenant);
            session.Append(Guid.NewGuid(), null, new CounterIncremented(i));
            await session.SaveChangesAsync();
        }
    }

    private async Task<List<long>> SeqIdsAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<long>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }
}
