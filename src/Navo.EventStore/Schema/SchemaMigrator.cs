using Microsoft.Extensions.Logging;
using Npgsql;

namespace Navo.EventStore.Schema;

/// <summary>
/// Applies Navo's own migrations (its read tables and their policies), each once per database and recorded in
/// <c>navo_schema_migrations</c>, each in its own transaction with its record. The caller holds the schema lock.
/// </summary>
internal static partial class SchemaMigrator
{
    private const string CreateRecordTable = """
        create table if not exists navo_schema_migrations (
            id text primary key,
            applied_at timestamptz not null default now())
        """;

    /// <summary>Applies the migrations not yet recorded, in order.</summary>
    public static async Task ApplyAsync(NpgsqlConnection connection, IEnumerable<SchemaMigration> migrations, ILogger logger, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(CreateRecordTable, cancellationToken);
        var applied = await AppliedAsync(connection, cancellationToken);
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Id)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(migration.Sql, cancellationToken);
            await connection.ExecuteAsync("insert into navo_schema_migrations (id) values ($1)", cancellationToken, migration.Id);
            await transaction.CommitAsync(cancellationToken);
            LogApplied(logger, migration.Id);
        }
    }

    /// <summary>The migrations not yet recorded in the database.</summary>
    public static async Task<IReadOnlyList<SchemaMigration>> PendingAsync(NpgsqlConnection connection, IEnumerable<SchemaMigration> migrations, CancellationToken cancellationToken)
    {
        var exists = await connection.ScalarAsync<bool>("select to_regclass('navo_schema_migrations') is not null", cancellationToken);
        var applied = exists ? await AppliedAsync(connection, cancellationToken) : [];
        return [.. migrations.Where(m => !applied.Contains(m.Id))];
    }

    private static async Task<HashSet<string>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        [.. await connection.ListAsync("select id from navo_schema_migrations", r => r.GetString(0), cancellationToken)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {MigrationId}")]
    private static partial void LogApplied(ILogger logger, string migrationId);
}
