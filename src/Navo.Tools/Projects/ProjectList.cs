using Navo.EventStore;
using Navo.EventStore.Projections;

namespace Navo.Tools.Projects;

/// <summary>Keeps <c>navo_projects</c>, the per-workspace project list, in the append's transaction.</summary>
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
            else if (@event.Data is IProjectEvent)
            {
                await context.ExecuteAsync(
                    "update navo_projects set version = $3, updated_at = $4 where tenant_id = $1 and id = $2",
                    cancellationToken, @event.TenantId, @event.StreamId, @event.Version, @event.Timestamp);
            }
        }
    }
}
