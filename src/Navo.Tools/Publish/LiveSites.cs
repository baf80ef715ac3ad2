using System.Text.Json;
using Navo.EventStore;
using Navo.EventStore.Projections;

namespace Navo.Tools.Publish;

/// <summary>Keeps <c>navo_live_sites</c> in the append's transaction: the live pointer flips with the event, or not at all.</summary>
public sealed class LiveSites : IInlineProjection
{
    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events)
        {
            var (slug, version, pages, status) = @event.Data switch
            {
                SitePublished p => (p.Slug, p.Version, p.Pages, "live"),
                PublishRolledBack r => (r.Slug, r.ToVersion, r.Pages, "live"),
                SiteUnpublished u => (u.Slug, 0L, (IReadOnlyDictionary<string, string>?)null, "gone"),
                _ => (null, 0L, null, string.Empty),
            };
            if (slug is null)
            {
                continue;
            }

            if (status == "gone")
            {
                await context.ExecuteAsync("update navo_live_sites set status = 'gone' where tenant_id = $1 and project_id = $2",
                    cancellationToken, @event.TenantId, @event.StreamId);
                continue;
            }

            await context.ExecuteAsync(
                """
                insert into navo_live_sites (slug, tenant_id, project_id, version, pages, status, published_at)
                values ($1, $2, $3, $4, $5::jsonb, 'live', $6)
                on conflict (tenant_id, project_id) do update
                   set slug = excluded.slug, version = excluded.version, pages = excluded.pages, status = 'live', published_at = excluded.published_at
                """,
                cancellationToken, slug, @event.TenantId, @event.StreamId, version, JsonSerializer.Serialize(pages), @event.Timestamp);
        }
    }
}
