using Navo.Host.Audit;
using Navo.EventStore;

namespace Navo.Host.Identity;

/// <summary>Refresh-token rotation, the studio's sessions, and signing out.</summary>
public sealed partial class Accounts
{
    /// <summary>
    /// Trades a refresh token for a new pair. Each refresh token works once: a used one coming back means it was
    /// copied, so its whole family is revoked and both holders must sign in again.
    /// </summary>
    public async Task<(SignedIn? SignedIn, AccountProblem? Problem)> RefreshAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLike(refreshToken, RefreshPrefix))
        {
            return (null, ExpiredRefresh);
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var token = await connection.SingleOrDefaultAsync(
            """
            select user_id, tenant_id, family, used_at is not null, revoked_at is not null or expires_at <= now()
            from navo_tokens where hash = $1 and kind = 'refresh' for update
            """,
            r => (UserId: r.GetGuid(0), TenantId: r.GetString(1), Family: r.GetGuid(2), Used: r.GetBoolean(3), Dead: r.GetBoolean(4)),
            cancellationToken, Secrets.Hash(refreshToken!));
        if (token == default || token.Dead)
        {
            return (null, ExpiredRefresh);
        }

        if (token.Used)
        {
            await connection.ExecuteAsync("update navo_tokens set revoked_at = now() where family = $1 and revoked_at is null", cancellationToken, token.Family);
            await AuditLog.WriteAsync(connection, token.TenantId,
                AuditRecord.ByUser(token.UserId, "auth.refresh", null, "denied", new { reason = "a used refresh token came back; its family is revoked" }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (null, ExpiredRefresh);
        }

        await connection.ExecuteAsync("update navo_tokens set used_at = now() where hash = $1", cancellationToken, Secrets.Hash(refreshToken!));
        var membership = await MembershipAsync(connection, token.UserId, token.TenantId, cancellationToken);
        if (membership is null)
        {
            await transaction.CommitAsync(cancellationToken);
            return (null, ExpiredRefresh);
        }

        var signedIn = await IssueAsync(connection, membership, token.Family, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (signedIn, null);
    }

    /// <summary>The member behind a studio session cookie, or null when it is unknown, expired or revoked.</summary>
    public async Task<Membership?> SessionAsync(string? sessionToken, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLike(sessionToken, SessionPrefix))
        {
            return null;
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await connection.SingleOrDefaultAsync(
            """
            select t.user_id, t.tenant_id, m.role from navo_tokens t
            join navo_members m on m.tenant_id = t.tenant_id and m.user_id = t.user_id
            where t.hash = $1 and t.kind = 'session' and t.revoked_at is null and t.expires_at > now()
            """,
            r => new Membership(r.GetGuid(0), r.GetString(1), r.GetString(2)), cancellationToken, Secrets.Hash(sessionToken!));
    }

    /// <summary>Ends the session and the refresh token's family, whichever are given. Unknown tokens are ignored.</summary>
    public async Task SignOutAsync(string? sessionToken, string? refreshToken, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        if (Secrets.LooksLike(sessionToken, SessionPrefix))
        {
            await connection.ExecuteAsync("update navo_tokens set revoked_at = now() where hash = $1 and kind = 'session' and revoked_at is null",
                cancellationToken, Secrets.Hash(sessionToken!));
        }

        if (Secrets.LooksLike(refreshToken, RefreshPrefix))
        {
            await connection.ExecuteAsync(
                """
                update navo_tokens set revoked_at = now() where revoked_at is null
                   and family = (select family from navo_tokens where hash = $1 and kind = 'refresh')
                """,
                cancellationToken, Secrets.Hash(refreshToken!));
        }
    }

    private static readonly AccountProblem ExpiredRefresh =
        new(StatusCodes.Status401Unauthorized, "Sign in again.", "The refresh token is unknown, used, revoked or expired.");
}
