using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Navo.Agent.Tools;
using Navo.EventStore;
using Navo.Tools.Analyze;
using Navo.Tools.Generate;
using Navo.Tools.Projects;

namespace Navo.Bench;

/// <summary>
/// <c>analyze_site</c>'s work (the report in a tenant session, then its sentences) on one site with 1,000,000 events over
/// 90 days, for each period: first read from the events alone (the report as it was before roll-ups: the baseline), then
/// with every finished day rolled up (today, about 11,000 events, still read from its events), then with the rest of
/// the tool's work (suggestions proposed from the last 30 days' figures and ranked). One run, one cluster.
/// </summary>
public static class AnalyticsBenchmark
{
    private const int Events = 1_000_000;
    private const int Days = 90;

    private static readonly AnalyticsPeriod[] Periods = [AnalyticsPeriod.Days7, AnalyticsPeriod.Days30, AnalyticsPeriod.Days90, AnalyticsPeriod.All];

    public static async Task RunAsync(BenchOptions options)
    {
        await using var own = await StoreOfItsOwn.StartAsync();
        var (dataSource, store, projects, tenant) = (own.DataSource, own.Store, own.Projects, own.Tenant);
        var (site, _) = await projects.GenerateAsync(tenant, new GenerationRequest("Rosa's Bakery is a bakery in Porto."), own.By);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var loading = Stopwatch.StartNew();
        await LoadAsync(dataSource, tenant.TenantId, site.Id, today);
        Console.WriteLine($"Loaded {Events:N0} events over {Days} days in {loading.Elapsed.TotalSeconds:0.0} s.");

        var runs = options.Iterations ?? 200;
        var baselineRuns = Math.Max(10, runs / 10);
        var baseline = await MeasureAsync(store, tenant, site.Id, today, baselineRuns, SiteAnalytics.ReportFromEventsAsync);

        var rollups = new AnalyticsRollups(store, Options.Create(new AnalyticsOptions()), TimeProvider.System, NullLogger<AnalyticsRollups>.Instance);
        var rolling = Stopwatch.StartNew();
        var rolled = await rollups.RunAsync(default);
        Console.WriteLine($"Rolled up {rolled} days in {rolling.Elapsed.TotalSeconds:0.0} s.");
        var rolledUp = await MeasureAsync(store, tenant, site.Id, today, runs, SiteAnalytics.ReportAsync);
        // What analyze_site does after the report: propose suggestions from the last 30 days' figures (recording any new
        // one) and rank the open ones, in the same session, committed.
        var whole = await MeasureAsync(store, tenant, site.Id, today, runs, async (session, id, period, day, cancellationToken) =>
        {
            var report = await SiteAnalytics.ReportAsync(session, id, period, day, cancellationToken);
            if (await ProjectService.ProposeSuggestionsAsync(session, id, day, own.By, cancellationToken) is { } proposed)
            {
                await ProjectService.RankedSuggestionsAsync(session, proposed.Project, cancellationToken);
            }

            await session.SaveChangesAsync(cancellationToken);
            return report;
        });

        Console.WriteLine();
        Console.WriteLine($"analyze_site (report + sentences, tenant session included): {Environment.ProcessorCount} cores, PostgreSQL on loopback.");
        Console.WriteLine();
        Console.WriteLine("| period | read from | runs | p50 ms | p95 ms | p99 ms |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var period in Periods)
        {
            foreach (var (name, measured) in new[]
                     {
                         ("events only (baseline)", baseline[period]), ("roll-ups + today's events", rolledUp[period]),
                         ("the same, and suggestions proposed and ranked (the whole tool)", whole[period]),
                     })
            {
                Console.WriteLine($"| {Name(period)} | {name} | {measured.Operations} | {Measurements.Format(measured.Percentile(50))} | "
                    + $"{Measurements.Format(measured.Percentile(95))} | {Measurements.Format(measured.Percentile(99))} |");
            }
        }
    }

    /// <summary>
    /// 1,000,000 events in one statement: about 4,000 visitors a day (each day's hashes its own), 87% page views over 12
    /// pages, 10% button clicks, 3% contact forms (the events of a made-up site, not a real one's mix); 40 referring hosts and none; eight viewport widths and none.
    /// </summary>
    private static async Task LoadAsync(Npgsql.NpgsqlDataSource dataSource, string tenant, Guid site, DateOnly today)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        for (var day = today.AddDays(1 - Days); day <= today; day = day.AddDays(1))
        {
            await connection.ExecuteAsync("select navo_analytics_partition($1)", default, day);
        }

        await using var insert = connection.Command(
            """
            insert into navo_analytics_events (tenant_id, project_id, day, at, kind, visitor, path, referrer, width)
            select $1, $2, d, d + make_interval(secs => g % 86400),
                   case when g % 100 < 87 then 1 when g % 100 < 92 then 2 when g % 100 < 97 then 3 else 4 end,
                   decode(md5(d::text || ':' || ((g / $5) % 4000)::text), 'hex'),
                   (array['/', '/menu', '/about', '/contact', '/prices', '/gallery', '/faq', '/team', '/book', '/hours', '/blog', '/events'])[(1 + (g * 31) % 12)::int],
                   case when g % 41 = 0 then null else 'site' || (g % 41) || '.example' end,
                   case when g % 9 = 0 then null else (array[360, 390, 412, 768, 820, 1024, 1280, 1920])[(1 + (g * 13) % 8)::int] end
              from generate_series(1, $3::bigint) g, lateral (select ($4::date - (g % $5)::int) as d) days
            """, tenant, site, Events, today, Days);
        insert.CommandTimeout = 0;
        await insert.ExecuteNonQueryAsync();
        await connection.ExecuteAsync("analyze navo_analytics_events", default);
    }

    private static string Name(AnalyticsPeriod period) => period switch
    {
        AnalyticsPeriod.Days7 => "7d",
        AnalyticsPeriod.Days30 => "30d",
        AnalyticsPeriod.Days90 => "90d",
        _ => "all",
    };

    private delegate Task<AnalyticsReport> Report(IEventSession session, Guid projectId, AnalyticsPeriod period, DateOnly today, CancellationToken cancellationToken);

    private static async Task<Dictionary<AnalyticsPeriod, Measurements>> MeasureAsync(
        PostgresEventStore store, TenantContext tenant, Guid site, DateOnly today, int runs, Report report)
    {
        var measured = Periods.ToDictionary(p => p, p => new Measurements(Name(p)));
        var times = Periods.ToDictionary(p => p, _ => new List<double>());
        // Periods alternate, so that whatever else the machine does falls on each of them.
        for (var i = 0; i < runs + 1; i++)
        {
            foreach (var period in Periods)
            {
                var started = Stopwatch.GetTimestamp();
                await using (var session = store.OpenSession(tenant))
                {
                    AnalyticsReplies.Summary(await report(session, site, period, today, default), period);
                }

                if (i > 0)
                {
                    // The first of each is a warm-up.
                    times[period].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }

        foreach (var period in Periods)
        {
            measured[period].Add(times[period], 1);
        }

        return measured;
    }
}
