using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;

namespace Navo.Host.Apis;

/// <summary>
/// <c>Navo:Sites</c>: the domain under which every live site also answers as <c>{slug}.{Domain}</c>, and how long a
/// contact form may take to arrive.
/// </summary>
public sealed class SitesOptions
{
    public const string Section = "Navo:Sites";

    /// <summary>For example <c>navo.site</c>; empty to serve live sites only under <c>/s/{slug}/</c> and on connected domains.</summary>
    [RegularExpression(@"^$|^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$", ErrorMessage = "Navo:Sites:Domain must be a domain name such as navo.site.")]
    public string Domain { get; set; } = string.Empty;

    /// <summary>How long a contact form's body may take to arrive in full; a slower one is answered 408.</summary>
    [Range(1, 120)]
    public int FormReadSeconds { get; set; } = 10;

    /// <summary>How much memory each host gives published files it serves (their compressed forms included).</summary>
    [Range(1, 65536)]
    public int MemoryCacheMegabytes { get; set; } = 256;
}

/// <summary>
/// Host-header routing: <c>rosas-bakery.{Navo:Sites:Domain}/menu</c> and a verified domain such as
/// <c>www.rosas.com/menu</c> are served as <c>/s/rosas-bakery/menu</c>. A connected domain whose site was never
/// published answers the friendly 404. Any host answers <c>/.well-known/navo-domain/{token}</c> for a domain
/// waiting to be verified. Everything else passes through untouched.
/// </summary>
public sealed class SiteDomainRouting(RequestDelegate next, IOptions<SitesOptions> options, DomainMap domains)
{
    private const string SiteHostKey = "navo.site-host";

    /// <summary>Whether the request came to a site's own host (and its path was rewritten to <c>/s/{slug}/…</c>).</summary>
    public static bool IsSiteHost(HttpContext context) => context.Items.ContainsKey(SiteHostKey);

    /// <summary>The slug of a host under <see cref="SitesOptions.Domain"/> (<c>rosas-bakery.navo.site</c>), or null.</summary>
    public static string? SubdomainSlug(string host, string domain)
    {
        if (domain.Length == 0 || !host.EndsWith("." + domain, StringComparison.Ordinal))
        {
            return null;
        }

        var slug = host[..^(domain.Length + 1)];
        return slug.Length == 0 || slug.Contains('.', StringComparison.Ordinal) ? null : slug;
    }

    /// <summary>Marks the request as come to a site's own host (its path stays the site's).</summary>
    public static void MarkSiteHost(HttpContext context) => context.Items[SiteHostKey] = true;

    public async Task InvokeAsync(HttpContext context)
    {
        var host = context.Request.Host.Host.ToLowerInvariant().TrimEnd('.');
        if (context.Request.Path.StartsWithSegments(DomainMap.ChallengePath, out var rest))
        {
            await AnswerChallengeAsync(context, host, rest.Value?.Trim('/') ?? string.Empty);
            return;
        }

        var domain = options.Value.Domain;
        string? slug = null;
        if (domain.Length > 0 && host.EndsWith("." + domain, StringComparison.Ordinal))
        {
            slug = SubdomainSlug(host, domain);
        }
        else if (host.Contains('.', StringComparison.Ordinal) && host != domain && !IPAddress.TryParse(host, out _))
        {
            DomainMapping mapping;
            try
            {
                mapping = await domains.FindAsync(host, context.RequestAborted);
            }
            catch (Exception failure) when (DatabaseUnavailableHandler.IsUnavailable(failure))
            {
                // Which site this host serves cannot be known now. The host's own surfaces under any name it is reached
                // by (a dotted one, behind a proxy) still answer: /health says why, the studio's pages load. Anything else
                // may be a visitor's page on a connected domain, who reads a page, not problem details.
                if (IsHostPath(context.Request.Path))
                {
                    await next(context);
                    return;
                }

                await DatabaseUnavailableHandler.WriteVisitorPageAsync(context);
                return;
            }

            if (mapping.Mapped && mapping.Slug is null)
            {
                await PublishedSites.NotFoundPage(context).ExecuteAsync(context);
                return;
            }

            slug = mapping.Slug;
        }

        if (slug is { Length: > 0 })
        {
            // Every path on a site's own host is the site's: /s/other-site/ there is not another site.
            context.Request.Path = $"/s/{slug}{context.Request.Path}";
            MarkSiteHost(context);
        }

        await next(context);
    }

    /// <summary>The host's own surfaces, which answer under any host name when the domain lookup cannot be made.</summary>
    private static bool IsHostPath(PathString path) =>
        HostPaths.Any(prefix => path.StartsWithSegments(prefix, StringComparison.Ordinal));

    private static readonly string[] HostPaths =
        ["/health", "/api", "/openapi", "/metrics", "/mcp", "/studio", "/signin", "/signup", "/reset-password", "/navo.css", "/auth.js", "/studio.js", "/widget.js"];

    private async Task AnswerChallengeAsync(HttpContext context, string host, string token)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (HttpMethods.IsGet(context.Request.Method) && await domains.IsWaitingAsync(host, token, context.RequestAborted))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(token, context.RequestAborted);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
