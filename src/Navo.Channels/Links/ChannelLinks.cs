using System.Security.Cryptography;
using System.Text;
using Navo.EventStore;
using Npgsql;

namespace Navo.Channels.Links;

/// <summary>
/// Someone in a channel, as a link token names them: the channel (<c>slack</c>, <c>teams</c>), the place they belong
/// to there (a Slack team, a Microsoft Entra tenant) and their id in it.
/// </summary>
public sealed record ChannelIdentity(string Channel, string Scope, string User);

/// <summary>
/// What a channel does when a member confirms a link: records that the identity acts as that member, inside the
/// transaction that spends the token. Each channel registers one; the link flow itself knows no channel.
/// </summary>
public interface IChannelLinker
{
    /// <summary>The channel this linker records links for, as link tokens name it.</summary>
    string Channel { get; }

    /// <summary>
    /// Records the link; false when the channel refuses it (the token named no workspace and the member may not
    /// connect one, say), and then nothing is written and the token stays unspent.
    /// </summary>
    /// <remarks><paramref name="tokenTenantId"/> is the workspace the token was made for, or null when the identity's place is connected to none yet.</remarks>
    Task<bool> LinkAsync(NpgsqlConnection connection, ChannelIdentity identity, string? tokenTenantId, TenantContext member, CancellationToken cancellationToken);
}

/// <summary>
/// Single-use link tokens for every channel (<c>navo_channel_link_tokens</c>, stored as SHA-256 hashes, valid
/// <see cref="Lifetime"/>): a channel gives one to someone Navo does not know, they open <c>/link/{channel}?token=…</c>,
/// sign in and confirm, and the channel's <see cref="IChannelLinker"/> records who they are.
/// </summary>
public sealed class ChannelLinks(PostgresEventStore store, IEnumerable<IChannelLinker> linkers, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private const string Prefix = "nlk_";

    /// <summary>A fresh token for <paramref name="identity"/>; <paramref name="tenantId"/> is the workspace it may join, or null when the channel leaves that to the member who confirms.</summary>
    public async Task<string> NewTokenAsync(ChannelIdentity identity, string? tenantId, CancellationToken cancellationToken)
    {
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "insert into navo_channel_link_tokens (hash, channel, tenant_id, scope, external_user, expires_at) values ($1, $2, $3, $4, $5, $6)",
            cancellationToken, Hash(token), identity.Channel, tenantId, identity.Scope, identity.User, time.GetUtcNow() + Lifetime);
        return token;
    }

    /// <summary>
    /// Spends the token and links its identity to <paramref name="member"/>; false when the token is unknown, spent,
    /// expired, another workspace's, or its channel refuses.
    /// </summary>
    public async Task<bool> RedeemAsync(string? token, TenantContext member, CancellationToken cancellationToken)
    {
        if (!LooksLike(token))
        {
            return false;
        }

        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.SingleOrDefaultAsync(
            """
            update navo_channel_link_tokens set used_at = $3
            where hash = $1 and (tenant_id = $2 or tenant_id is null) and used_at is null and expires_at > $3
            returning channel, tenant_id, scope, external_user
            """,
            r => (Identity: new ChannelIdentity(r.GetString(0), r.GetString(2), r.GetString(3)), Tenant: r.IsDBNull(1) ? null : r.GetString(1)),
            cancellationToken, Hash(token!), member.TenantId, time.GetUtcNow());
        if (row.Identity is null || linkers.FirstOrDefault(l => l.Channel == row.Identity.Channel) is not { } linker
            || !await linker.LinkAsync(connection, row.Identity, row.Tenant, member, cancellationToken))
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static bool LooksLike(string? token) =>
        token is { Length: > 40 and < 100 } && token.StartsWith(Prefix, StringComparison.Ordinal)
        && token.AsSpan(Prefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
