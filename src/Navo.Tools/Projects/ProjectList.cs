using Navo.EventStore;
using Navo.EventStore.Projections;
using Navo.Tools.Edit;

namespace Navo.Tools.Projects;

/// <summary>
/// Keeps <c>navo_projects</c>, the per-workspace project list, in the append's transaction: its name follows renames
/// and redrafts, and a deleted project leaves it.
/// </summary>
public sealed class ProjectList : IInlineProjection
{
    /// <summary>The project stream type in <c>mt_streams.type</c>.</summary>
    public const string StreamType = "project";

    /// <inheritdoc />
    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events)
        {
            if (@event.Data is ProjectCreated created)
            {
                await context.ExecuteAsync(
                    """
                    insert into navo_projects (tenant_id, id, name, version, created_at, updated_at)
                    values ($1, $2, $3, $4, $5, $5)
                    """,
                    cancellationToken, @event.TenantId, @event.StreamId, created.Name, @event.Version, @event.Timestamp);
            }
            else if (@event.Data is ProjectDeleted)
            {
                await context.ExecuteAsync("delete from navo_projects where tenant_id = $1 and id = $2", cancellationToken, @event.TenantId, @event.StreamId);
            }
            else if (NameOf(@event.Data) is { } name)
            {
                await context.ExecuteAsync(
                    "update navo_projects set name = $3, version = $4, updated_at = $5 where tenant_id = $1 and id = $2",
                    cancellationToken, @event.TenantId, @event.StreamId, name, @event.Version, @event.Timestamp);
            }
            else if (@event.Data is IProjectEvent)
            {
                await context.ExecuteAsync(
                    "update navo_projects set version = $3, updated_at = $4 where tenant_id = $1 and id = $2",
                    cancellationToken, @event.TenantId, @event.StreamId, @event.Version, @event.Timestamp);
            }
        }
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
