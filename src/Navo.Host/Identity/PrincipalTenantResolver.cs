using Navo.Channels;
using Navo.EventStore;

namespace Navo.Host.Identity;

/// <summary>
/// The tenant context of the authenticated principal (<see cref="NavoAuthenticationHandler"/>): its workspace,
/// user and role, and nothing from the request's body, query or configuration.
/// </summary>
public sealed class PrincipalTenantResolver : ITenantResolver
{
    public TenantContext Resolve(HttpContext context) => context.User.Member() is { } member
        ? new TenantContext(member.TenantId, member.UserId, [member.Role])
        : throw new InvalidOperationException("This endpoint runs only for authenticated requests; it must require authorization.");
}

public static class PrincipalExtensions
{
    /// <summary>The member an authenticated principal is, or null.</summary>
    public static Membership? Member(this System.Security.Claims.ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
        && Guid.TryParse(principal.FindFirst(NavoClaims.UserId)?.Value, out var userId)
        && principal.FindFirst(NavoClaims.TenantId)?.Value is { } tenantId
        && principal.FindFirst(NavoClaims.Role)?.Value is { } role
            ? new Membership(userId, tenantId, role)
            : null;
}
