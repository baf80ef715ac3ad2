using Navo.Host.Audit;
using Navo.EventStore;
using Npgsql;

namespace Navo.Host.Identity;

/// <summary>A member as the owner sees them.</summary>
public sealed record MemberView(Guid UserId, string Email, string Role, DateTimeOffset Since);

/// <summary>A workspace the user belongs to.</summary>
public sealed record WorkspaceView(string Id, string Name, string Role);

/// <summary>The signed-in user: who, where now, and every workspace they can switch to.</summary>
public sealed record MeView(Guid UserId, string Email, WorkspaceView Workspace, IReadOnlyList<WorkspaceView> Workspaces);

/// <summary>An invitation link's token, shown once.</summary>
public sealed record Invitation(string Token, string Role, DateTimeOffset ExpiresAt);

/// <summary>Invitations and members: who belongs to a workspace, and with which role.</summary>
public sealed partial class Accounts
{
    public const string InvitationPrefix = "nvi_";

    public static readonly IReadOnlyList<string> Roles = ["owner", "editor", "viewer"];

    /// <summary>A single-use link that lets its holder join the owner's workspace with <paramref name="role"/>.</summary>
    public async Task<(Invitation? Invitation, AccountProblem? Problem)> InviteAsync(Membership owner, string? role, CancellationToken cancellationToken)
    {
        if (role is null || !Roles.Contains(role))
        {
            return (null, new(StatusCodes.Status400BadRequest, "The role is not valid.", "The role is owner, editor or viewer."));
        }

        var (token, hash) = Secrets.New(InvitationPrefix);
        var expires = DateTimeOffset.UtcNow.AddDays(Options.InvitationDays);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "insert into navo_tokens (hash, kind, tenant_id, role, created_by, expires_at) values ($1, 'invite', $2, $3, $4, $5)",
            cancellationToken, hash, owner.TenantId, role, owner.UserId, expires);
        await AuditLog.WriteAsync(connection, owner.TenantId, AuditRecord.ByUser(owner.UserId, "member.invited", null, "ok", new { role }), cancellationToken);
        return (new Invitation(token, role, expires), null);
    }

    /// <summary>Joins the signed-in user to the invitation's workspace (a member already keeps their role).</summary>
    public async Task<Membership?> AcceptInvitationAsync(Guid userId, string? invitation, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var joined = await AcceptInvitationAsync(connection, userId, invitation, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return joined;
    }

    private static async Task<Membership?> AcceptInvitationAsync(NpgsqlConnection connection, Guid userId, string? invitation, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLike(invitation, InvitationPrefix))
        {
            return null;
        }

        var invite = await connection.SingleOrDefaultAsync(
            """
            update navo_tokens set used_at = now(), user_id = $2
            where hash = $1 and kind = 'invite' and used_at is null and revoked_at is null and expires_at > now()
            returning tenant_id, role
            """,
            r => (TenantId: r.GetString(0), Role: r.GetString(1)), cancellationToken, Secrets.Hash(invitation!), userId);
        if (invite == default)
        {
            return null;
        }

        await connection.ExecuteAsync(
            "insert into navo_members (tenant_id, user_id, role) values ($1, $2, $3) on conflict do nothing",
            cancellationToken, invite.TenantId, userId, invite.Role);
        await AuditLog.WriteAsync(connection, invite.TenantId, AuditRecord.ByUser(userId, "member.joined", null, "ok", new { role = invite.Role }), cancellationToken);
        return await MembershipAsync(connection, userId, invite.TenantId, cancellationToken);
    }

    public async Task<MeView?> MeAsync(Membership member, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var email = await connection.SingleOrDefaultAsync("select email from navo_accounts where id = $1", r => r.GetString(0), cancellationToken, member.UserId);
        var workspaces = await connection.ListAsync(
            "select t.id, t.name, m.role from navo_members m join navo_tenants t on t.id = m.tenant_id where m.user_id = $1 order by m.created_at",
            r => new WorkspaceView(r.GetString(0), r.GetString(1), r.GetString(2)), cancellationToken, member.UserId);
        return email is null || workspaces.FirstOrDefault(w => w.Id == member.TenantId) is not { } current
            ? null
            : new MeView(member.UserId, email, current, workspaces);
    }

    public async Task<IReadOnlyList<MemberView>> MembersAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ListAsync(
            """
            select m.user_id, a.email, m.role, m.created_at from navo_members m join navo_accounts a on a.id = m.user_id
            where m.tenant_id = $1 order by m.created_at
            """,
            r => new MemberView(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3)), cancellationToken, tenantId);
    }

    /// <summary>
    /// Gives a member another role (<paramref name="role"/>) or removes them (null). The last owner stays: a
    /// workspace always has one. A removed member's sessions and refresh tokens for the workspace end at once.
    /// </summary>
    public async Task<AccountProblem?> ChangeMemberAsync(Membership owner, Guid userId, string? role, CancellationToken cancellationToken)
    {
        if (role is not null && !Roles.Contains(role))
        {
            return new(StatusCodes.Status400BadRequest, "The role is not valid.", "The role is owner, editor or viewer.");
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var owners = await connection.ListAsync(
            "select user_id, role from navo_members where tenant_id = $1 for update",
            r => (UserId: r.GetGuid(0), Role: r.GetString(1)), cancellationToken, owner.TenantId);
        var member = owners.FirstOrDefault(m => m.UserId == userId);
        if (member == default)
        {
            return new(StatusCodes.Status404NotFound, "Member not found.", "There is no such member in this workspace.");
        }

        if (member.Role == "owner" && role != "owner" && owners.Count(m => m.Role == "owner") == 1)
        {
            return new(StatusCodes.Status409Conflict, "The workspace needs an owner.",
                "This is the workspace's only owner. Make someone else an owner first, or delete the workspace.");
        }

        if (role is null)
        {
            await connection.ExecuteAsync("delete from navo_members where tenant_id = $1 and user_id = $2", cancellationToken, owner.TenantId, userId);
            await connection.ExecuteAsync(
                "update navo_tokens set revoked_at = now() where tenant_id = $1 and user_id = $2 and kind in ('session', 'refresh') and revoked_at is null",
                cancellationToken, owner.TenantId, userId);
            // The assistants they connected lose their grants too: being invited back later does not bring them back.
            await OAuth.AssistantGrants.RevokeAllOfAsync(connection, userId, cancellationToken);
        }
        else
        {
            await connection.ExecuteAsync("update navo_members set role = $3 where tenant_id = $1 and user_id = $2", cancellationToken, owner.TenantId, userId, role);
        }

        await AuditLog.WriteAsync(connection, owner.TenantId, AuditRecord.ByUser(owner.UserId, role is null ? "member.removed" : "member.role_changed",
            userId.ToString(), "ok", new { from = member.Role, to = role }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
