using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Navo.EventStore;
using Navo.Host.Audit;
using Navo.Host.Database;
using Npgsql;

namespace Navo.Host.Identity.Sso;

/// <summary>
/// Each workspace's single sign-on connection (<c>Sql/0004_sso.sql</c>) on the host's own connection: connecting and
/// changing it (owners only, audited), finding it by an e-mail's domain, and the client secret encrypted at rest with
/// Data Protection, as Slack's bot tokens are.
/// </summary>
public sealed class SsoConnections(NavoDatabase database, IDataProtectionProvider protection, IOptions<AuthOptions> options)
{
    private readonly IDataProtector _secrets = protection.CreateProtector("Navo.Sso.ClientSecret");

    public async Task<SsoConnection?> FindAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await FindAsync(connection, tenantId, cancellationToken);
    }

    /// <summary>The connection of the workspace that vouches for <paramref name="email"/>'s domain, or null.</summary>
    public async Task<SsoConnection?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var domain = email[(email.LastIndexOf('@') + 1)..].ToLowerInvariant();
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var tenantId = await connection.SingleOrDefaultAsync("select tenant_id from navo_sso_domains where domain = $1", r => r.GetString(0), cancellationToken, domain);
        return tenantId is null ? null : await FindAsync(connection, tenantId, cancellationToken);
    }

    private async Task<SsoConnection?> FindAsync(NpgsqlConnection connection, string tenantId, CancellationToken cancellationToken)
    {
        var domains = await connection.ListAsync(
            "select domain from navo_sso_domains where tenant_id = $1 order by domain", r => r.GetString(0), cancellationToken, tenantId);
        return await connection.SingleOrDefaultAsync(
            """
            select issuer, client_id, client_secret, default_role, sso_only, break_glass_user, updated_at
            from navo_sso_connections where tenant_id = $1
            """,
            r => new SsoConnection(tenantId, r.GetString(0), r.GetString(1), _secrets.Unprotect(r.GetString(2)), domains, r.GetString(3),
                r.GetBoolean(4), r.IsDBNull(5) ? null : r.GetGuid(5), r.GetFieldValue<DateTimeOffset>(6)),
            cancellationToken, tenantId);
    }

    /// <summary>Connects the owner's workspace to a provider, or changes its connection; the problem when the request is wrong.</summary>
    public async Task<(SsoConnection? Connection, AccountProblem? Problem)> SaveAsync(
        Membership owner, SsoConnectionRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var existing = await FindAsync(connection, owner.TenantId, cancellationToken);
        var (valid, problem) = SsoConnectionRules.Check(request, existing, owner, options.Value.SsoPrivateIssuers);
        if (valid is null)
        {
            return (null, problem);
        }

        var breakGlass = valid.SsoOnly ? valid.BreakGlassUserId : null;
        if (breakGlass is { } keeper && await connection.SingleOrDefaultAsync(
                "select role from navo_members where tenant_id = $1 and user_id = $2", r => r.GetString(0), cancellationToken, owner.TenantId, keeper) != "owner")
        {
            return (null, new(StatusCodes.Status400BadRequest, "The break-glass owner is not an owner.",
                "Name an owner of this workspace as breakGlassOwner: they keep password sign-in in case the provider is down."));
        }

        var taken = await connection.SingleOrDefaultAsync(
            "select domain from navo_sso_domains where domain = any($1) and tenant_id <> $2 limit 1",
            r => r.GetString(0), cancellationToken, valid.Domains.ToArray(), owner.TenantId);
        if (taken is not null)
        {
            return (null, DomainTaken(taken));
        }

        await connection.ExecuteAsync(
            """
            insert into navo_sso_connections (tenant_id, issuer, client_id, client_secret, default_role, sso_only, break_glass_user, updated_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            on conflict (tenant_id) do update set issuer = excluded.issuer, client_id = excluded.client_id, client_secret = excluded.client_secret,
                default_role = excluded.default_role, sso_only = excluded.sso_only, break_glass_user = excluded.break_glass_user,
                updated_by = excluded.updated_by, updated_at = clock_timestamp()
            """,
            cancellationToken, owner.TenantId, valid.Issuer, valid.ClientId, _secrets.Protect(valid.ClientSecret), valid.DefaultRole,
            valid.SsoOnly, breakGlass, owner.UserId);
        await connection.ExecuteAsync("delete from navo_sso_domains where tenant_id = $1", cancellationToken, owner.TenantId);
        try
        {
            foreach (var domain in valid.Domains)
            {
                await connection.ExecuteAsync("insert into navo_sso_domains (domain, tenant_id) values ($1, $2)", cancellationToken, domain, owner.TenantId);
            }
        }
        catch (PostgresException conflict) when (conflict.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another workspace claimed one of the domains between the check above and this insert.
            return (null, DomainTaken("one of these domains"));
        }

        if (breakGlass is not null && (existing is not { SsoOnly: true } || existing.BreakGlassUserId != breakGlass))
        {
            // From now on only single sign-on lets members in: the sessions and refresh tokens they got with a
            // password end here, everyone's but the break-glass owner's (a single sign-on session is simply made again).
            await connection.ExecuteAsync(
                """
                update navo_tokens set revoked_at = now()
                where tenant_id = $1 and kind in ('session', 'refresh') and revoked_at is null and user_id is distinct from $2
                """,
                cancellationToken, owner.TenantId, breakGlass);
        }

        await AuditLog.WriteAsync(connection, owner.TenantId, AuditRecord.ByUser(owner.UserId, existing is null ? "sso.connected" : "sso.changed", valid.Issuer, "ok",
            new { domains = valid.Domains, defaultRole = valid.DefaultRole, ssoOnly = valid.SsoOnly, breakGlassOwner = breakGlass }), cancellationToken);
        var saved = await FindAsync(connection, owner.TenantId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (saved, null);
    }

    /// <summary>Disconnects the provider: password sign-in works again for everyone. False when there was none.</summary>
    public async Task<bool> RemoveAsync(Membership owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var removed = await connection.SingleOrDefaultAsync(
            "delete from navo_sso_connections where tenant_id = $1 returning issuer", r => r.GetString(0), cancellationToken, owner.TenantId);
        if (removed is null)
        {
            return false;
        }

        await AuditLog.WriteAsync(connection, owner.TenantId, AuditRecord.ByUser(owner.UserId, "sso.removed", removed), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Whether password sign-in to <paramref name="tenantId"/> is refused to <paramref name="userId"/>: the workspace
    /// requires single sign-on and they are not its break-glass owner (or no longer an owner).
    /// </summary>
    public static async Task<bool> RequiresSsoAsync(NpgsqlConnection connection, string tenantId, Guid userId, CancellationToken cancellationToken) =>
        await connection.SingleOrDefaultAsync(
            """
            select true from navo_sso_connections c
            where c.tenant_id = $1 and c.sso_only
              and not (c.break_glass_user is not distinct from $2
                       and exists (select from navo_members m where m.tenant_id = $1 and m.user_id = $2 and m.role = 'owner'))
            """,
            r => r.GetBoolean(0), cancellationToken, tenantId, userId);

    private static AccountProblem DomainTaken(string domain) => new(StatusCodes.Status409Conflict, "The domain is taken.",
        $"Another workspace signs in people from {domain} with its own provider. Each domain belongs to one workspace.");

    public static SsoConnectionView View(SsoConnection connection, string origin) => new(
        connection.Issuer, connection.ClientId, connection.ClientSecret.Length > 0, connection.Domains, connection.DefaultRole,
        connection.SsoOnly, connection.BreakGlassUserId, string.Create(CultureInfo.InvariantCulture, $"{origin}{connection.CallbackPath}"));
}
