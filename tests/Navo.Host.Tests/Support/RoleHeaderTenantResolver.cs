using Microsoft.AspNetCore.Http;
using Navo.EventStore;
using Navo.Host.Identity;

namespace Navo.Host.Tests.Support;

/// <summary>
/// Tests only: acts as the demo workspace's owner, or with the role named in <c>X-Test-Role</c>, until accounts
/// and sign-in exist to authenticate real users of each role.
/// </summary>
public sealed class RoleHeaderTenantResolver(DemoWorkspace demo) : ITenantResolver
{
    public TenantContext Resolve(HttpContext context) =>
        context.Request.Headers["X-Test-Role"].ToString() is { Length: > 0 } role
            ? new TenantContext(demo.Owner.TenantId, demo.Owner.UserId, [role])
            : demo.Owner;
}
