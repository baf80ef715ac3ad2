using Navo.Tools.Analyze;

namespace Navo.Host.Analytics;

/// <summary>
/// Every minute, rolls up the visits of finished days and drops events past their retention
/// (<see cref="AnalyticsRollups.RunAsync"/>). Every host runs it; an advisory lock lets one of them do the work at a
/// time. A run that fails is logged and tried again the next minute: until then, reports read those days' events.
/// </summary>
public sealed partial class RollingUp(IServiceProvider services, TimeProvider time, ILogger<RollingUp> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Taken when this service starts, after the database's (see VisitWriting).
        var rollups = services.GetRequiredService<AnalyticsRollups>();
        using var timer = new PeriodicTimer(Interval, time);
        do
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
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not roll up visits; trying again in a minute")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
