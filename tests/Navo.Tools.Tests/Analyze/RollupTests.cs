using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Navo.EventStore;
using Navo.Testing;
using Navo.Tools.Analyze;
using Navo.Tools.Generate;
using Navo.Tools.Projects;

namespace Navo.Tools.Tests.Analyze;

/// <summary>Daily roll-ups, the report read from them, and what is dropped when, against the real store.</summary>
public sealed class RollupTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly AnalyticsPeriod[] Periods = [AnalyticsPeriod.Days7, AnalyticsPeriod.Days30, AnalyticsPeriod.Days90, AnalyticsPeriod.All];
    private PostgresEventStore _store = null!;

    // The tests of this class share one database, and days are rolled up for every site at once: each test lives in
    // days of its own, later than the first's.
    private DateOnly Today { get; set; }
    private ProjectService _projects = null!;

    public async Task InitializeAsync()
    {
        _store = await database.CreateStoreAsync(options => options.AddNavoTools());
        _projects = new ProjectService(_store, new GenerationPipeline(LocalSteps.All), new LocalCopywriter());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static TenantContext Workspace() => new("w" + Guid.NewGuid().ToString("N")[..12], Guid.NewGuid(), ["owner"]);

    private static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private async Task<Guid> SiteAsync(TenantContext tenant, string description) =>
        (await _projects.GenerateAsync(tenant, new GenerationRequest(description), new Actor(tenant.UserId, "test"))).Project.Id;

    private (VisitBuffer Buffer, AnalyticsRollups Rollups) Analytics(Clock clock, int retention = 1000)
    {
        var options = Options.Create(new AnalyticsOptions { RawRetentionDays = retention });
        return (new VisitBuffer(_store, options, NullLogger<VisitBuffer>.Instance, clock),
            new AnalyticsRollups(_store, options, clock, NullLogger<AnalyticsRollups>.Instance));
    }

    /// <summary>
    /// A site's visits over <paramref name="days"/> days up to <see cref="Today"/>, written day by day as the host would,
    /// each day's visitors hashed with that day's salt: pages, referrers (none included), widths (unknown included),
    /// clicks and forms, more on some days than others (none on some, unless <paramref name="fewest"/> says).
    /// </summary>
    private async Task VisitAsync(VisitBuffer buffer, Clock clock, TenantContext tenant, Guid site, int days, int seed, int fewest = 0)
    {
        var random = new Random(seed);
        string?[] referrers = [null, "www.google.com", "duckduckgo.com", "www.facebook.com", "news.ycombinator.com", "t.co", "example.org"];
        string[] paths = ["/", "/menu", "/about", "/contact", "/prices", "/gallery", "/faq", "/team", "/book", "/hours", "/blog", "/a/long/page"];
        short?[] widths = [null, 360, 390, 768, 820, 1024, 1280, 1920];
        for (var day = Today.AddDays(1 - days); day <= Today; day = day.AddDays(1))
        {
            clock.Now = Noon(day);
            var salt = BitConverter.GetBytes(day.DayNumber).Concat(new byte[28]).ToArray();
            var visitors = random.Next(fewest, 40);
            for (var v = 0; v < visitors; v++)
            {
                var who = DailySalts.Hash(salt, site, $"198.51.100.{v}", "Mozilla/5.0");
                var (referrer, width) = (referrers[random.Next(referrers.Length)], widths[random.Next(widths.Length)]);
                for (var view = random.Next(1, 4); view > 0; view--)
                {
                    buffer.TryAdd(new Visit(tenant.TenantId, site, clock.Now, VisitKind.PageView, who, paths[random.Next(paths.Length)], referrer, width));
                }

                if (random.Next(8) == 0)
                {
                    buffer.TryAdd(new Visit(tenant.TenantId, site, clock.Now, random.Next(2) == 0 ? VisitKind.HeroClick : VisitKind.CtaClick, who, "/", referrer, width));
                }

                if (random.Next(20) == 0)
                {
                    buffer.TryAdd(new Visit(tenant.TenantId, site, clock.Now, VisitKind.FormReceived, who, "/contact", null, null));
                }
            }

            await buffer.FlushAsync();
        }
    }

    private async Task<Dictionary<AnalyticsPeriod, AnalyticsReport>> ReportsAsync(TenantContext tenant, Guid site, bool fromEvents)
    {
        await using var session = _store.OpenSession(tenant);
        var reports = new Dictionary<AnalyticsPeriod, AnalyticsReport>();
        foreach (var period in Periods)
        {
            reports[period] = fromEvents
                ? await SiteAnalytics.ReportFromEventsAsync(session, site, period, Today, default)
                : await SiteAnalytics.ReportAsync(session, site, period, Today, default);
        }

        return reports;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Reports_read_from_roll_ups_give_the_same_figures_as_reports_read_from_the_events()
    {
        Today = new DateOnly(2027, 3, 31);
        var (tenant, other) = (Workspace(), Workspace());
        var site = await SiteAsync(tenant, "Tasca do Rio is a restaurant in Coimbra.");
        var neighbour = await SiteAsync(other, "Pão Quente is a bakery in Coimbra.");
        var clock = new Clock(Noon(Today));
        var (buffer, rollups) = Analytics(clock);
        await VisitAsync(buffer, clock, tenant, site, 200, seed: 16);
        await VisitAsync(buffer, clock, other, neighbour, 30, seed: 17);
        var fromEvents = await ReportsAsync(tenant, site, fromEvents: true);
        var beforeRolling = await ReportsAsync(tenant, site, fromEvents: false);

        clock.Now = Noon(Today);
        var rolled = await rollups.RunAsync(default);
        var fromRollups = await ReportsAsync(tenant, site, fromEvents: false);
        // Today stays in the events; every finished day is read from its roll-up alone: emptied, it still counts.
        await ExecuteAsync($"delete from navo_analytics_events where day < '{Today:yyyy-MM-dd}'");
        var afterEmptying = await ReportsAsync(tenant, site, fromEvents: false);

        rolled.Should().BeGreaterThan(180).And.Be((int)await CountAsync(
            $"select count(*) from pg_tables where tablename like 'navo_analytics_events_%' and tablename < 'navo_analytics_events_{Today:yyyyMMdd}'"));
        fromEvents[AnalyticsPeriod.Days90].Visitors.Should().BeGreaterThan(1000, "a test on too few visits would prove little");
        fromEvents[AnalyticsPeriod.All].Pages.Should().HaveCount(SiteAnalytics.Top, "more pages than the report lists: the top ten of the period is not the top ten of its days");
        foreach (var period in Periods)
        {
            beforeRolling[period].Should().BeEquivalentTo(fromEvents[period], o => o.WithStrictOrdering().Excluding(r => r.Suggestions), $"{period} reads the same before roll-ups");
            fromRollups[period].Should().BeEquivalentTo(fromEvents[period], o => o.WithStrictOrdering().Excluding(r => r.Suggestions), $"{period} reads the same from roll-ups");
            afterEmptying[period].Should().BeEquivalentTo(fromEvents[period], o => o.WithStrictOrdering().Excluding(r => r.Suggestions), $"{period} reads finished days from roll-ups only");
        }
    }

    [Fact]
    public async Task The_last_thirty_days_figures_equal_the_30_day_reports_before_and_after_roll_ups_and_with_a_late_visit()
    {
        Today = new DateOnly(2027, 9, 30);
        var (tenant, other) = (Workspace(), Workspace());
        var site = await SiteAsync(tenant, "Casa do Largo is a guest house in Évora.");
        var neighbour = await SiteAsync(other, "Forno Velho is a bakery in Évora.");
        var clock = new Clock(Noon(Today));
        var (buffer, rollups) = Analytics(clock);
        await VisitAsync(buffer, clock, tenant, site, 45, seed: 30, fewest: 1);
        await VisitAsync(buffer, clock, other, neighbour, 45, seed: 31);
        var beforeRolling = await FiguresAndReportAsync(tenant, site);
        await rollups.RunAsync(default);
        var afterRolling = await FiguresAndReportAsync(tenant, site);
        // Written today, counted three days ago: that day is read from its events again until it is rolled up anew.
        clock.Now = Noon(Today);
        buffer.TryAdd(new Visit(tenant.TenantId, site, Noon(Today.AddDays(-3)), VisitKind.FormReceived, new byte[16], "/contact", null, null));
        await buffer.FlushAsync();
        var withLateVisit = await FiguresAndReportAsync(tenant, site);

        beforeRolling.Report.Visitors.Should().BeGreaterThan(100, "a test on too few visits would prove little");
        withLateVisit.Report.FormSubmissions.Should().Be(afterRolling.Report.FormSubmissions + 1);
        foreach (var (figures, report) in new[] { beforeRolling, afterRolling, withLateVisit })
        {
            figures.Should().Be(new AnalyticsFigures(
                report.Visitors, report.Pageviews, report.CtaClicks, report.CtaClickRate, report.FormSubmissions, report.ConversionRate));
        }
    }

    private async Task<(AnalyticsFigures Figures, AnalyticsReport Report)> FiguresAndReportAsync(TenantContext tenant, Guid site)
    {
        await using var session = _store.OpenSession(tenant);
        return (await SiteAnalytics.LastThirtyDaysAsync(session, site, Today, default),
            await SiteAnalytics.ReportAsync(session, site, AnalyticsPeriod.Days30, Today, default));
    }

    [Fact]
    public async Task A_late_visit_to_a_rolled_up_day_is_read_from_events_until_the_day_is_rolled_up_again()
    {
        Today = new DateOnly(2028, 1, 31);
        var tenant = Workspace();
        var site = await SiteAsync(tenant, "Adega Velha is a wine bar in Porto.");
        var clock = new Clock(Noon(Today));
        var (buffer, rollups) = Analytics(clock);
        await VisitAsync(buffer, clock, tenant, site, 10, seed: 3);
        await rollups.RunAsync(default);
        var yesterday = Today.AddDays(-1);
        var before = (await ReportsAsync(tenant, site, fromEvents: false))[AnalyticsPeriod.Days7];

        // Written today, counted yesterday: a host that could not reach the database for a while.
        buffer.TryAdd(new Visit(tenant.TenantId, site, Noon(yesterday), VisitKind.PageView, new byte[16], "/late", null, 400));
        await buffer.FlushAsync();
        var unmarked = await CountAsync($"select count(*) from navo_analytics_rolled_days where day = '{yesterday:yyyy-MM-dd}'");
        var meanwhile = (await ReportsAsync(tenant, site, fromEvents: false))[AnalyticsPeriod.Days7];
        await rollups.RunAsync(default);
        var after = (await ReportsAsync(tenant, site, fromEvents: false))[AnalyticsPeriod.Days7];

        unmarked.Should().Be(0, "the late write takes the day's roll-up mark away");
        meanwhile.Pageviews.Should().Be(before.Pageviews + 1);
        meanwhile.Visitors.Should().Be(before.Visitors + 1);
        after.Should().BeEquivalentTo(meanwhile, o => o.WithStrictOrdering().Excluding(r => r.Suggestions));
        (await CountAsync($"select count(*) from navo_analytics_rolled_days where day = '{yesterday:yyyy-MM-dd}'")).Should().Be(1);
    }

    [Fact]
    public async Task Events_past_their_retention_are_dropped_once_rolled_up_and_the_report_keeps_their_figures()
    {
        Today = new DateOnly(2029, 1, 31);
        var tenant = Workspace();
        var site = await SiteAsync(tenant, "Oficina Azul is a bicycle repair shop in Lisbon.");
        var clock = new Clock(Noon(Today));
        var (buffer, _) = Analytics(clock);
        await VisitAsync(buffer, clock, tenant, site, 40, seed: 5, fewest: 1);
        var fromEvents = await ReportsAsync(tenant, site, fromEvents: true);
        var (_, keepingTen) = Analytics(clock, retention: 10);

        await keepingTen.RunAsync(default);

        var kept = await CountAsync($"select count(distinct day) from navo_analytics_events where project_id = '{site}'");
        kept.Should().Be(11, "today and the ten days before it");
        (await CountAsync($"select count(*) from pg_tables where tablename = 'navo_analytics_events_{Today.AddDays(-11):yyyyMMdd}'")).Should().Be(0);
        (await CountAsync($"select count(*) from pg_tables where tablename = 'navo_analytics_events_{Today.AddDays(-10):yyyyMMdd}'")).Should().Be(1);
        (await CountAsync("select count(*) from navo_analytics_rolled_days where raw_dropped_at is not null")).Should().BeGreaterThanOrEqualTo(29);
        var fromRollups = await ReportsAsync(tenant, site, fromEvents: false);
        foreach (var period in Periods)
        {
            fromRollups[period].Should().BeEquivalentTo(fromEvents[period], o => o.WithStrictOrdering().Excluding(r => r.Suggestions));
        }

        // A visit of a dropped day is not written: it would start the day's events afresh under a final roll-up.
        var (lateBuffer, _) = Analytics(clock, retention: 10);
        lateBuffer.TryAdd(new Visit(tenant.TenantId, site, Noon(Today.AddDays(-20)), VisitKind.PageView, new byte[16], "/", null, null));
        await lateBuffer.FlushAsync();
        (await CountAsync($"select count(*) from pg_tables where tablename = 'navo_analytics_events_{Today.AddDays(-20):yyyyMMdd}'")).Should().Be(0);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(35, true)]
    public void The_retention_keeps_at_least_today_and_yesterday(int days, bool valid)
    {
        var options = new AnalyticsOptions { RawRetentionDays = days };
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
            options, new System.ComponentModel.DataAnnotations.ValidationContext(options), null, validateAllProperties: true).Should().Be(valid);
    }

    [Fact]
    public async Task One_host_rolls_up_at_a_time()
    {
        Today = new DateOnly(2030, 1, 31);
        var tenant = Workspace();
        var site = await SiteAsync(tenant, "Casa Lume is a lighting shop in Faro.");
        var clock = new Clock(Noon(Today));
        var (buffer, rollups) = Analytics(clock);
        await VisitAsync(buffer, clock, tenant, site, 3, seed: 9);
        await using var leader = await database.DataSource.OpenConnectionAsync();
        await using (var take = new Npgsql.NpgsqlCommand($"select pg_advisory_lock({AnalyticsRollups.LeaderLock})", leader))
        {
            await take.ExecuteNonQueryAsync();
        }

        var whileLed = await rollups.RunAsync(default);
        await using (var release = new Npgsql.NpgsqlCommand($"select pg_advisory_unlock({AnalyticsRollups.LeaderLock})", leader))
        {
            await release.ExecuteNonQueryAsync();
        }

        whileLed.Should().Be(0, "another host leads");
        (await rollups.RunAsync(default)).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Deleting_a_project_deletes_its_visits_and_roll_ups_and_no_one_elses()
    {
        Today = new DateOnly(2031, 1, 31);
        var (tenant, other) = (Workspace(), Workspace());
        var gone = await SiteAsync(tenant, "Sabor Antigo is a restaurant in Braga.");
        var stays = await SiteAsync(tenant, "Doce Lar is a bakery in Braga.");
        var neighbour = await SiteAsync(other, "Rota Norte is a travel agency in Braga.");
        var clock = new Clock(Noon(Today));
        var (buffer, rollups) = Analytics(clock);
        foreach (var (owner, site) in new[] { (tenant, gone), (tenant, stays), (other, neighbour) })
        {
            await VisitAsync(buffer, clock, owner, site, 5, seed: 11);
            buffer.CountRobot(owner.TenantId, site, Today);
        }

        await buffer.FlushAsync();
        await rollups.RunAsync(default);

        await using (var session = _store.OpenSession(tenant))
        {
            await ProjectService.DeleteAsync(session, gone, new Actor(tenant.UserId, "test"));
            await session.SaveChangesAsync();
        }

        foreach (var table in new[] { "navo_analytics_events", "navo_analytics_robots", "navo_analytics_days", "navo_analytics_day_counts" })
        {
            (await CountAsync($"select count(*) from {table} where project_id = '{gone}'")).Should().Be(0, table);
            (await CountAsync($"select count(*) from {table} where project_id = '{stays}'")).Should().BeGreaterThan(0, table);
            (await CountAsync($"select count(*) from {table} where project_id = '{neighbour}'")).Should().BeGreaterThan(0, table);
        }
    }
}
