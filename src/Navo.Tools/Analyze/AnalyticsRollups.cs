using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Navo.EventStore;
using Npgsql;

namespace Navo.Tools.Analyze;

/// <summary>
/// Rolls up finished days (every site's, a day at a time, oldest first) into <c>navo_analytics_days</c> and
/// <c>navo_analytics_day_counts</c>, then drops the partitions of events older than
/// <see cref="AnalyticsOptions.RawRetentionDays"/> that are rolled up. <see cref="RunAsync"/> is called every minute by
/// every host; one leads (a PostgreSQL advisory lock tried, not waited for) and the others find nothing to do.
/// Runs as the host's own role: it reads and writes every workspace's rows.
/// </summary>
public sealed partial class AnalyticsRollups(PostgresEventStore store, IOptions<AnalyticsOptions> options, TimeProvider time, ILogger<AnalyticsRollups> logger)
{
    /// <summary>How long after midnight (UTC) a day is rolled up: the last second's visits have been written by then.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(5);

    /// <summary>The advisory lock (a number of Navo's own) that the host rolling up holds while it runs.</summary>
    public const long LeaderLock = 0x4e41564f_0016_0001;

    /// <summary>The advisory lock a day's roll-up holds, and a write of late visits shares: the two take turns.</summary>
    public const long DayLock = 0x4e41564f_0016_0002;

    /// <summary>Rolls up every finished day not rolled up yet and drops expired events; how many days were rolled up (0 when another host leads).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        if (!await connection.ScalarAsync<bool>("select pg_try_advisory_lock($1)", cancellationToken, LeaderLock))
        {
            return 0;
        }

        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var finished = DateOnly.FromDateTime(now - Settle).AddDays(-1);
            var rolled = 0;
            foreach (var day in await DaysToRollAsync(connection, finished, cancellationToken))
            {
                await RollUpAsync(connection, day, cancellationToken);
                rolled++;
            }

            await DropExpiredAsync(connection, DateOnly.FromDateTime(now), cancellationToken);
            return rolled;
        }
        finally
        {
            await connection.ExecuteAsync("select pg_advisory_unlock($1)", CancellationToken.None, LeaderLock);
        }
    }

    /// <summary>The days that have a partition of events, up to <paramref name="last"/>, and are not rolled up: oldest first.</summary>
    private static Task<List<DateOnly>> DaysToRollAsync(NpgsqlConnection connection, DateOnly last, CancellationToken cancellationToken) =>
        connection.ListAsync(
            $"select p.day from ({RawDays.Partitions}) p where p.day <= $1 "
            + "and not exists (select from navo_analytics_rolled_days r where r.day = p.day) order by p.day",
            r => r.GetFieldValue<DateOnly>(0), cancellationToken, last);

    /// <summary>One day of every site, in one transaction: the day's figures replaced, and the day marked rolled up.</summary>
    private async Task RollUpAsync(NpgsqlConnection connection, DateOnly day, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A writer copying late events into this day waits, or is waited for (VisitBuffer): either its events are
        // read here, or its commit un-marks the day after this one commits.
        await connection.ExecuteAsync("select pg_advisory_xact_lock($1)", cancellationToken, DayLock);
        await connection.ExecuteAsync("delete from navo_analytics_days where day = $1", cancellationToken, day);
        await connection.ExecuteAsync("delete from navo_analytics_day_counts where day = $1", cancellationToken, day);
        await connection.ExecuteAsync(
            """
            insert into navo_analytics_days (tenant_id, project_id, day, visitors, pageviews, cta_clicks, cta_clickers, form_submissions, form_senders)
            select e.tenant_id, e.project_id, $1,
                   count(distinct visitor),
                   count(*) filter (where kind = 1),
                   count(*) filter (where kind in (2, 3)),
                   count(distinct visitor) filter (where kind in (2, 3)),
                   count(*) filter (where kind = 4),
                   count(distinct visitor) filter (where kind = 4)
              from navo_analytics_events e
              join navo_projects p on p.tenant_id = e.tenant_id and p.id = e.project_id
             where e.day = $1
             group by e.tenant_id, e.project_id
            """, cancellationToken, day);
        await connection.ExecuteAsync(
            $"""
            insert into navo_analytics_day_counts (tenant_id, project_id, day, dimension, value, pageviews, visitors)
            select e.tenant_id, e.project_id, $1, 1, path, count(*), count(distinct visitor)
              from navo_analytics_events e join navo_projects p on p.tenant_id = e.tenant_id and p.id = e.project_id
             where e.day = $1 and kind = 1 and path is not null
             group by e.tenant_id, e.project_id, path
            union all
            select e.tenant_id, e.project_id, $1, 2, referrer, count(*), count(distinct visitor)
              from navo_analytics_events e join navo_projects p on p.tenant_id = e.tenant_id and p.id = e.project_id
             where e.day = $1 and kind = 1
             group by e.tenant_id, e.project_id, referrer
            union all
            select e.tenant_id, e.project_id, $1, 3, {SiteAnalytics.Device}, count(*), count(distinct visitor)
              from navo_analytics_events e join navo_projects p on p.tenant_id = e.tenant_id and p.id = e.project_id
             where e.day = $1 and kind = 1
             group by e.tenant_id, e.project_id, 5
            """, cancellationToken, day);
        await connection.ExecuteAsync(
            "insert into navo_analytics_rolled_days (day, rolled_at) values ($1, now()) on conflict (day) do update set rolled_at = now()",
            cancellationToken, day);
        await transaction.CommitAsync(cancellationToken);
        LogRolledUp(logger, day);
    }

    /// <summary>
    /// Drops the events of days older than the retention that are rolled up; their roll-ups stay. A running
    /// experiment's figures are counted from the events of its days (a visitor is put in an arm by their hash, which
    /// no roll-up keeps), so no day from the first day of any running experiment on is dropped until it ends; an ended
    /// experiment keeps the figures it ended with and needs no events.
    /// </summary>
    private async Task DropExpiredAsync(NpgsqlConnection connection, DateOnly today, CancellationToken cancellationToken)
    {
        var oldest = today.AddDays(-options.Value.RawRetentionDays);
        var expired = await connection.ListAsync(
            $"select p.day from ({RawDays.Partitions}) p join navo_analytics_rolled_days r on r.day = p.day where p.day < $1 "
            + "and not exists (select from navo_experiments x where x.status = 'running' and p.day >= (x.started_at at time zone 'UTC')::date) "
            + "order by p.day",
            r => r.GetFieldValue<DateOnly>(0), cancellationToken, oldest);
        foreach (var day in expired)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync("select pg_advisory_xact_lock($1)", cancellationToken, DayLock);
            await connection.ExecuteAsync($"drop table if exists {RawDays.PartitionName(day)}", cancellationToken);
            await connection.ExecuteAsync("update navo_analytics_rolled_days set raw_dropped_at = now() where day = $1", cancellationToken, day);
            await transaction.CommitAsync(cancellationToken);
            LogDropped(logger, day);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rolled up the visits of {Day}")]
    private static partial void LogRolledUp(ILogger logger, DateOnly day);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped the visits of {Day}, rolled up and past their retention")]
    private static partial void LogDropped(ILogger logger, DateOnly day);
}
