using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Navo.EventStore;

namespace Navo.Tools.Projects;

/// <summary>
/// What deleting a project does besides leaving the list (<see cref="ProjectList"/>), in the append's transaction:
/// its live site answers 410 Gone (the pointer stays as a tombstone until another site takes the address), its
/// domains are disconnected, and the messages its contact form collected, its counted visits and their daily roll-ups
/// are erased. (Visits of the last few seconds, still in a host's memory or let in by its five-second cache of the
/// live site, may be written after this; the roll-up passes over deleted projects, and their day's events are dropped
/// with the day.) The events stay in the project's
/// stream, which nothing reads any more; deleting the workspace erases them.
/// </summary>
public sealed class ProjectDeletion : IProjection
{
    private static readonly string[] VisitTables = ["navo_analytics_events", "navo_analytics_robots", "navo_analytics_days", "navo_analytics_day_counts"];

    /// <inheritdoc />
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events.Where(e => e.Data is ProjectDeleted))
        {
            operations.Execute("update navo_live_sites set status = 'deleted' where tenant_id = $1 and project_id = $2",
                @event.TenantId, @event.StreamId);
            operations.Execute("delete from navo_site_domains where tenant_id = $1 and project_id = $2",
                @event.TenantId, @event.StreamId);
            operations.Execute("delete from navo_leads where tenant_id = $1 and project_id = $2",
                @event.TenantId, @event.StreamId);
            foreach (var table in VisitTables)
            {
                operations.Execute($"delete from {table} where tenant_id = $1 and project_id = $2", @event.TenantId, @event.StreamId);
            }
        }

        return Task.CompletedTask;
    }
}
