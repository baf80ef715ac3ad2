using Navo.Channels;
using Navo.Host.Identity;
using Navo.Tools.Projects;
using Navo.Tools.Rendering;

namespace Navo.Host.Apis;

/// <summary>
/// Previews of a project's site: <c>/preview/{id}/</c> is the newest version, <c>/preview/{id}/v/{version}/{path}</c>
/// any version; <c>/preview/shared/{token}/</c> the one version a signed link names, for people without a session
/// (<see cref="PreviewLinks"/>). Served with a strict Content-Security-Policy: the page can load nothing but its images (from the
/// project's authenticated image library on this origin) and run nothing.
/// </summary>
public static class PreviewEndpoints
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

    public static IEndpointRouteBuilder MapPreviewEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/preview/{projectId:guid}/v/{version:long}/{**path}", StudioPages.PageMethods, (Guid projectId, long version, string? path, HttpContext http, ProjectService projects, ITenantResolver tenants, CancellationToken ct) =>
            RenderAsync(projectId, version, path, $"/preview/{projectId}/v/{version}", http, projects, tenants, ct)).WithTags("Preview").ExcludeFromDescription().RequireAuthorization(Policies.Member);
        app.MapMethods("/preview/{projectId:guid}/{**path}", StudioPages.PageMethods, (Guid projectId, string? path, HttpContext http, ProjectService projects, ITenantResolver tenants, CancellationToken ct) =>
            RenderAsync(projectId, null, path, $"/preview/{projectId}", http, projects, tenants, ct)).WithTags("Preview").ExcludeFromDescription().RequireAuthorization(Policies.Member);
        app.MapMethods(PreviewLinks.PathPrefix + "{token}/{**path}", StudioPages.PageMethods, (string token, string? path, HttpContext http, ProjectService projects, PreviewLinks links, CancellationToken ct) =>
            links.Read(token) is { } shared
                // A signed link stands for no one: it reads that one version, as a viewer would, and can change nothing.
                ? RenderAsync(shared.ProjectId, shared.Version, path, PreviewLinks.PathPrefix + token, http, projects, new SharedLinkReader(shared.TenantId), ct)
                : Task.FromResult<IResult>(TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "This preview link is not valid.",
                    detail: "Preview links last 24 hours. Ask Navo for the preview again."))).WithTags("Preview").ExcludeFromDescription();
        return app;
    }

    private sealed class SharedLinkReader(string tenantId) : ITenantResolver
    {
        public Navo.EventStore.TenantContext Resolve(HttpContext context) => new(tenantId, Guid.Empty, ["viewer"]);
    }

    private static async Task<IResult> RenderAsync(
        Guid projectId, long? version, string? path, string basePath, HttpContext http, ProjectService projects, ITenantResolver tenants, CancellationToken cancellationToken)
    {
        var found = await projects.SiteAtAsync(tenants.Resolve(http), projectId, version, cancellationToken);
        var pagePath = "/" + (path ?? string.Empty).Trim('/');
        if (found is not { } at || at.Site.Pages.FirstOrDefault(p => string.Equals(p.Path, pagePath, StringComparison.OrdinalIgnoreCase)) is not { } page)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Page not found.",
                detail: "This workspace has no such project, version or page.");
        }

        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        // The studio frames its previews; no other site may (X-Frame-Options for browsers that predate frame-ancestors).
        http.Response.Headers.XFrameOptions = "SAMEORIGIN";
        http.Response.Headers.CacheControl = version is null ? "no-store" : "private, max-age=3600";
        return TypedResults.Content(SiteRenderer.RenderPage(at.Site, page, new RenderOptions(basePath, ImageBase: $"/api/v1/projects/{projectId}/assets")), "text/html; charset=utf-8");
    }
}
