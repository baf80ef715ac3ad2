using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Navo.Channels.Links;
using Navo.EventStore;
using Npgsql;

namespace Navo.Channels.Slack;

/// <summary>An active installation: the Slack team, the Navo workspace it serves, the bot and its (decrypted) token.</summary>
public sealed record SlackInstallation(string TeamId, string TenantId, string BotUserId, string BotToken);

/// <summary>A Slack user linked to a Navo member, with the member's current role.</summary>
public sealed record SlackMember(string TenantId, Guid UserId, string Role)
{
    public TenantContext Tenant => new(TenantId, UserId, [Role]);
}

/// <summary>
/// Slack's tables (<c>Sql/0001_slack.sql</c>) on the host's own connection: installations (bot tokens encrypted with
/// Data Protection), links between Slack users and members, single-use install states (stored as hashes; link tokens are the channels' own, <see cref="ChannelLinks"/>), and threads.
/// </summary>
public sealed class SlackStore(PostgresEventStore store, IDataProtectionProvider protection, TimeProvider time, ChannelLinks links)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _tokens = protection.CreateProtector("Navo.Slack.BotToken");

    private NpgsqlDataSource Data => store.DataSource;

    /// <summary>A single-use <c>state</c> for an owner's install of Slack into their workspace.</summary>
    public Task<string> NewStateAsync(string tenantId, Guid userId, CancellationToken cancellationToken) =>
        NewTokenAsync("nss_", "state", tenantId, userId, null, null, StateLifetime, cancellationToken);

    /// <summary>The workspace and owner a <c>state</c> was made for; null when unknown, used or expired. Using it spends it.</summary>
    public async Task<(string TenantId, Guid UserId)?> SpendStateAsync(string? state, CancellationToken cancellationToken)
    {
        var row = await SpendAsync(state, "state", cancellationToken);
        return row is { UserId: { } user } ? (row.Value.TenantId, user) : null;
    }

    /// <summary>Stores (or renews) the installation and links the installing Slack user to the installing member.</summary>
    public async Task InstallAsync(
        string teamId, string tenantId, string? appId, string botUserId, string botToken, Guid installedBy, string? installingSlackUser, CancellationToken cancellationToken)
    {
        await using var connection = await Data.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A team installed for another workspace before is moved only by a new install, whose links start afresh.
        await connection.ExecuteAsync(
            "delete from navo_slack_links where team_id = $1 and tenant_id <> $2", cancellationToken, teamId, tenantId);
        await connection.ExecuteAsync(
            """
            insert into navo_slack_installations (team_id, tenant_id, app_id, bot_user_id, bot_token, installed_by)
            values ($1, $2, $3, $4, $5, $6)
            on conflict (team_id) do update set tenant_id = excluded.tenant_id, app_id = excluded.app_id, bot_user_id = excluded.bot_user_id,
                bot_token = excluded.bot_token, installed_by = excluded.installed_by, installed_at = now(), ended_at = null, ended_reason = null
            """,
            cancellationToken, teamId, tenantId, appId, botUserId, _tokens.Protect(botToken), installedBy);
        if (installingSlackUser is not null)
        {
            await LinkAsync(connection, teamId, installingSlackUser, tenantId, installedBy, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The team's installation, or null when it has none or it has ended.</summary>
    public async Task<SlackInstallation?> InstallationAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await Data.OpenConnectionAsync(cancellationToken);
        var row = await connection.SingleOrDefaultAsync(
            "select tenant_id, bot_user_id, bot_token from navo_slack_installations where team_id = $1 and ended_at is null",
            r => (Tenant: r.GetString(0), Bot: r.GetString(1), Token: r.GetString(2)), cancellationToken, teamId);
        return row.Tenant is null ? null : new SlackInstallation(teamId, row.Tenant, row.Bot, _tokens.Unprotect(row.Token));
    }

    /// <summary>Ends the installation: nothing more is done for the team until it is installed again.</summary>
    public async Task EndAsync(string teamId, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await Data.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "update navo_slack_installations set ended_at = now(), ended_reason = $2 where team_id = $1 and ended_at is null",
            cancellationToken, teamId, reason);
    }

    /// <summary>The member a Slack user is linked to, with their role now; null when unlinked or no longer a member.</summary>
    public async Task<SlackMember?> MemberAsync(string teamId, string slackUserId, CancellationToken cancellationToken)
    {
        await using var connection = await Data.OpenConnectionAsync(cancellationToken);
        return await connection.SingleOrDefaultAsync(
            """
            select l.tenant_id, l.user_id, m.role from navo_slack_links l
            join navo_slack_installations i on i.team_id = l.team_id and i.tenant_id = l.tenant_id and i.ended_at is null
            join navo_members m on m.tenant_id = l.tenant_id and m.user_id = l.user_id
            where l.team_id = $1 and l.slack_user_id = $2
            """,
            r => new SlackMember(r.GetString(0), r.GetGuid(1), r.GetString(2)), cancellationToken, teamId, slackUserId);
    }

    /// <summary>A single-use link for a Slack user of an installed team, valid <see cref="ChannelLinks.Lifetime"/>; <see cref="SlackLinker"/> records it.</summary>
    public Task<string> NewLinkTokenAsync(string tenantId, string teamId, string slackUserId, CancellationToken cancellationToken) =>
        links.NewTokenAsync(new ChannelIdentity(SlackLinker.ChannelName, teamId, slackUserId), tenantId, cancellationToken);

    /// <summary>The conversation a Slack thread is, or null when the thread is new to Navo.</summary>
    public async Task<(Guid ConversationId, bool Assistant)?> ThreadAsync(string teamId, string channelId, string threadTs, CancellationToken cancellationToken)
    {
        await using var connection = await Data.OpenConnectionAsync(cancellationToken);
        var row = await connection.SingleOrDefaultAsync(
            "select conversation_id, assistant from navo_slack_threads where team_id = $1 and channel_id = $2 and thread_ts = $3",
            r => (Id: r.GetGuid(0), Assistant: r.GetBoolean(1)), cancellationToken, teamId, channelId, threadTs);
        return row.Id == Guid.Empty ? null : row;
    }

    /// <summary>Records the thread's conversation; the first one recorded wins, and is returned.</summary>
    public async Task<Guid> SaveThreadAsync(
        string teamId, string channelId, string threadTs, string tenantId, Guid conversationId, bool assistant, CancellationToken cancellationToken)
    {
        await using var connection = await Data.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            insert into navo_slack_threads (team_id, channel_id, thread_ts, tenant_id, conversation_id, assistant) values ($1, $2, $3, $4, $5, $6)
            on conflict (team_id, channel_id, thread_ts) do nothing
            """,
            cancellationToken, teamId, channelId, threadTs, tenantId, conversationId, assistant);
        return await connection.ScalarAsync<Guid>(
            "select conversation_id from navo_slack_threads where team_id = $1 and channel_id = $2 and thread_ts = $3",
            cancellationToken, teamId, channelId, threadTs);
    }

    internal static Task LinkAsync(NpgsqlConnection connection, string teamId, string slackUserId, string tenantId, Guid userId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            """
            insert into navo_slack_links (team_id, slack_user_id, tenant_id, user_id) values ($1, $2, $3, $4)
            on conflict (team_id, slack_user_id) do update set tenant_id = excluded.tenant_id, user_id = excluded.user_id, linked_at = now()
            """,
            cancellationToken, teamId, slackUserId, tenantId, userId);

    private async Task<string> NewTokenAsync(
        string prefix, string kind, string tenantId, Guid? userId, string? teamId, string? slackUserId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var token = prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var connection = await Data.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "insert into navo_slack_tokens (hash, kind, tenant_id, user_id, team_id, slack_user_id, expires_at) values ($1, $2, $3, $4, $5, $6, $7)",
            cancellationToken, Hash(token), kind, tenantId, userId, teamId, slackUserId, time.GetUtcNow() + lifetime);
        return token;
    }

    private async Task<(string TenantId, Guid? UserId)?> SpendAsync(string? token, string kind, CancellationToken cancellationToken)
    {
        if (!LooksLike(token, "nss_"))
        {
            return null;
        }

        await using var connection = await Data.OpenConnectionAsync(cancellationToken);
        var row = await connection.SingleOrDefaultAsync(
            "update navo_slack_tokens set used_at = $3 where hash = $1 and kind = $2 and used_at is null and expires_at > $3 returning tenant_id, user_id",
            r => (Tenant: r.GetString(0), User: r.IsDBNull(1) ? (Guid?)null : r.GetGuid(1)), cancellationToken, Hash(token!), kind, time.GetUtcNow());
        return row.Tenant is null ? null : row;
    }

    private static bool LooksLike(string? token, string prefix) =>
        token is { Length: > 40 and < 100 } && token.StartsWith(prefix, StringComparison.Ordinal)
        && token.AsSpan(prefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
