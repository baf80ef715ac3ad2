using Navo.Host.Audit;
using Navo.EventStore;
using Navo.Host.Database;
using Navo.Tools;

namespace Navo.Host.Identity;

/// <summary>An API key as listed: never the key itself, only its first characters.</summary>
public sealed record ApiKeyView(Guid Id, string Name, string Prefix, string Role, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, bool Revoked);

/// <summary>
/// Workspace API keys for scripts and integrations: made by an owner with the role editor or viewer, shown once,
/// stored as a hash, revocable. A key acts as its maker, and stops working when its maker leaves the workspace.
/// </summary>
public sealed class ApiKeys(NavoDatabase database)
{
    public const string Prefix = "nvk_";

    public async Task<(string? Key, ApiKeyView? View, AccountProblem? Problem)> CreateAsync(Membership owner, string? name, string? role, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || TextChecks.HasHiddenCharacters(name))
        {
            return (null, null, new(StatusCodes.Status400BadRequest, "The name is not valid.", "Name the key in 1 to 100 characters, such as \"Zapier\"."));
        }

        if (role is not ("editor" or "viewer"))
        {
            return (null, null, new(StatusCodes.Status400BadRequest, "The role is not valid.", "An API key's role is editor or viewer."));
        }

        var (key, hash) = Secrets.New(Prefix);
        var view = new ApiKeyView(Guid.CreateVersion7(), name.Trim(), key[..10], role, DateTimeOffset.UtcNow, null, false);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "insert into navo_api_keys (tenant_id, id, name, prefix, hash, role, created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
            cancellationToken, owner.TenantId, view.Id, view.Name, view.Prefix, hash, role, owner.UserId, view.CreatedAt);
        await AuditLog.WriteAsync(connection, owner.TenantId, AuditRecord.ByUser(owner.UserId, "api_key.created", view.Id.ToString(), "ok", new { role }), cancellationToken);
        return (key, view, null);
    }

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ListAsync(
            "select id, name, prefix, role, created_at, last_used_at, revoked_at is not null from navo_api_keys where tenant_id = $1 order by created_at",
            r => new ApiKeyView(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5), r.GetBoolean(6)),
            cancellationToken, tenantId);
    }

    public async Task<bool> RevokeAsync(Membership owner, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var revoked = await connection.ExecuteAsync(
            "update navo_api_keys set revoked_at = now() where tenant_id = $1 and id = $2 and revoked_at is null", cancellationToken, owner.TenantId, id);
        if (revoked > 0)
        {
            await AuditLog.WriteAsync(connection, owner.TenantId, AuditRecord.ByUser(owner.UserId, "api_key.revoked", id.ToString()), cancellationToken);
        }

        return revoked > 0;
    }

    /// <summary>The member a key acts as (its maker, with the key's role), or null for an unknown or revoked key.</summary>
    public async Task<(Membership Member, Guid KeyId)?> AuthenticateAsync(string? key, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLike(key, Prefix))
        {
            return null;
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        // last_used_at is kept to the minute, so a busy key does not write on every request.
        return await connection.SingleOrDefaultAsync(
            """
            with found as (
                select k.tenant_id, k.id, k.role, k.created_by from navo_api_keys k
                join navo_members m on m.tenant_id = k.tenant_id and m.user_id = k.created_by
                where k.hash = $1 and k.revoked_at is null),
            touched as (
                update navo_api_keys set last_used_at = now()
                where hash = $1 and revoked_at is null and (last_used_at is null or last_used_at < now() - interval '1 minute'))
            select tenant_id, id, role, created_by from found
            """,
            r => ((Membership Member, Guid KeyId)?)(new Membership(r.GetGuid(3), r.GetString(0), r.GetString(2)), r.GetGuid(1)),
            cancellationToken, Secrets.Hash(key!));
    }
}
