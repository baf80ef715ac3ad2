using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Navo.Host.Apis;

/// <summary><c>Navo:Sites</c>: the domain under which every live site also answers as <c>{slug}.{Domain}</c>.</summary>
public sealed class SitesOptions
{
    public const string Section = "Navo:Sites";

    /// <summary>For example <c>navo.site</c>; empty to serve live sites only under <c>/s/{slug}/</c>.</summary>
    [RegularExpression(@"^$|^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$", ErrorMessage = "Navo:Sites:Domain must be a domain name such as navo.site.")]
    public string Domain { get; set; } = string.Empty;
}

/// <summary>
/// Host-header routing: a request for <c>rosas-bakery.{Navo:Sites:Domain}/menu</c> is served as
/// <c>/s/rosas-bakery/menu</c>. Anything else passes through untouched.
/// </summary>
public sealed class SiteDomainRouting(RequestDelegate next, IOptions<SitesOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var domain = options.Value.Domain;
        var host = context.Request.Host.Host.ToLowerInvariant();
        if (domain.Length > 0 && host.EndsWith("." + domain, StringComparison.Ordinal))
        {
            var slug = host[..^(domain.Length + 1)];
            if (slug.Length > 0 && !slug.Contains('.', StringComparison.Ordinal) && !context.Request.Path.StartsWithSegments("/s", StringComparison.Ordinal))
            {
                context.Request.Path = $"/s/{slug}{context.Request.Path}";
            }
        }

        return next(context);
    }
}
