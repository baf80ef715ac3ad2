using Navo.EventStore;
using Npgsql;

namespace Navo.Channels.Teams;

/// <summary>A Teams user linked to a Navo member, with the member's current role.</summary>
public sealed record TeamsMember(string TenantId, Guid UserId, string Role)
{
    public TenantContext Tenant => new(TenantId, UserId, [Role]);
}

/// <summary>
/// A Teams conversation Navo talks in: where to reach it (the service URL a validated token named, the bot's id
/// there) and the Navo conversation it is.
/// </summary>
public sealed record TeamsConversation(string AadTenantId, string Id, string TenantId, Guid ConversationId, TrustedServiceUrl ServiceUrl, string BotId);

/// <summary>
/// Teams' tables (<c>Sql/0002_teams.sql</c>) on the host's own connection: organisations connected to workspaces,
/// links between Teams users and members, conversations with their references, and the replies posted for queued items.
/// </summary>
public sealed class TeamsStore(PostgresEventStore store)
{
    private NpgsqlDataSource Data => store.DataSource;

    /// <summary>The workspace a Teams organisation is connected to, or null when none is yet.</summary>
    public async Task<string?> InstallationAsync(string aadTenantId, CancellationToken cancellationToken)
    {
        await using var connection = await Data.OpenConnectionAsync(cancellationToken);
        return await connection.ScalarAsync<string?>(
            "select tenant_id from navo_teams_installations where aad_tenant_id = $1", cancellationToken, aadTenantId);
    }

    /// <summary>The member a Teams user is linked to, with their role now; null when unlinked or no longer a member.</summary>
    public async Task<TeamsMember?> MemberAsync(string aadTenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        await using var connection = await Data.OpenConnectionAsync(cancellationToken);
        return await connection.SingleOrDefaultAsync(
            """
            select l.tenant_id, l.user_id, m.role from navo_teams_links l
            join navo_teams_installations i on i.aad_tenant_id = l.aad_tenant_id and i.tenant_id = l.tenant_id
            join navo_members m on m.tenant_id = l.tenant_id and m.user_id = l.user_id
            where l.aad_tenant_id = $1 and l.aad_object_id = $2
            """,
            r => new TeamsMember(r.GetString(0), r.GetGuid(1), r.GetString(2)), cancellationToken, aadTenantId, aadObjectId);
    }

    /// <summary>The id of the reply an earlier attempt of queued item <paramref name="queueId"/> posted, or null when none did.</summary>
    public async Task<string?> PostedReplyAsync(long queueId, CancellationToken cancellationToken)
    {
        await using var connection = await Data.OpenConnectionAsync(cancellationToken);
        return await connection.ScalarAsync<string?>("select activity_id from navo_teams_replies where queue_id = $1", cancellationToken, queueId);
    }

    /// <summary>Records the reply posted for queued item <paramref name="queueId"/>, committed at once (<c>Sql/0005_teams_replies.sql</c>).</summary>
    public async Task RecordReplyAsync(long queueId, string activityId, CancellationToken cancellationToken)
    {
        await using var connection = await Data.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "insert into navo_teams_replies (queue_id, activity_id) values ($1, $2) on conflict (queue_id) do update set activity_id = excluded.activity_id",
            cancellationToken, queueId, activityId);
    }

    /// <summary>
    /// Connects the organisation to <paramref name="tenantId"/> when it is connected to none (the first link, confirmed
    /// by an owner); false when it is connected to another workspace.
    /// </summary>
    internal static async Task<bool> InstallAsync(NpgsqlConnection connection, string aadTenantId, string tenantId, Guid ownerId, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            "insert into navo_teams_installations (aad_tenant_id, tenant_id, installed_by) values ($1, $2, $3) on conflict (aad_tenant_id) do nothing",
            cancellationToken, aadTenantId, tenantId, ownerId);
        return await connection.ScalarAsync<string?>(
            "select tenant_id from navo_teams_installations where aad_tenant_id = $1", cancellationToken, aadTenantId) == tenantId;
    }

    internal static Task LinkAsync(NpgsqlConnection connection, string aadTenantId, string aadObjectId, string tenantId, Guid userId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            """
            insert into navo_teams_links (aad_tenant_id, aad_object_id, tenant_id, user_id) values ($1, $2, $3, $4)
            on conflict (aad_tenant_id, aad_object_id) do update set tenant_id = excluded.tenant_id, user_id = excluded.user_id, linked_at = now()
            """,
            cancellationToken, aadTenantId, aadObjectId, tenantId, userId);

    /// <summary>The Navo conversation a Teams conversation is, or null when it is new to Navo.</summary>
    public async Task<TeamsConversation?> ConversationAsync(string aadTenantId, string teamsConversation, CancellationToken cancellationToken)
    {
        await using var connection = await Data.OpenConnectionAsync(cancellationToken);
        return await connection.SingleOrDefaultAsync(
            """
            select tenant_id, conversation_id, service_url, bot_id from navo_teams_conversations
            where aad_tenant_id = $1 and teams_conversation = $2
            """,
            r => new TeamsConversation(aadTenantId, teamsConversation, r.GetString(0), r.GetGuid(1), new TrustedServiceUrl(r.GetString(2)), r.GetString(3)),
            cancellationToken, aadTenantId, teamsConversation);
    }

    /// <summary>
    /// Records the conversation (the first one recorded wins, and is returned) and keeps its reference current: the
    /// service URL of the latest validated activity, the bot's id.
    /// </summary>
    public async Task<TeamsConversation> SaveConversationAsync(
        string aadTenantId, string teamsConversation, string tenantId, Guid conversationId, TrustedServiceUrl serviceUrl, string botId, string? type,
        CancellationToken cancellationToken)
    {
        await using var connection = await Data.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            insert into navo_teams_conversations (aad_tenant_id, teams_conversation, tenant_id, conversation_id, service_url, bot_id, conversation_type)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (aad_tenant_id, teams_conversation) do update set service_url = excluded.service_url, bot_id = excluded.bot_id, removed_at = null
            """,
            cancellationToken, aadTenantId, teamsConversation, tenantId, conversationId, serviceUrl.Value, botId, type);
        return (await ConversationAsync(aadTenantId, teamsConversation, cancellationToken))!;
    }

    /// <summary>A conversation the daily suggestions may reach: its reference, and the last daily post sent there.</summary>
    public sealed record DailyTarget(string AadTenantId, string Id, string TenantId, Guid ConversationId, TrustedServiceUrl ServiceUrl, string? LastDaily);

    /// <summary>The conversations Navo is still in whose people have not turned the daily suggestions off.</summary>
    internal static Task<List<DailyTarget>> DailyTargetsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        connection.ListAsync(
            """
            select aad_tenant_id, teams_conversation, tenant_id, conversation_id, service_url, last_daily from navo_teams_conversations
            where removed_at is null and not daily_off order by tenant_id, conversation_id
            """,
            r => new DailyTarget(r.GetString(0), r.GetString(1), r.GetString(2), r.GetGuid(3), new TrustedServiceUrl(r.GetString(4)), r.IsDBNull(5) ? null : r.GetString(5)),
            cancellationToken);

    internal static Task DailySentAsync(NpgsqlConnection connection, DailyTarget target, string messageId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            "update navo_teams_conversations set last_daily = $3 where aad_tenant_id = $1 and teams_conversation = $2",
            cancellationToken, target.AadTenantId, target.Id, messageId);

    /// <summary>Turns the daily suggestions off (or on again) for one conversation.</summary>
    public async Task SetDailyOffAsync(string aadTenantId, string teamsConversation, bool off, CancellationToken cancellationToken)
    {
        await using var connection = await Data.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "update navo_teams_conversations set daily_off = $3 where aad_tenant_id = $1 and teams_conversation = $2",
            cancellationToken, aadTenantId, teamsConversation, off);
    }

    /// <summary>Navo was removed from the conversation: no proactive message goes there until it is added again.</summary>
    public async Task RemovedAsync(string aadTenantId, string teamsConversation, CancellationToken cancellationToken)
    {
        await using var connection = await Data.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "update navo_teams_conversations set removed_at = now() where aad_tenant_id = $1 and teams_conversation = $2",
            cancellationToken, aadTenantId, teamsConversation);
    }
}
