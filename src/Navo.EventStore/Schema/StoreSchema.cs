using Microsoft.Extensions.Logging;

namespace Navo.EventStore.Schema;

/// <summary>
/// The store's schema in three parts: Marten's tables, created and updated by Weasel from the store's configuration;
/// Navo's own tables, from the embedded SQL migrations; and row-level security on every tenant table, Marten's
/// included (Marten's own <c>UseRowLevelSecurity</c> covers only its document tables and switches no role).
/// </summary>
internal sealed partial class StoreSchema(PostgresEventStore store, ILogger<StoreSchema> logger)
{
    /// <summary>The command an operator runs to bring a database up to date (docs/operations.md).</summary>
    public const string MigrateCommand = "dotnet Navo.Host.dll migrate";

    private const long LockKey = 0x4E41564F_00000001; // "NAVO", 1

    /// <summary>Creates the role <c>navo_tenant</c> when the cluster has none (a restore needs it too).</summary>
    internal static readonly string TenantRole = ReadSql("tenant_role.sql");

    private static readonly string TenantPolicies = ReadSql("tenant_policies.sql");

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        // Hosts starting together take turns; each finds the work of the one before it done.
        await connection.ExecuteAsync("select pg_advisory_lock($1)", cancellationToken, LockKey);
        try
        {
            await store.Marten.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            // The role the policies and Navo's grants name, then the policies on Marten's tables.
            await connection.ExecuteAsync(TenantRole, cancellationToken);
            await connection.ExecuteAsync(TenantPolicies, cancellationToken);
            await SchemaMigrator.ApplyAsync(connection, store.Options.Migrations, logger, cancellationToken);
            LogApplied();
        }
        finally
        {
            await connection.ExecuteAsync("select pg_advisory_unlock($1)", CancellationToken.None, LockKey);
        }
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        try
        {
            await store.Marten.Storage.Database.AssertDatabaseMatchesConfigurationAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            problems.Add("Marten's tables differ from this version's configuration (" + string.Join(" ", ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) + ")");
        }

        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        var pending = await SchemaMigrator.PendingAsync(connection, store.Options.Migrations, cancellationToken);
        if (pending.Count > 0)
        {
            problems.Add("migrations not applied: " + string.Join(", ", pending.Select(m => m.Id)));
        }

        var unprotected = await connection.ListAsync(
            """
            select c.relname from pg_class c
              join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
              join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
             where c.relkind in ('r', 'p') and c.relname like 'mt\_%' and not c.relrowsecurity
             order by 1
            """,
            r => r.GetString(0), cancellationToken);
        if (unprotected.Count > 0)
        {
            problems.Add("Marten tables without row-level security: " + string.Join(", ", unprotected));
        }

        if (problems.Count > 0)
        {
            throw new SchemaOutOfDateException(
                $"The database schema needs changes this host will not make in Production: {string.Join("; ", problems)}. " +
                $"Apply them with '{MigrateCommand}' (same configuration as the host), then start the host again.");
        }
    }

    private static string ReadSql(string fileName)
    {
        var assembly = typeof(StoreSchema).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The store's schema is up to date")]
    private partial void LogApplied();
}
