using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using System.Text.Json;
using Navo.EventStore;

namespace Navo.Tools.Experiments;

/// <summary>
/// Keeps <c>navo_experiments</c> in the append's transaction: when each experiment ran (the window its figures are read
/// over) and, while it runs, the variant's pages the live site serves to half its visitors.
/// </summary>
public sealed class ExperimentList : IProjection
{
    /// <inheritdoc />
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events)
        {
            switch (@event.Data)
            {
                case ExperimentStarted started:
                    operations.Execute(
                        """
                        insert into navo_experiments (tenant_id, project_id, id, section_id, field, status, live_version, variant_pages, started_at)
                        values ($1, $2, $3, $4, $5, 'running', $6, $7::jsonb, $8)
                        """,
                        @event.TenantId, @event.StreamId, started.ExperimentId, started.SectionId, started.Field, started.LiveVersion,
                        JsonSerializer.Serialize(started.VariantPages), @event.Timestamp);
                    break;
                case ExperimentMoved moved:
                    operations.Execute(
                        "update navo_experiments set live_version = $3, variant_pages = $4::jsonb where tenant_id = $1 and id = $2 and status = 'running'",
                        @event.TenantId, moved.ExperimentId, moved.LiveVersion, JsonSerializer.Serialize(moved.VariantPages));
                    break;
                case ExperimentConcluded concluded:
                    operations.Execute(
                        "update navo_experiments set status = $3, ended_at = $4, variant_pages = null where tenant_id = $1 and id = $2",
                        @event.TenantId, concluded.ExperimentId, concluded.Outcome, @event.Timestamp);
                    break;
            }
        }

        return Task.CompletedTask;
    }
}
