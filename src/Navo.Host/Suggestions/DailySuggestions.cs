using Microsoft.Extensions.Options;
using Navo.Agent.Conversations;
using Navo.EventStore;

namespace Navo.Host.Suggestions;

/// <summary><c>Navo:Suggestions</c>: how often the host looks whether today's suggestions were surfaced yet.</summary>
public sealed class SuggestionOptions
{
    public const string Section = "Navo:Suggestions";

    /// <summary>False turns the daily round off on this host (others may still run it).</summary>
    public bool Daily { get; set; } = true;

    /// <summary>Minutes between looks; the round itself runs once a UTC day, on whichever host looks first.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1440)]
    public int CheckEveryMinutes { get; set; } = 60;
}

/// <summary>
/// Surfaces suggestions once a day (UTC) for every live site, posting them to the site's conversation. The host that
/// leads the background jobs looks (<see cref="JobLeadership"/>), and a host that has just become the leader looks at
/// once. A round also takes a PostgreSQL advisory lock in a transaction on the host's own connection, and
/// <c>navo_job_runs</c> says which day was done, so exactly one host runs each day's round and a host that restarts
/// does not run it again. Each site is proposed for in its own workspace's session (the tenant comes from the live
/// site's row, as Navo's own job, never from a request); a site that fails is logged and tried again the next day.
/// </summary>
public sealed partial class DailySuggestions(
    IServiceProvider services, TimeProvider time, IOptions<SuggestionOptions> options, ILogger<DailySuggestions> logger) : BackgroundService
{
    /// <summary>The job's name in <c>navo_job_runs</c> and the key of its advisory lock.</summary>
    public const string Job = "daily_suggestions";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Daily)
        {
            return;
        }

        var turns = services.GetRequiredService<JobLeadership>().Turns(TimeSpan.FromMinutes(options.Value.CheckEveryMinutes), time);
        while (await turns.NextAsync(stoppingToken))
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogRoundFailed(logger, failure);
            }
        }
    }

    /// <summary>
    /// Runs today's round if no host has yet: the number of suggestions surfaced, or null when another host holds the
    /// round or today's was done.
    /// </summary>
    public async Task<int?> RunAsync(CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<PostgresEventStore>();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await connection.ScalarAsync<bool>("select pg_try_advisory_xact_lock(hashtext('navo.' || $1))", cancellationToken, Job))
        {
            return null;
        }

        var done = await connection.SingleOrDefaultAsync(
            "select last_day from navo_job_runs where job = $1", r => (DateOnly?)r.GetFieldValue<DateOnly>(0), cancellationToken, Job);
        if (done >= today)
        {
            return null;
        }

        var sites = await connection.ListAsync(
            "select tenant_id, project_id from navo_live_sites where status = 'live' order by tenant_id, project_id",
            r => (Tenant: r.GetString(0), Project: r.GetGuid(1)), cancellationToken);
        var surfaced = 0;
        foreach (var (tenant, project) in sites)
        {
            surfaced += await SurfaceAsync(store, tenant, project, today, cancellationToken);
        }

        await connection.ExecuteAsync(
            "insert into navo_job_runs (job, last_day) values ($1, $2) on conflict (job) do update set last_day = excluded.last_day",
            cancellationToken, Job, today);
        await transaction.CommitAsync(cancellationToken);
        LogRound(logger, sites.Count, surfaced);
        return surfaced;
    }

    private async Task<int> SurfaceAsync(PostgresEventStore store, string tenant, Guid project, DateOnly today, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                await using var session = store.OpenSession(new TenantContext(tenant, SuggestionPosts.Navo.UserId, ["owner"]));
                var added = await SuggestionPosts.ProposeAndPostAsync(session, project, today, cancellationToken);
                await session.SaveChangesAsync(cancellationToken);
                return added;
            }
            catch (ConcurrencyException) when (attempt < 3)
            {
                // The owner was changing the site or talking to Navo at that moment: look again on the new version.
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogSiteFailed(logger, project, failure);
                return 0;
            }
        }

        return 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily suggestions: {Sites} live sites looked at, {Surfaced} suggestions surfaced")]
    private static partial void LogRound(ILogger logger, int sites, int surfaced);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily suggestions could not be surfaced for site {Project}")]
    private static partial void LogSiteFailed(ILogger logger, Guid project, Exception failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "The daily suggestions round failed; it runs again at the next look")]
    private static partial void LogRoundFailed(ILogger logger, Exception failure);
}
