using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Navo.EventStore;

namespace Navo.Tools.Publish;

/// <summary>
/// Keeps what answers where — <c>navo_live_sites</c> and <c>navo_site_domains</c> — in the append's transaction: the live
/// pointer flips with the event, or not at all.
/// </summary>
public sealed class LiveSites : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events)
        {
            // A unique violation in these statements (another workspace took the address or verified the domain
            // meanwhile) rolls the whole change back.
            switch (@event.Data)
            {
                case SiteAddressChanged moved:
                    operations.Execute("call navo_free_slug($1)", moved.To);
                    operations.Execute("update navo_live_sites set slug = $3 where tenant_id = $1 and project_id = $2",
                        @event.TenantId, @event.StreamId, moved.To);
                    continue;
                case DomainAdded added:
                    operations.Execute(
                        "insert into navo_site_domains (host, tenant_id, project_id, token, added_at) values ($1, $2, $3, $4, $5)",
                        added.Host, @event.TenantId, @event.StreamId, added.Token, @event.Timestamp);
                    continue;
                case DomainVerified verified:
                    operations.Execute(
                        "update navo_site_domains set verified_at = $4 where tenant_id = $1 and project_id = $2 and host = $3",
                        @event.TenantId, @event.StreamId, verified.Host, @event.Timestamp);
                    continue;
                case DomainRemoved removed:
                    operations.Execute("delete from navo_site_domains where tenant_id = $1 and project_id = $2 and host = $3",
                        @event.TenantId, @event.StreamId, removed.Host);
                    continue;
            }

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
                operations.Execute("update navo_live_sites set status = 'gone' where tenant_id = $1 and project_id = $2",
                    @event.TenantId, @event.StreamId);
                continue;
            }

            // A deleted project's tombstone may hold the address: taking it frees it.
            operations.Execute("call navo_free_slug($1)", slug);
            operations.Execute(
                """
                insert into navo_live_sites (slug, tenant_id, project_id, version, pages, status, published_at)
                values ($1, $2, $3, $4, $5::jsonb, 'live', $6)
                on conflict (tenant_id, project_id) do update
                   set slug = excluded.slug, version = excluded.version, pages = excluded.pages, status = 'live', published_at = excluded.published_at
                """,
                slug, @event.TenantId, @event.StreamId, version, JsonSerializer.Serialize(pages), @event.Timestamp);
        }

        return Task.CompletedTask;
    }
}
