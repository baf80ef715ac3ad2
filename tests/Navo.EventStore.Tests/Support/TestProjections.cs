using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Navo.EventStore.Schema;

namespace Navo.EventStore.Tests.Support;

/// <summary>Keeps a read table of counters in the append's transaction; throws on <see cref="DoomedToRollBack"/>.</summary>
public sealed class CounterTotals : IProjection
{
    public static readonly SchemaMigration Table = new("tests/0001_counter_totals", """
        create table if not exists counter_totals (
            tenant_id varchar(64) not null, id uuid not null, total int not null, primary key (tenant_id, id));
        alter table counter_totals enable row level security;
        drop policy if exists tenant_isolation on counter_totals;
        create policy tenant_isolation on counter_totals using (tenant_id = current_setting('navo.tenant_id', true));
        grant select, insert, update on counter_totals to navo_tenant;
        """);

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events)
        {
            switch (@event.Data)
            {
                case DoomedToRollBack doomed:
                    throw new InvalidOperationException($"Writer {doomed.Writer}'s projection fails.");
                case CounterIncremented incremented:
                    operations.Execute(
                        """
                        insert into counter_totals (tenant_id, id, total) values ($1, $2, $3)
                        on conflict (tenant_id, id) do update set total = counter_totals.total + excluded.total
                        """,
                        @event.TenantId, @event.StreamId, incremented.By);
                    break;
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>Records the order in which the daemon hands it events, with each event's tenant.</summary>
public sealed class SeenEvents(string name) : IProjection
{
    public static readonly SchemaMigration Table = new("tests/0002_seen_events", """
        create table if not exists seen_events (
            projection text not null, seq_id bigint not null, tenant_id text not null, applied_order bigserial,
            primary key (projection, seq_id));
        """);

    public string Name { get; } = name;

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events)
        {
            // The primary key makes a second delivery of the same event fail the batch: exactly once or bust.
            operations.Execute("insert into seen_events (projection, seq_id, tenant_id) values ($1, $2, $3)", Name, @event.Sequence, @event.TenantId);
        }

        return Task.CompletedTask;
    }
}
