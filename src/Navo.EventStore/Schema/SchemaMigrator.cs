using Microsoft.Extensions.Logging;
using Npgsql;

namespace Navo.EventStore.Schema;

/// <summary>
/// Creates and upgrades the schema at start-up. Idempotent, and safe with several hosts starting at once:
/// the work happens under a PostgreSQL advisory lock, each migration in its own transaction with its record.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    private const long LockKey = 0x4E41564F_00000001; // "NAVO", 1

    /// <summary>Applies the migrations not yet recorded in <c>navo_schema_migrations</c>, in order.</summary>
    public async Task MigrateAsync(IEnumerable<SchemaMigration> migrations, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("select pg_advisory_lock($1)", cancellationToken, LockKey);
        try
        {
            await connection.ExecuteAsync("""
                create table if not exists navo_schema_migrations (
                    id text primary key,
                    applied_at timestamptz not null default now())
                """, cancellationToken);

            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var command = new NpgsqlCommand("select id from navo_schema_migrations", connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            foreach (var migration in migrations.Where(m => !applied.Contains(m.Id)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(migration.Sql, cancellationToken);
                await connection.ExecuteAsync("insert into navo_schema_migrations (id) values ($1)", cancellationToken, migration.Id);
                await transaction.CommitAsync(cancellationToken);
                LogApplied(migration.Id);
            }
        }
        finally
        {
            await connection.ExecuteAsync("select pg_advisory_unlock($1)", CancellationToken.None, LockKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {MigrationId}")]
    private partial void LogApplied(string migrationId);
}
