using Navo.EventStore;
using Npgsql;

namespace Navo.Host.OAuth;

/// <summary>
/// Ends what a person let assistants do: every grant and token the authorization server issued for them is revoked, so a
/// refresh token cannot outlive a password reset or a removal from a workspace. Their assistants connect again by
/// signing in.
/// </summary>
internal static class AssistantGrants
{
    public static async Task RevokeAllOfAsync(NpgsqlConnection connection, Guid userId, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            "update navo_oauth_authorizations set status = 'revoked', concurrency_token = gen_random_uuid() where subject = $1::text and status <> 'revoked'",
            cancellationToken, userId);
        await connection.ExecuteAsync(
            "update navo_oauth_tokens set status = 'revoked', concurrency_token = gen_random_uuid() where subject = $1::text and status <> 'revoked'",
            cancellationToken, userId);
    }
}
