using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Navo.EventStore;
using Navo.Testing;
using Navo.Tools.Analyze;

namespace Navo.Tools.Tests.Analyze;

/// <summary>Visitors, robots and the visit buffer against the real store.</summary>
public sealed class VisitTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private PostgresEventStore _store = null!;

    public async Task InitializeAsync() => _store = await database.CreateStoreAsync(options => options.AddNavoTools());

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task A_visitor_is_one_all_day_and_another_the_next_day_when_the_old_salt_is_deleted()
    {
        var clock = new Clock(new DateTimeOffset(2026, 11, 28, 0, 0, 1, TimeSpan.Zero));
        var salts = new DailySalts(_store, clock);
        var site = Guid.NewGuid();
        const string browser = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";

        var morning = (await salts.VisitorAsync(site, "203.0.113.7", browser, default)).Visitor;
        clock.Now = clock.Now.AddHours(23.9);
        var evening = (await salts.VisitorAsync(site, "203.0.113.7", browser, default)).Visitor;
        var otherSite = (await salts.VisitorAsync(Guid.NewGuid(), "203.0.113.7", browser, default)).Visitor;
        var otherAddress = (await salts.VisitorAsync(site, "203.0.113.8", browser, default)).Visitor;
        clock.Now = clock.Now.AddHours(1);
        var nextDay = (await salts.VisitorAsync(site, "203.0.113.7", browser, default)).Visitor;
        // A second host, with nothing in memory, reads the same salt of the day.
        var otherHost = (await new DailySalts(_store, clock).VisitorAsync(site, "203.0.113.7", browser, default)).Visitor;

        morning.Should().HaveCount(16).And.Equal(evening);
        otherSite.Should().NotEqual(morning);
        otherAddress.Should().NotEqual(morning);
        nextDay.Should().NotEqual(morning);
        otherHost.Should().Equal(nextDay);
        var salts28 = await CountAsync("select count(*) from navo_analytics_salts where day = '2026-11-28'");
        var saltsLeft = await CountAsync("select count(*) from navo_analytics_salts where day <= '2026-11-29'");
        salts28.Should().Be(0, "the day's salt is deleted once the next day's is made: the days cannot be linked");
        saltsLeft.Should().Be(1);
    }

    [Fact]
    public async Task Past_midnight_the_old_salt_is_deleted_even_when_no_visitor_comes()
    {
        var clock = new Clock(new DateTimeOffset(2026, 12, 1, 23, 59, 59, TimeSpan.Zero));
        var salts = new DailySalts(_store, clock);
        await salts.VisitorAsync(Guid.NewGuid(), "203.0.113.7", "Mozilla/5.0", default);

        clock.Now = clock.Now.AddSeconds(2);
        await salts.RotateAsync(default);

        (await CountAsync("select count(*) from navo_analytics_salts where day = '2026-12-01'")).Should().Be(0);
        (await CountAsync("select count(*) from navo_analytics_salts where day = '2026-12-02'")).Should().Be(1);
    }

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36", false)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", false)]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/142.0.0.0 Safari/537.36", true)]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", true)]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0)", true)]
    [InlineData("curl/8.5.0", true)]
    [InlineData("python-requests/2.32", true)]
    [InlineData("", true)]
    [InlineData(null, true)]
    public void Robots_and_headless_browsers_are_told_apart_from_people(string? userAgent, bool robot) =>
        Robots.IsRobot(userAgent).Should().Be(robot);

    [Fact]
    public async Task A_full_buffer_refuses_the_next_visit_and_a_flush_copies_every_one_taken()
    {
        var buffer = new VisitBuffer(_store, Options.Create(new AnalyticsOptions { BufferCapacity = 100 }), NullLogger<VisitBuffer>.Instance);
        var site = Guid.NewGuid();
        var today = DateTimeOffset.UtcNow;
        for (var i = 0; i < 100; i++)
        {
            buffer.TryAdd(Visit("w-full", site, today, i)).Should().BeTrue();
        }

        buffer.TryAdd(Visit("w-full", site, today, 100)).Should().BeFalse("a full buffer says so, and the caller answers 503");
        buffer.Pending.Should().Be(100);

        (await buffer.FlushAsync()).Should().Be(100);

        buffer.Pending.Should().Be(0);
        (await CountAsync($"select count(*) from navo_analytics_events where project_id = '{site}'")).Should().Be(100);
        buffer.TryAdd(Visit("w-full", site, today, 101)).Should().BeTrue("a written buffer takes visits again");
    }

    [Fact]
    public async Task A_workspace_reads_only_its_own_visits_and_robots_are_counted_apart()
    {
        var buffer = new VisitBuffer(_store, Options.Create(new AnalyticsOptions()), NullLogger<VisitBuffer>.Instance);
        var (mine, theirs) = (Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        buffer.TryAdd(Visit("w-mine", mine, now, 1));
        buffer.TryAdd(Visit("w-mine", mine, now, 2));
        buffer.TryAdd(Visit("w-theirs", theirs, now, 3));
        await using (var project = database.DataSource.CreateCommand(
            "insert into navo_projects (tenant_id, id, name, version, created_at, updated_at) values ('w-mine', $1, 'Mine', 1, now(), now())"))
        {
            project.Parameters.AddWithValue(mine);
            await project.ExecuteNonQueryAsync();
        }

        buffer.CountRobot("w-mine", mine, DateOnly.FromDateTime(now.UtcDateTime));
        buffer.CountRobot("w-mine", mine, DateOnly.FromDateTime(now.UtcDateTime));
        // A project deleted since its robot was counted (here: one that never existed) gets no row back.
        buffer.CountRobot("w-mine", Guid.NewGuid(), DateOnly.FromDateTime(now.UtcDateTime));
        await buffer.FlushAsync();

        await using var session = _store.OpenSession(new TenantContext("w-mine", Guid.NewGuid(), ["viewer"]));
        // No tenant filter in the query: row-level security alone keeps the other workspace's rows out.
        var seen = await session.QueryAsync("select count(*) from navo_analytics_events", r => r.GetInt64(0), default);
        var robots = await session.QueryAsync("select coalesce(sum(hits), 0)::bigint from navo_analytics_robots", r => r.GetInt64(0), default);
        var report = await SiteAnalytics.ReportAsync(session, mine, AnalyticsPeriod.Days7, DateOnly.FromDateTime(now.UtcDateTime), default);

        seen.Single().Should().Be(2);
        robots.Single().Should().Be(2);
        report.Visitors.Should().Be(2, "robots are not visitors");
        report.Pageviews.Should().Be(2);
    }

    private static Visit Visit(string tenant, Guid site, DateTimeOffset at, int visitor) =>
        new(tenant, site, at, VisitKind.PageView, DailySalts.Hash(new byte[32], site, $"198.51.100.{visitor % 250}", $"Browser {visitor}"), "/", null, 1280);

    private async Task<long> CountAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
