using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Navo.EventStore;
using Navo.Testing;
using Navo.Tools.Analyze;
using Navo.Tools.Generate;
using Navo.Tools.Projects;

namespace Navo.Tools.Tests.Analyze;

/// <summary>Retention of raw events against experiments: the days a running experiment counts its arms from stay until it ends.</summary>
public sealed class ExperimentRetentionTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateOnly Today = new(2040, 3, 31);
    private PostgresEventStore _store = null!;

    public async Task InitializeAsync() => _store = await database.CreateStoreAsync(options => options.AddNavoTools());

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private async Task ExecuteAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<bool> KeptAsync(DateOnly day)
    {
        await using var command = database.DataSource.CreateCommand($"select to_regclass('navo_analytics_events_{day:yyyyMMdd}') is not null");
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task The_days_of_a_running_experiment_are_kept_past_the_retention_and_dropped_once_it_ends()
    {
        var tenant = new TenantContext("w" + Guid.NewGuid().ToString("N")[..12], Guid.NewGuid(), ["owner"]);
        var projects = new ProjectService(_store, new GenerationPipeline(LocalSteps.All), new LocalCopywriter());
        var site = (await projects.GenerateAsync(tenant, new GenerationRequest("Casa Lume is a lighting shop in Faro."), new Actor(tenant.UserId, "test"))).Project.Id;
        var clock = new Clock(Noon(Today));
        var options = Options.Create(new AnalyticsOptions { RawRetentionDays = 2 });
        var buffer = new VisitBuffer(_store, options, NullLogger<VisitBuffer>.Instance, clock);
        var rollups = new AnalyticsRollups(_store, options, clock, NullLogger<AnalyticsRollups>.Instance);
        for (var day = Today.AddDays(-9); day <= Today; day = day.AddDays(1))
        {
            clock.Now = Noon(day);
            buffer.TryAdd(new Visit(tenant.TenantId, site, clock.Now, VisitKind.PageView, new byte[32], "/", null, 1280));
            await buffer.FlushAsync();
        }

        var started = Today.AddDays(-6);
        var experiment = Guid.NewGuid();
        await ExecuteAsync($"""
            insert into navo_experiments (tenant_id, project_id, id, section_id, field, status, live_version, started_at)
            values ('{tenant.TenantId}', '{site}', '{experiment}', 'hero', 'ctaText', 'running', 1, '{Noon(started):O}')
            """);
        clock.Now = Noon(Today);

        await rollups.RunAsync(default);

        (await KeptAsync(started.AddDays(-1))).Should().BeFalse("a day before the experiment is past its retention");
        for (var day = started; day <= Today; day = day.AddDays(1))
        {
            (await KeptAsync(day)).Should().BeTrue($"{day} is counted by the running experiment or within the retention");
        }

        await ExecuteAsync($"update navo_experiments set status = 'stopped', ended_at = now(), variant_pages = null where id = '{experiment}'");
        await rollups.RunAsync(default);

        (await KeptAsync(started)).Should().BeFalse("the experiment ended, with its figures");
        (await KeptAsync(Today.AddDays(-2))).Should().BeTrue("within the retention");
    }
}
