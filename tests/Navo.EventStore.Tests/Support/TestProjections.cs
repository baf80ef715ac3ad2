using Navo.EventStore.Projections;
using Navo.EventStore.Schema;

namespace Navo.EventStore.Tests.Support;

/// <summary>Keeps a read table of counters in the append's transaction; throws on <see cref="DoomedToRollBack"/>.</summary>
public sealed class CounterTotals : IInlineProjection
{
    public static readonly SchemaMigration Table = new("tests/0001_counter_totals", """
        create table if not exists counter_totals (
            tenant_id varchar(64) not null, id uuid not null, total int not null, primary key (tenant_id, id));
        alter table counter_totals enable row level security;
        drop policy if exists tenant_isolation on counter_totals;
        create policy tenant_isolation on counter_totals using (tenant_id = current_setting('navo.tenant_id', true));
        grant select, insert, update on counter_totals to navo_tenant;
        """);

    public TimeSpan SlowCommitDelay { get; init; } = TimeSpan.FromSeconds(3);

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events)
        {
            switch (@event.Data)
            {
                case DoomedToRollBack doomed:
                    throw new InvalidOperationException($"Writer {doomed.Writer}'s projection fails.");
                case SlowlyCommitted:
                    await Task.Delay(SlowCommitDelay, cancellationToken);
                    break;
                case CounterIncremented incremented:
                    await context.ExecuteAsync(
                        """
                        insert into counter_totals (tenant_id, id, total) values ($1, $2, $3)
                        on conflict (tenant_id, id) do update set total = counter_totals.total + excluded.total
                        """,
                        cancellationToken, context.TenantId, @event.StreamId, incremented.By);
                    break;
            }
        }
    }
}

/// <summary>Records the order in which the daemon hands it events.</summary>
public sealed class SeenEvents(string name = "seen_events") : IAsyncProjection
{
    public static readonly SchemaMigration Table = new("tests/0002_seen_events", """
        create table if not exists seen_events (
            projection text not null, seq_id bigint not null, applied_order bigserial, primary key (projection, seq_id));
        """);

    public string Name { get; } = name;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events)
        {
            // The primary key makes a second delivery of the same event fail the batch: exactly once or bust.
            await context.ExecuteAsync("insert into seen_events (projection, seq_id) values ($1, $2)", cancellationToken, Name, @event.Sequence);
        }
    }
}
