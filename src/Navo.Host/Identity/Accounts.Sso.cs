using Navo.EventStore;
using Navo.Host.Audit;
using Navo.Host.Identity.Sso;

namespace Navo.Host.Identity;

/// <summary>Single sign-on: the person a workspace's provider vouches for becomes a member and is signed in.</summary>
public sealed partial class Accounts
{
    /// <summary>
    /// Signs in the person <paramref name="connection"/>'s provider vouched for: their e-mail must be verified (the
    /// provider says <c>email_verified: true</c>) and in one of the connection's domains. The person is the account
    /// linked to the provider's (issuer, <paramref name="subject"/>); a first sign-in makes the account (with no usable
    /// password), the link and the membership with the connection's default role. An address that already belongs to
    /// an account not linked to this provider is refused: the provider is the owner's choice, so its word is no proof
    /// of someone else's account. Refusals and sign-ins are in the workspace's audit log.
    /// </summary>
    public async Task<(SignedIn? SignedIn, AccountProblem? Problem)> SignInWithSsoAsync(
        SsoConnection connection, string? subject, string? email, bool? emailVerified, CancellationToken cancellationToken)
    {
        email = email?.Trim();
        var refusal = string.IsNullOrEmpty(subject) || subject.Length > 255 ? "the provider sent no valid subject"
            : CheckEmail(email) is not null ? "the provider sent no valid e-mail address"
            : emailVerified != true ? "the provider has not verified the e-mail address"
            : !connection.Vouches(email!) ? "the e-mail's domain is not one this workspace's provider vouches for"
            : null;
        if (refusal is not null)
        {
            return await RefusedSsoAsync(connection, refusal, SsoRefused(refusal), cancellationToken);
        }

        await using var db = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var userId = await db.SingleOrDefaultAsync(
            "select user_id from navo_sso_identities where issuer = $1 and subject = $2", r => (Guid?)r.GetGuid(0), cancellationToken, connection.Issuer, subject);
        if (userId is null)
        {
            userId = Guid.CreateVersion7();
            // Nobody knows this password: the account signs in through its provider (or resets a password to have one).
            var made = await db.ExecuteAsync(
                "insert into navo_accounts (id, email, password_hash) values ($1, $2, $3) on conflict do nothing",
                cancellationToken, userId, email, Hasher.HashPassword(email!, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));
            if (made == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return await RefusedSsoAsync(connection, "the e-mail belongs to an account not linked to this provider", AccountExists, cancellationToken);
            }

            await db.ExecuteAsync(
                "insert into navo_sso_identities (issuer, subject, user_id) values ($1, $2, $3)", cancellationToken, connection.Issuer, subject, userId);
        }

        var joined = await db.ExecuteAsync(
            "insert into navo_members (tenant_id, user_id, role) values ($1, $2, $3) on conflict do nothing",
            cancellationToken, connection.TenantId, userId, connection.DefaultRole);
        if (joined == 1)
        {
            await AuditLog.WriteAsync(db, connection.TenantId, AuditRecord.ByUser(userId.Value, "member.joined", null, "ok", new { role = connection.DefaultRole, via = "sso" }), cancellationToken);
        }

        var membership = (await MembershipAsync(db, userId.Value, connection.TenantId, cancellationToken))!;
        await AuditLog.WriteAsync(db, connection.TenantId, AuditRecord.ByUser(userId.Value, "auth.sso_sign_in", connection.Issuer, "ok", new { role = membership.Role }), cancellationToken);
        var signedIn = await IssueAsync(db, membership, family: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (signedIn, null);
    }

    /// <summary>The answer to an SSO sign-in whose address belongs to an account the provider is not linked to.</summary>
    public static readonly AccountProblem AccountExists = new(StatusCodes.Status409Conflict, "An account with this e-mail already exists.",
        "An account with this e-mail already exists: sign in with your password.");

    private static AccountProblem SsoRefused(string reason) => new(StatusCodes.Status403Forbidden, "Single sign-on refused.", reason);

    private async Task<(SignedIn?, AccountProblem?)> RefusedSsoAsync(
        SsoConnection connection, string reason, AccountProblem problem, CancellationToken cancellationToken)
    {
        await RefuseSsoAsync(connection.TenantId, reason, cancellationToken);
        return (null, problem);
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
