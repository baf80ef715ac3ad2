namespace Navo.EventStore;

/// <summary>
/// Who is acting, and in which workspace. Every store session is opened for one; it must come from an
/// authenticated source (a web principal, a verified Teams activity, a verified Slack request), never from
/// configuration or a request field.
/// </summary>
public sealed record TenantContext
{
    /// <summary>Creates a context, rejecting tenant ids that are not 1–64 letters, digits, '-' or '_'.</summary>
    public TenantContext(string tenantId, Guid userId, IReadOnlyList<string> roles)
    {
        if (!IsValidTenantId(tenantId))
        {
            throw new ArgumentException("A tenant id is 1 to 64 letters, digits, '-' or '_'.", nameof(tenantId));
        }

        TenantId = tenantId;
        UserId = userId;
        Roles = roles;
    }

    /// <summary>The workspace: the value of every row's <c>tenant_id</c>.</summary>
    public string TenantId { get; }

    /// <summary>The user acting in the workspace.</summary>
    public Guid UserId { get; }

    /// <summary>The user's roles in the workspace (<c>owner</c>, <c>editor</c>, <c>viewer</c>).</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>True when the user holds <paramref name="role"/>.</summary>
    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>
    /// The tenant id is written into a <c>SET LOCAL</c> statement (PostgreSQL cannot bind parameters there),
    /// so it is held to a strict alphabet.
    /// </summary>
    public static bool IsValidTenantId(string? tenantId) =>
        !string.IsNullOrEmpty(tenantId)
        && tenantId.Length <= 64
        && tenantId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
