using Navo.EventStore;
using Navo.Host.Database;
using Navo.Tools.Projects;
using Navo.Tools.Rendering;
using Navo.Tools.Sites;
using Navo.Tools.Versions;

namespace Navo.Host.Mcp;

/// <summary>A live site as a visitor's assistant reads it: the version that is live, without its sample content.</summary>
public sealed record PublishedSite(string TenantId, Guid ProjectId, string Slug, Site Site)
{
    /// <summary>Sections of <paramref name="types"/> on every page, in page order.</summary>
    public IEnumerable<Section> Sections(params string[] types) =>
        Site.Pages.SelectMany(p => p.Sections).Where(s => types.Contains(s.Type, StringComparer.Ordinal));

    /// <summary>The first non-empty <paramref name="field"/> of a section of <paramref name="type"/>.</summary>
    public string? First(string type, string field) =>
        Sections(type).Select(s => s.Field(field)).FirstOrDefault(v => v.Length > 0);
}

/// <summary>
/// Reads what a live address publishes: the live version's site document (not the newest draft), with every sample
/// section and item left out exactly as the live pages leave them out. Read by slug on the host's own connection
/// (the visitor has no workspace), then under the site's workspace for its events.
/// </summary>
public sealed class PublishedFacts(NavoDatabase database, ProjectService projects)
{
    public async Task<PublishedSite?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.Command(
            "select tenant_id, project_id, version from navo_live_sites where slug = $1 and status = 'live'", slug);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var (tenantId, projectId, version) = (reader.GetString(0), reader.GetGuid(1), reader.GetInt64(2));
        var found = await projects.SiteAtAsync(new TenantContext(tenantId, Guid.Empty, []), projectId, version, cancellationToken);
        return found is { Site: var site }
            ? new PublishedSite(tenantId, projectId, slug, site with
            {
                Pages = [.. site.Pages.Select(p => p with { Sections = [.. p.Sections.Select(SiteRenderer.WithoutSample).OfType<Section>()] })],
            })
            : null;
    }

    /// <summary>A page's visible text, a line per heading, paragraph or item.</summary>
    public static string PageText(Site site, Page page) => SiteText.Of(site with { Pages = [page] });
}
