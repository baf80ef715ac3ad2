using Marten.Services;
using Navo.EventStore.Tests.Support;
using Navo.Testing;

namespace Navo.EventStore.Tests;

/// <summary>Marten's async daemon under Navo's store: every committed event once, in order, one leader per projection.</summary>
public sealed class ProjectionDaemonTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(60);

    private Task<PostgresEventStore> StoreAsync(string projection) => database.CreateStoreAsync(options =>
    {
        TestEventTypes.Register(options);
        options.Migrations.Add(CounterTotals.Table);
        options.Migrations.Add(SeenEvents.Table);
        options.InlineProjections.Add(new CounterTotals());
        options.AsyncProjections[projection] = new SeenEvents(projection);
        options.DaemonPollInterval = TimeSpan.FromMilliseconds(50);
    });

    [Fact]
    public async Task The_daemon_sees_every_committed_event_once_in_order_despite_rollbacks_and_a_slow_commit()
    {
        var store = await StoreAsync("in_order");
        await store.StartDaemonAsync();
        try
        {
            var slowWriterCommitted = false;
            async Task WriteAsync(int writer)
            {
                var tenant = TestEventTypes.Tenant($"tenant-{writer % 2}");
                for (var n = 0; n < 60; n++)
                {
                    if (writer == 0 && n == 5)
                    {
                        // Draws its sequence numbers now and holds the transaction open for three seconds, while the
                        // other writers commit many events after it.
                        await AppendInOpenTransactionAsync(store, tenant, TimeSpan.FromSeconds(3), commit: true);
                        slowWriterCommitted = true;
                        continue;
                    }

                    if (n % 7 == 3)
                    {
                        // Draws sequence numbers, then rolls back: a hole the daemon must pass.
                        await AppendInOpenTransactionAsync(store, tenant, TimeSpan.Zero, commit: false);
                        continue;
                    }

                    await using var session = store.OpenSession(tenant);
                    session.Append(Guid.NewGuid(), null, new CounterIncremented(n), new CounterIncremented(n + 1));
                    await session.SaveChangesAsync();
                }
            }

            await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() => WriteAsync(w))));
            slowWriterCommitted.Should().BeTrue();
            await store.WaitForProjectionsAsync(CatchUp);

            var committed = await SeqIdsAsync("select seq_id from mt_events order by seq_id");
            await AssertSeenOnceInOrderAsync("in_order", committed);
            committed.Should().HaveCountGreaterThan(300);
            committed.Count.Should().BeLessThan((int)committed[^1], "some sequence numbers belong to rolled-back appends");
        }
        finally
        {
            await store.StopDaemonAsync();
        }
    }

    [Fact]
    public async Task Only_one_daemon_leads_a_projection_and_another_takes_over_when_it_stops()
    {
        var first = await StoreAsync("shared");
        var second = await StoreAsync("shared");
        var tenant = TestEventTypes.Tenant("leaders");
        await first.StartDaemonAsync();
        await second.StartDaemonAsync();
        try
        {
            await AppendManyAsync(first, tenant, 40);
            await first.WaitForProjectionsAsync(CatchUp);
            await first.StopDaemonAsync();

            await AppendManyAsync(first, tenant, 40);
            await second.WaitForProjectionsAsync(CatchUp);

            var committed = await SeqIdsAsync("select seq_id from mt_events order by seq_id");
            // Two daemons never both applied a batch (the primary key would have failed it), and none was lost in the hand-over.
            await AssertSeenOnceInOrderAsync("shared", committed);
        }
        finally
        {
            await first.StopDaemonAsync();
            await second.StopDaemonAsync();
        }
    }

    /// <summary>
    /// Every committed event reached the projection once, and each tenant's in <c>seq_id</c> order. (Marten applies a
    /// batch tenant by tenant under conjoined tenancy, so two tenants' events may interleave differently.)
    /// </summary>
    private async Task AssertSeenOnceInOrderAsync(string projection, List<long> committed)
    {
        var seen = await SeqIdsAsync($"select seq_id from seen_events where projection = '{projection}' order by seq_id");
        seen.Should().Equal(committed, "every committed event, exactly once");
        foreach (var tenant in await TenantsAsync())
        {
            (await SeqIdsAsync($"select seq_id from seen_events where projection = '{projection}' and tenant_id = '{tenant}' order by applied_order"))
                .Should().BeInAscendingOrder($"{tenant}'s events are applied in the order they were committed");
        }
    }

    private async Task<List<string>> TenantsAsync()
    {
        await using var command = database.DataSource.CreateCommand("select distinct tenant_id from seen_events");
        await using var reader = await command.ExecuteReaderAsync();
        var tenants = new List<string>();
        while (await reader.ReadAsync())
        {
            tenants.Add(reader.GetString(0));
        }

        return tenants;
    }

    /// <summary>Appends through Marten on a transaction the test controls: held open, then committed or rolled back.</summary>
    private async Task AppendInOpenTransactionAsync(PostgresEventStore store, TenantContext tenant, TimeSpan hold, bool commit)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var options = SessionOptions.ForTransaction(transaction, shouldAutoCommit: false);
        options.TenantId = tenant.TenantId;
        await using var session = store.Marten.LightweightSession(options);
        session.Events.Append(Guid.NewGuid(), new CounterIncremented(1), new CounterIncremented(2));
        await session.SaveChangesAsync();
        await Task.Delay(hold);
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
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
