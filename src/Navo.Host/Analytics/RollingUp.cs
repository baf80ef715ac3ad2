using Navo.EventStore;
using Navo.Tools.Analyze;

namespace Navo.Host.Analytics;

/// <summary>
/// Every minute, rolls up the visits of finished days and drops events past their retention
/// (<see cref="AnalyticsRollups.RunAsync"/>), on the host that leads the background jobs (<see cref="JobLeadership"/>),
/// and at once on a host that has just become the leader; the roll-up's own advisory lock keeps any two runs apart. A run
/// that fails is logged and tried again the next minute: until then, reports read those days' events.
/// </summary>
public sealed partial class RollingUp(IServiceProvider services, TimeProvider time, ILogger<RollingUp> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Taken when this service starts, after the database's (see VisitWriting).
        var rollups = services.GetRequiredService<AnalyticsRollups>();
        var turns = services.GetRequiredService<JobLeadership>().Turns(Interval, time);
        while (await turns.NextAsync(stoppingToken))
        {
            try
            {
                await rollups.RunAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogFailed(logger, failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not roll up visits; trying again in a minute")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
