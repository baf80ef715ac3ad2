using Navo.Host.Audit;
using Navo.EventStore;

namespace Navo.Host.Identity;

/// <summary>Password resets: a single-use token, valid for an hour, sent by e-mail; only its hash is stored.</summary>
public sealed partial class Accounts
{
    public const string ResetPrefix = "nvp_";

    /// <summary>
    /// Sends a reset link when the address has an account. The caller answers the same either way, so the
    /// answer does not tell who has an account.
    /// </summary>
    public async Task ForgotPasswordAsync(string? email, IPasswordResetSender sender, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 320)
        {
            return;
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var account = await connection.SingleOrDefaultAsync(
            "select id, email from navo_accounts where lower(email) = lower($1)",
            r => (Id: r.GetGuid(0), Email: r.GetString(1)), cancellationToken, email.Trim());
        if (account == default)
        {
            return;
        }

        var (token, hash) = Secrets.New(ResetPrefix);
        await connection.ExecuteAsync(
            "insert into navo_tokens (hash, kind, user_id, expires_at) values ($1, 'reset', $2, $3)",
            cancellationToken, hash, account.Id, DateTimeOffset.UtcNow.AddMinutes(Options.PasswordResetMinutes));
        await sender.SendAsync(account.Email, token, cancellationToken);
    }

    /// <summary>Sets a new password with a reset token, once; every session and refresh token of the account ends.</summary>
    public async Task<AccountProblem?> ResetPasswordAsync(string? token, string? password, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLike(token, ResetPrefix))
        {
            return InvalidReset;
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var account = await connection.SingleOrDefaultAsync(
            """
            update navo_tokens t set used_at = now() from navo_accounts a
            where t.hash = $1 and t.kind = 'reset' and t.used_at is null and t.revoked_at is null and t.expires_at > now() and a.id = t.user_id
            returning a.id, a.email
            """,
            r => (Id: r.GetGuid(0), Email: r.GetString(1)), cancellationToken, Secrets.Hash(token!));
        if (account == default)
        {
            return InvalidReset;
        }

        if (CheckPassword(password, account.Email) is { } weak)
        {
            // Nothing is kept: the token stays usable for a better password.
            return weak;
        }

        await connection.ExecuteAsync(
            "update navo_accounts set password_hash = $2, failed_logins = 0, locked_until = null where id = $1",
            cancellationToken, account.Id, Hasher.HashPassword(account.Email, password!));
        await connection.ExecuteAsync(
            "update navo_tokens set revoked_at = now() where user_id = $1 and kind in ('session', 'refresh', 'reset') and revoked_at is null",
            cancellationToken, account.Id);
        await OAuth.AssistantGrants.RevokeAllOfAsync(connection, account.Id, cancellationToken);
        await AuditLog.WriteToEveryWorkspaceOfAsync(connection, account.Id, AuditRecord.ByUser(account.Id, "auth.password_reset"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private static readonly AccountProblem InvalidReset =
        new(StatusCodes.Status400BadRequest, "The reset link is not valid.", "The link is wrong, used or older than an hour. Ask for a new one.");
}
