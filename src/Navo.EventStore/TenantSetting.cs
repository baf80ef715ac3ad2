namespace Navo.EventStore;

/// <summary>The transaction-local setting every row-level security policy compares <c>tenant_id</c> with.</summary>
public static class TenantSetting
{
    /// <summary><c>navo.tenant_id</c>, set with the <c>navo_tenant</c> role at the start of each tenant session's transaction.</summary>
    public const string Name = "navo.tenant_id";
}
