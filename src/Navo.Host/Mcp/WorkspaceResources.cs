using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Navo.Tools.Projects;
using Navo.Tools.Rendering;

namespace Navo.Host.Mcp;

/// <summary>
/// Each project of the caller's workspace as two resources: <c>navo://projects/{id}/site</c>, the site document as the
/// REST API returns it (JSON, design.md section 4), and <c>navo://projects/{id}/preview</c>, the home page as the
/// studio's preview renders it (sample content marked); <c>navo://projects/{id}/preview/{path}</c> for another page.
/// Another workspace's project answers as one that does not exist.
/// </summary>
public sealed class WorkspaceResources(ProjectService projects)
{
    private const string Scheme = "navo://projects/";

    public void Configure(McpServerOptions options)
    {
        options.Handlers.ListResourcesHandler = ListAsync;
        options.Handlers.ListResourceTemplatesHandler = (_, _) => ValueTask.FromResult(new ListResourceTemplatesResult
        {
            ResourceTemplates =
            [
                new() { Name = "site", UriTemplate = Scheme + "{projectId}/site", MimeType = "application/json", Description = "A project's site document, newest version." },
                new() { Name = "preview", UriTemplate = Scheme + "{projectId}/preview/{path}", MimeType = "text/html", Description = "A page of a project's preview, by its path (\"about\")." },
            ],
        });
        options.Handlers.ReadResourceHandler = ReadAsync;
    }

    private async ValueTask<ListResourcesResult> ListAsync(RequestContext<ListResourcesRequestParams> request, CancellationToken cancellationToken)
    {
        var listed = await projects.ListAsync(WorkspaceMcp.TenantOf(request), cancellationToken);
        return new ListResourcesResult
        {
            Resources =
            [
                .. listed.SelectMany(p => new Resource[]
                {
                    new() { Uri = $"{Scheme}{p.Id}/site", Name = $"{p.Name}: site document", MimeType = "application/json" },
                    new() { Uri = $"{Scheme}{p.Id}/preview", Name = $"{p.Name}: preview", MimeType = "text/html" },
                }),
            ],
        };
    }

    private async ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken)
    {
        var uri = request.Params?.Uri ?? string.Empty;
        var (projectId, kind, path) = Parse(uri);
        if (projectId is not { } id || await projects.SiteAtAsync(WorkspaceMcp.TenantOf(request), id, null, cancellationToken) is not { } found)
        {
            throw NotFound(uri);
        }

        if (kind == "site")
        {
            return Text(uri, "application/json", JsonSerializer.Serialize(found.Site, JsonSerializerOptions.Web));
        }

        var pagePath = "/" + path.Trim('/');
        var page = found.Site.Pages.FirstOrDefault(p => string.Equals(p.Path, pagePath, StringComparison.OrdinalIgnoreCase)) ?? throw NotFound(uri);
        var html = SiteRenderer.RenderPage(found.Site, page, new RenderOptions($"/preview/{id}", ImageBase: $"/api/v1/projects/{id}/assets"));
        return Text(uri, "text/html", html);
    }

    /// <summary>The project, <c>site</c> or <c>preview</c>, and the page path of <paramref name="uri"/>; no project when it is not one of Navo's.</summary>
    private static (Guid? ProjectId, string Kind, string Path) Parse(string uri)
    {
        if (!uri.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return (null, string.Empty, string.Empty);
        }

        var parts = uri[Scheme.Length..].Split('/', 3);
        return parts.Length >= 2 && Guid.TryParse(parts[0], out var id) && parts[1] is "site" or "preview" && (parts[1] == "preview" || parts.Length == 2)
            ? (id, parts[1], parts.Length == 3 ? Uri.UnescapeDataString(parts[2]) : string.Empty)
            : (null, string.Empty, string.Empty);
    }

    private static ReadResourceResult Text(string uri, string mimeType, string text) =>
        new() { Contents = [new TextResourceContents { Uri = uri, MimeType = mimeType, Text = text }] };

    private static McpProtocolException NotFound(string uri) =>
        new($"This workspace has no such project or page: {uri}", McpErrorCode.ResourceNotFound);
}
