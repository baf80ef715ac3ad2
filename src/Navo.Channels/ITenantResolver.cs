using Microsoft.AspNetCore.Http;
using Navo.EventStore;

namespace Navo.Channels;

/// <summary>
/// Finds the workspace and user behind a request. It must come from the request's authentication (design.md
/// section 7: a channel verifies the request and resolves the tenant), never from configuration or a field.
/// </summary>
public interface ITenantResolver
{
    /// <summary>The caller's tenant context.</summary>
    TenantContext Resolve(HttpContext context);
}
