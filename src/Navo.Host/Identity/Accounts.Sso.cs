using Navo.EventStore;
using Navo.Host.Audit;
using Navo.Host.Identity.Sso;

namespace Navo.Host.Identity;

/// <summary>Single sign-on: the person a workspace's provider vouches for becomes a member and is signed in.</summary>
public sealed partial class Accounts
{
    /// <summary>
    /// Signs in the person <paramref name="connection"/>'s provider vouched for: their e-mail must be verified and in
    /// one of the connection's domains. A first sign-in makes the account (with no usable password) and the membership
    /// with the connection's default role. Refusals and sign-ins are in the workspace's audit log.
    /// </summary>
    public async Task<(SignedIn? SignedIn, AccountProblem? Problem)> SignInWithSsoAsync(
        SsoConnection connection, string? email, bool? emailVerified, CancellationToken cancellationToken)
    {
        email = email?.Trim();
        var refusal = CheckEmail(email) is not null ? "the provider sent no valid e-mail address"
            : emailVerified == false ? "the provider has not verified the e-mail address"
            : !connection.Vouches(email!) ? "the e-mail's domain is not one this workspace's provider vouches for"
            : null;
        if (refusal is not null)
        {
            await RefuseSsoAsync(connection.TenantId, refusal, cancellationToken);
            return (null, new(StatusCodes.Status403Forbidden, "Single sign-on refused.", refusal));
        }

        await using var db = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        // Nobody knows this password: the account signs in through its provider (or resets a password to have one).
        await db.ExecuteAsync(
            "insert into navo_accounts (id, email, password_hash) values ($1, $2, $3) on conflict do nothing",
            cancellationToken, Guid.CreateVersion7(), email, Hasher.HashPassword(email!, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));
        var userId = await db.SingleOrDefaultAsync("select id from navo_accounts where lower(email) = lower($1)", r => r.GetGuid(0), cancellationToken, email);
        var joined = await db.ExecuteAsync(
            "insert into navo_members (tenant_id, user_id, role) values ($1, $2, $3) on conflict do nothing",
            cancellationToken, connection.TenantId, userId, connection.DefaultRole);
        if (joined == 1)
        {
            await AuditLog.WriteAsync(db, connection.TenantId, AuditRecord.ByUser(userId, "member.joined", null, "ok", new { role = connection.DefaultRole, via = "sso" }), cancellationToken);
        }

        var membership = (await MembershipAsync(db, userId, connection.TenantId, cancellationToken))!;
        await AuditLog.WriteAsync(db, connection.TenantId, AuditRecord.ByUser(userId, "auth.sso_sign_in", connection.Issuer, "ok", new { role = membership.Role }), cancellationToken);
        var signedIn = await IssueAsync(db, membership, family: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (signedIn, null);
    }

    /// <summary>An SSO sign-in the workspace refused (a forged callback, an expired code, a domain it does not vouch for).</summary>
    public async Task RefuseSsoAsync(string tenantId, string reason, CancellationToken cancellationToken)
    {
        await using var db = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await AuditLog.WriteAsync(db, tenantId, new AuditRecord(null, "system", "auth.sso_sign_in", null, "denied", new { reason }), cancellationToken);
        LogSsoRefused(tenantId, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on to {TenantId} refused: {Reason}")]
    private partial void LogSsoRefused(string tenantId, string reason);
}
