using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Navo.EventStore;

namespace Navo.Tools.Projects;

/// <summary>
/// What deleting a project does besides leaving the list (<see cref="ProjectList"/>), in the append's transaction:
/// its live site answers 410 Gone (the pointer stays as a tombstone until another site takes the address), its
/// domains are disconnected, and the messages its contact form collected are erased. The events stay in the project's
/// stream, which nothing reads any more; deleting the workspace erases them.
/// </summary>
public sealed class ProjectDeletion : IProjection
{
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
        }

        return Task.CompletedTask;
    }
}
