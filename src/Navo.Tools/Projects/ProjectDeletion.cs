using Navo.EventStore;
using Navo.EventStore.Projections;

namespace Navo.Tools.Projects;

/// <summary>
/// What deleting a project does besides leaving the list (<see cref="ProjectList"/>), in the append's transaction:
/// its live site answers 410 Gone (the pointer stays as a tombstone until another site takes the address), its
/// domains are disconnected, and the messages its contact form collected are erased. The events stay in the project's
/// stream, which nothing reads any more; deleting the workspace erases them.
/// </summary>
public sealed class ProjectDeletion : IInlineProjection
{
    /// <inheritdoc />
    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events.Where(e => e.Data is ProjectDeleted))
        {
            await context.ExecuteAsync("update navo_live_sites set status = 'deleted' where tenant_id = $1 and project_id = $2",
                cancellationToken, @event.TenantId, @event.StreamId);
            await context.ExecuteAsync("delete from navo_site_domains where tenant_id = $1 and project_id = $2",
                cancellationToken, @event.TenantId, @event.StreamId);
            await context.ExecuteAsync("delete from navo_leads where tenant_id = $1 and project_id = $2",
                cancellationToken, @event.TenantId, @event.StreamId);
        }
    }
}
