using Navo.Testing;

namespace Navo.Host.Tests.Support;

/// <summary>
/// A fingerprint of everything a host has stored: a hash of every row of every table, so that "nothing was written"
/// covers inserts, updates and deletes in any table, including tables added later. Tables that the host's own
/// background work keeps up to date (projection progress, job runs, the day's analytics salt) are left out.
/// </summary>
public static class StoredRows
{
    private static readonly string[] Background = ["mt_event_progression", "navo_job_runs", "navo_analytics_salts"];

    /// <summary>
    /// The fingerprint once the host's background work on what came before (projections catching up) is done: the same
    /// twice, a second apart (at most a minute).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> SettledFingerprintAsync(this TestDatabase database)
    {
        var last = await database.FingerprintAsync();
        for (var tries = 0; tries < 60; tries++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = await database.FingerprintAsync();
            if (now.SequenceEqual(last))
            {
                return now;
            }

            last = now;
        }

        return last;
    }

    public static async Task<IReadOnlyDictionary<string, string>> FingerprintAsync(this TestDatabase database)
    {
        var tables = new List<string>();
        await using (var list = database.DataSource.CreateCommand(
            """
            select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables
             where schemaname not in ('pg_catalog', 'information_schema') and not (tablename = any($1)) order by 1
            """))
        {
            list.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Background });
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var fingerprint = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var hash = database.DataSource.CreateCommand($"select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') from {table} t");
            fingerprint[table] = (string)(await hash.ExecuteScalarAsync())!;
        }

        return fingerprint;
    }
}
