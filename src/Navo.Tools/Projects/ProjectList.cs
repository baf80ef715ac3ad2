using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Navo.EventStore;
using Navo.Tools.Edit;

namespace Navo.Tools.Projects;

/// <summary>
/// Keeps <c>navo_projects</c>, the per-workspace project list, in the append's transaction: its name follows renames
/// and redrafts, and a deleted project leaves it.
/// </summary>
public sealed class ProjectList : IProjection
{
    /// <inheritdoc />
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events)
        {
            if (@event.Data is ProjectCreated created)
            {
                operations.Execute(
                    """
                    insert into navo_projects (tenant_id, id, name, version, created_at, updated_at)
                    values ($1, $2, $3, $4, $5, $5)
                    """,
                    @event.TenantId, @event.StreamId, created.Name, @event.Version, @event.Timestamp);
            }
            else if (@event.Data is ProjectDeleted)
            {
                operations.Execute("delete from navo_projects where tenant_id = $1 and id = $2", @event.TenantId, @event.StreamId);
            }
            else if (NameOf(@event.Data) is { } name)
            {
                operations.Execute(
                    "update navo_projects set name = $3, version = $4, updated_at = $5 where tenant_id = $1 and id = $2",
                    @event.TenantId, @event.StreamId, name, @event.Version, @event.Timestamp);
            }
            else if (@event.Data is IProjectEvent)
            {
                operations.Execute(
                    "update navo_projects set version = $3, updated_at = $4 where tenant_id = $1 and id = $2",
                    @event.TenantId, @event.StreamId, @event.Version, @event.Timestamp);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The project's name after the events that can change it (an undo may bring an earlier name back).</summary>
    private static string? NameOf(object data) => data switch
    {
        SiteRenamed renamed => renamed.Name,
        SiteRedrafted redrafted => redrafted.Site.Name,
        SiteReverted reverted => reverted.Site.Name,
        _ => null,
    };
}
