using Navo.EventStore;
using Navo.Host.Audit;
using Navo.Host.Database;
using Navo.Host.Identity;
using Navo.Tools.Publish;
using Npgsql;

namespace Navo.Host.DataRights;

/// <summary>
/// Deleting a workspace (every row of every table that carries its <c>tenant_id</c>, its streams, its audit log, the
/// published files no other workspace refers to, and the accounts that belonged to it alone) and deleting a user
/// (the account, its memberships, credentials and API keys; its id in events replaced by <see cref="DeletedUser"/>).
/// Its images go with it: the copies in its libraries and those published with its sites, unless another workspace
/// holds the same image.
/// </summary>
public sealed partial class Erasure(NavoDatabase database, ISiteStorage storage, ILogger<Erasure> logger)
{
    /// <summary>The actor id that stands in events for a user who deleted their account.</summary>
    public static readonly Guid DeletedUser = Guid.Empty;

    /// <summary>Deletes the workspace and everything in it; the caller has checked that an owner confirmed it.</summary>
    public async Task DeleteWorkspaceAsync(string tenantId, Guid by, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var files = WorkspaceExport.PublishedFiles(await connection.ListAsync(
            "select type, data::text from mt_events where tenant_id = $1 and type in ('site_published', 'publish_rolled_back', 'experiment_started')",
            r => (r.GetString(0), r.GetString(1)), cancellationToken, tenantId)).Keys.ToHashSet(StringComparer.Ordinal);
        files.UnionWith(await connection.ListAsync(
            "select v ->> 'key' from navo_assets a, jsonb_array_elements(a.variants) v where a.tenant_id = $1",
            r => r.GetString(0), cancellationToken, tenantId));
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            // The audit log refuses deletes unless the transaction names the workspace being erased.
            await connection.ExecuteAsync("select set_config('navo.erasing_tenant', $1, true)", cancellationToken, tenantId);
            var alone = await connection.ListAsync(
                "select user_id from navo_members m where tenant_id = $1 and not exists (select from navo_members o where o.user_id = m.user_id and o.tenant_id <> $1)",
                r => r.GetGuid(0), cancellationToken, tenantId);
            foreach (var table in await TenantTablesAsync(connection, cancellationToken))
            {
                await connection.ExecuteAsync($"delete from {table} where tenant_id = $1", cancellationToken, tenantId);
            }

            await connection.ExecuteAsync("delete from navo_tenants where id = $1", cancellationToken, tenantId);
            await connection.ExecuteAsync("delete from navo_oauth_authorizations where subject = any($1::text[])", cancellationToken, alone.ToArray());
            await connection.ExecuteAsync("delete from navo_oauth_tokens where subject = any($1::text[])", cancellationToken, alone.ToArray());
            await connection.ExecuteAsync("delete from navo_accounts where id = any($1)", cancellationToken, alone.ToArray());
            await transaction.CommitAsync(cancellationToken);
        }

        // After the commit: a crash here leaves files no one refers to, never a site without its pages.
        foreach (var key in files)
        {
            var shared = await connection.SingleOrDefaultAsync("select navo_file_in_use($1)", r => r.GetBoolean(0), cancellationToken, key);
            if (!shared)
            {
                await storage.DeleteAsync(key, cancellationToken);
            }
        }

        LogWorkspaceDeleted(tenantId, by, files.Count);
    }

    /// <summary>
    /// Deletes an account. Refused (with the sentence to show) while the user is the last owner of a workspace: the
    /// workspace must be handed over or deleted first.
    /// </summary>
    public async Task<AccountProblem?> DeleteUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var lastOwnerOf = await connection.ListAsync(
            """
            select t.name from navo_members m join navo_tenants t on t.id = m.tenant_id
            where m.user_id = $1 and m.role = 'owner'
              and not exists (select from navo_members o where o.tenant_id = m.tenant_id and o.role = 'owner' and o.user_id <> $1)
            """,
            r => r.GetString(0), cancellationToken, userId);
        if (lastOwnerOf.Count > 0)
        {
            return new(StatusCodes.Status409Conflict, "You own a workspace.",
                $"You are the only owner of {string.Join(", ", lastOwnerOf.Select(n => $"\"{n}\""))}. Make someone else its owner, or delete it, first.");
        }

        // The workspaces the user leaves keep a line saying so (by id, which from now on points at no one).
        await AuditLog.WriteToEveryWorkspaceOfAsync(connection, userId, AuditRecord.ByUser(userId, "account.deleted"), cancellationToken);

        // Events keep what happened, not who: the actor becomes "a deleted user" everywhere it appears.
        await connection.ExecuteAsync(
            """
            update mt_events set data = jsonb_set(data, '{by,userId}', to_jsonb($2::text))
            where data -> 'by' ->> 'userId' = $1::text
            """,
            cancellationToken, userId, DeletedUser);
        await connection.ExecuteAsync("update navo_conversations set user_id = $2 where user_id = $1", cancellationToken, userId, DeletedUser);
        await connection.ExecuteAsync("delete from navo_api_keys where created_by = $1", cancellationToken, userId);
        await connection.ExecuteAsync("delete from navo_tokens where user_id = $1 or created_by = $1", cancellationToken, userId);
        // What the user let assistants do (OpenIddict's grants and tokens name them by id as text).
        await connection.ExecuteAsync("delete from navo_oauth_authorizations where subject = $1::text", cancellationToken, userId);
        await connection.ExecuteAsync("delete from navo_oauth_tokens where subject = $1::text", cancellationToken, userId);
        await connection.ExecuteAsync("delete from navo_accounts where id = $1", cancellationToken, userId);
        await transaction.CommitAsync(cancellationToken);
        LogUserDeleted(userId);
        return null;
    }

    /// <summary>Every table with a <c>tenant_id</c> column but the workspaces themselves: events before their streams.</summary>
    private static async Task<IReadOnlyList<string>> TenantTablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await connection.ListAsync(
            """
            select quote_ident(c.table_name) from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
            where c.table_schema = current_schema() and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
            order by c.table_name = 'mt_streams', c.table_name
            """,
            r => r.GetString(0), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workspace {TenantId} deleted by {UserId}; {Files} published files checked")]
    private partial void LogWorkspaceDeleted(string tenantId, Guid userId, int files);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} deleted; its events now name a deleted user")]
    private partial void LogUserDeleted(Guid userId);
}
