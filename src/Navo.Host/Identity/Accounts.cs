using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Navo.Host.Audit;
using Navo.EventStore;
using Navo.Host.Database;
using Navo.Tools;
using Npgsql;

namespace Navo.Host.Identity;

/// <summary>A signed-in user in one workspace, with the credentials to show once.</summary>
public sealed record SignedIn(Guid UserId, string TenantId, string Role, string AccessToken, string RefreshToken, int ExpiresIn, string SessionToken);

/// <summary>Why an account request failed: an HTTP status and a sentence for the person.</summary>
public sealed record AccountProblem(int Status, string Title, string Detail, TimeSpan? RetryAfter = null);

/// <summary>A member of a workspace.</summary>
public sealed record Membership(Guid UserId, string TenantId, string Role);

/// <summary>
/// Accounts and their credentials, on the host's own connection: register (a new workspace, or one an invitation
/// names), sign in with lockout, rotating refresh tokens, the studio's sessions, sign-out. Passwords are hashed
/// with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>.
/// </summary>
public sealed partial class Accounts(NavoDatabase database, AccessTokens accessTokens, IOptions<AuthOptions> options, ILogger<Accounts> logger)
{
    public const string SessionPrefix = "nvs_";
    public const string RefreshPrefix = "nvr_";

    private static readonly PasswordHasher<object> Hasher = new();

    // Verified against when the e-mail is unknown, so that an unknown address takes as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(new object(), Guid.NewGuid().ToString());

    private AuthOptions Options => options.Value;

    /// <summary>Creates an account and its own workspace (or joins the one <paramref name="invitation"/> names) and signs in.</summary>
    public async Task<(SignedIn? SignedIn, AccountProblem? Problem)> RegisterAsync(
        string? email, string? password, string? workspaceName, string? invitation, CancellationToken cancellationToken)
    {
        if ((CheckEmail(email) ?? CheckPassword(password, email) ?? CheckWorkspaceName(workspaceName)) is { } invalid)
        {
            return (null, invalid);
        }

        email = email!.Trim();
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var userId = Guid.CreateVersion7();
        var inserted = await connection.ExecuteAsync(
            "insert into navo_accounts (id, email, password_hash) values ($1, $2, $3) on conflict do nothing",
            cancellationToken, userId, email, Hasher.HashPassword(email, password!));
        if (inserted == 0)
        {
            return (null, new(StatusCodes.Status409Conflict, "The e-mail address is taken.",
                "An account with this e-mail address exists. Sign in instead, or reset its password."));
        }

        Membership membership;
        if (invitation is not null)
        {
            if (await AcceptInvitationAsync(connection, userId, invitation, cancellationToken) is not { } joined)
            {
                return (null, InvalidInvitation);
            }

            if (await Sso.SsoConnections.RequiresSsoAsync(connection, joined.TenantId, userId, cancellationToken))
            {
                return (null, new(StatusCodes.Status403Forbidden, "Sign in with SSO.",
                    "This workspace signs in with its company's identity provider only: use \"Sign in with SSO\" with your work e-mail instead of registering."));
            }

            membership = joined;
        }
        else
        {
            var tenantId = "ws_" + Guid.CreateVersion7().ToString("N");
            await connection.ExecuteAsync("insert into navo_tenants (id, name) values ($1, $2)", cancellationToken,
                tenantId, string.IsNullOrWhiteSpace(workspaceName) ? $"{email.Split('@')[0]}'s workspace" : workspaceName.Trim());
            await connection.ExecuteAsync("insert into navo_members (tenant_id, user_id, role) values ($1, $2, 'owner')", cancellationToken, tenantId, userId);
            membership = new(userId, tenantId, "owner");
        }

        await AuditLog.WriteAsync(connection, membership.TenantId, AuditRecord.ByUser(userId, "auth.registered"), cancellationToken);
        var signedIn = await IssueAsync(connection, membership, family: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (signedIn, null);
    }

    /// <summary>
    /// Signs in to <paramref name="workspace"/>, or to the user's first workspace (their own first). Wrong passwords
    /// count towards a lockout; an unknown address costs the same time as a wrong password and says the same thing.
    /// </summary>
    public async Task<(SignedIn? SignedIn, AccountProblem? Problem)> SignInAsync(
        string? email, string? password, string? workspace, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 320 || password.Length > 256
            || TextChecks.HasHiddenCharacters(email) || password.Contains('\0', StringComparison.Ordinal))
        {
            return (null, WrongCredentials);
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var account = await connection.SingleOrDefaultAsync(
            "select id, password_hash, failed_logins, locked_until from navo_accounts where lower(email) = lower($1) for update",
            r => (Id: r.GetGuid(0), Hash: r.GetString(1), Failed: r.GetInt32(2), LockedUntil: r.IsDBNull(3) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(3)),
            cancellationToken, email.Trim());
        if (account == default)
        {
            Hasher.VerifyHashedPassword(new object(), DecoyHash, password);
            LogUnknownSignIn();
            return (null, WrongCredentials);
        }

        if (account.LockedUntil is { } until && until > DateTimeOffset.UtcNow)
        {
            await AuditLog.WriteToEveryWorkspaceOfAsync(connection, account.Id, AuditRecord.ByUser(account.Id, "auth.sign_in", null, "denied", new { reason = "locked" }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (null, Locked(until - DateTimeOffset.UtcNow));
        }

        var verdict = Hasher.VerifyHashedPassword(email, account.Hash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var locks = account.Failed + 1 >= Options.MaxFailedSignIns;
            await connection.ExecuteAsync(
                "update navo_accounts set failed_logins = $2, locked_until = $3 where id = $1", cancellationToken,
                account.Id, locks ? 0 : account.Failed + 1, locks ? DateTimeOffset.UtcNow.AddMinutes(Options.LockoutMinutes) : null);
            await AuditLog.WriteToEveryWorkspaceOfAsync(connection, account.Id, AuditRecord.ByUser(account.Id, "auth.sign_in", null, "failed", locks ? new { reason = "locked" } : null), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (null, locks ? Locked(TimeSpan.FromMinutes(Options.LockoutMinutes)) : WrongCredentials);
        }

        await connection.ExecuteAsync(
            "update navo_accounts set failed_logins = 0, locked_until = null, password_hash = coalesce($2, password_hash) where id = $1",
            cancellationToken, account.Id, verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(email, password) : null);
        var membership = await connection.SingleOrDefaultAsync(
            """
            select tenant_id, role from navo_members where user_id = $1 and ($2::text is null or tenant_id = $2)
            order by role = 'owner' desc, created_at limit 1
            """,
            r => new Membership(account.Id, r.GetString(0), r.GetString(1)), cancellationToken, account.Id, workspace);
        if (membership is null)
        {
            await transaction.CommitAsync(cancellationToken);
            return (null, new(StatusCodes.Status403Forbidden, "No workspace.", workspace is null
                ? "This account belongs to no workspace any more. Ask for an invitation, or register again."
                : "This account is not a member of that workspace."));
        }

        if (await Sso.SsoConnections.RequiresSsoAsync(connection, membership.TenantId, account.Id, cancellationToken))
        {
            await AuditLog.WriteAsync(connection, membership.TenantId,
                AuditRecord.ByUser(account.Id, "auth.sign_in", null, "denied", new { reason = "the workspace requires single sign-on" }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (null, new(StatusCodes.Status403Forbidden, "Sign in with SSO.",
                "This workspace signs in with its company's identity provider only. Use \"Sign in with SSO\" with your work e-mail."));
        }

        await AuditLog.WriteAsync(connection, membership.TenantId, AuditRecord.ByUser(account.Id, "auth.sign_in"), cancellationToken);
        var signedIn = await IssueAsync(connection, membership, family: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (signedIn, null);
    }

    /// <summary>Whether <paramref name="password"/> is the account's (for confirming what cannot be undone).</summary>
    public async Task<bool> CheckPasswordAsync(Guid userId, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(password) || password.Length > 256)
        {
            return false;
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var account = await connection.SingleOrDefaultAsync(
            "select email, password_hash from navo_accounts where id = $1", r => (Email: r.GetString(0), Hash: r.GetString(1)), cancellationToken, userId);
        return account != default && Hasher.VerifyHashedPassword(account.Email, account.Hash, password) != PasswordVerificationResult.Failed;
    }

    /// <summary>The user's role in the workspace, or null when they are not (or no longer) a member.</summary>
    public async Task<Membership?> MembershipAsync(Guid userId, string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await MembershipAsync(connection, userId, tenantId, cancellationToken);
    }

    private static Task<Membership?> MembershipAsync(NpgsqlConnection connection, Guid userId, string tenantId, CancellationToken cancellationToken) =>
        connection.SingleOrDefaultAsync(
            "select role from navo_members where tenant_id = $1 and user_id = $2",
            r => (Membership?)new Membership(userId, tenantId, r.GetString(0)), cancellationToken, tenantId, userId);

    /// <summary>An access token, a refresh token (continuing <paramref name="family"/> when rotating) and a session.</summary>
    private async Task<SignedIn> IssueAsync(NpgsqlConnection connection, Membership membership, Guid? family, CancellationToken cancellationToken)
    {
        var (refresh, refreshHash) = Secrets.New(RefreshPrefix);
        await connection.ExecuteAsync(
            "insert into navo_tokens (hash, kind, user_id, tenant_id, family, expires_at) values ($1, 'refresh', $2, $3, $4, $5)",
            cancellationToken, refreshHash, membership.UserId, membership.TenantId, family ?? Guid.CreateVersion7(),
            DateTimeOffset.UtcNow.AddDays(Options.RefreshTokenDays));
        var (session, sessionHash) = Secrets.New(SessionPrefix);
        await connection.ExecuteAsync(
            "insert into navo_tokens (hash, kind, user_id, tenant_id, expires_at) values ($1, 'session', $2, $3, $4)",
            cancellationToken, sessionHash, membership.UserId, membership.TenantId, DateTimeOffset.UtcNow.AddDays(Options.SessionDays));
        return new(membership.UserId, membership.TenantId, membership.Role,
            accessTokens.Issue(membership.UserId, membership.TenantId, membership.Role), refresh, accessTokens.ExpiresInSeconds, session);
    }

    private static readonly AccountProblem WrongCredentials =
        new(StatusCodes.Status401Unauthorized, "Sign-in failed.", "The e-mail address or the password is wrong.");

    private static readonly AccountProblem InvalidInvitation =
        new(StatusCodes.Status400BadRequest, "The invitation is not valid.", "The invitation link is wrong, used or expired. Ask for a new one.");

    private static AccountProblem Locked(TimeSpan left) =>
        new(StatusCodes.Status429TooManyRequests, "Too many failed sign-ins.",
            $"The account is locked after too many wrong passwords. Try again in {Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))} minutes, or reset the password.",
            left);

    /// <summary>Why <paramref name="email"/> is not an e-mail address, or null.</summary>
    public static AccountProblem? CheckEmail(string? email)
    {
        var trimmed = email?.Trim();
        return trimmed is { Length: > 0 and <= 320 } && !TextChecks.HasHiddenCharacters(trimmed) && MailAddress.TryCreate(trimmed, out var parsed)
            && parsed.Address == trimmed && parsed.Host.Contains('.', StringComparison.Ordinal)
                ? null
                : new(StatusCodes.Status400BadRequest, "The e-mail address is not valid.", "Give an e-mail address such as rosa@example.com.");
    }

    private static AccountProblem? CheckPassword(string? password, string? email) => password switch
    {
        null or { Length: < 8 } => new(StatusCodes.Status400BadRequest, "The password is too short.", "Choose a password of at least 8 characters."),
        { Length: > 256 } => new(StatusCodes.Status400BadRequest, "The password is too long.", "A password can be at most 256 characters."),
        _ when string.Equals(password, email?.Trim(), StringComparison.OrdinalIgnoreCase) =>
            new(StatusCodes.Status400BadRequest, "The password is too easy.", "The password cannot be your e-mail address."),
        _ => null,
    };

    private static AccountProblem? CheckWorkspaceName(string? name) =>
        name is null || (name.Trim().Length is > 0 and <= 100 && !TextChecks.HasHiddenCharacters(name))
            ? null
            : new(StatusCodes.Status400BadRequest, "The workspace name is not valid.", "A workspace name is 1 to 100 characters, without control or text-direction characters.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in for an unknown e-mail address")]
    private partial void LogUnknownSignIn();
}
