using Navo.EventStore;

namespace Navo.Host.Identity;

/// <summary>Finds the workspace and user behind a request. It must come from the request's authentication.</summary>
public interface ITenantResolver
{
    /// <summary>The caller's tenant context.</summary>
    TenantContext Resolve(HttpContext context);
}

/// <summary>
/// Until accounts and sign-in exist, every request acts as the seeded demo workspace's owner. The accounts work
/// replaces this with a resolver that reads the authenticated principal.
/// </summary>
public sealed class DemoWorkspaceTenantResolver(DemoWorkspace demo) : ITenantResolver
{
    public TenantContext Resolve(HttpContext context) => demo.Owner;
}
