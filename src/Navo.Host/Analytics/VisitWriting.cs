using Microsoft.Extensions.Options;
using Navo.Tools.Analyze;

namespace Navo.Host.Analytics;

/// <summary>
/// Writes the visit buffer every <see cref="AnalyticsOptions.FlushMilliseconds"/> (a second by default), and once more
/// when the host stops. A write that fails is logged and tried again on the next tick: its visits stay in memory. Each
/// tick also rotates the day's salt (<see cref="DailySalts.RotateAsync"/>), which costs nothing until the day changes.
/// </summary>
public sealed partial class VisitWriting(IServiceProvider services, IOptions<AnalyticsOptions> options, ILogger<VisitWriting> logger) : BackgroundService
{
    // Hosted services are all made before the first one starts, and the buffer needs the store, which exists only once
    // the database has started: the buffer is taken when this service starts, after the database's.
    private VisitBuffer? _buffer;
    private DailySalts? _salts;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _buffer = services.GetRequiredService<VisitBuffer>();
        _salts = services.GetRequiredService<DailySalts>();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.FlushMilliseconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await WriteAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteAsync(cancellationToken);
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (_buffer is not { } buffer || _salts is not { } salts)
        {
            return;
        }

        try
        {
            await buffer.FlushAsync(cancellationToken);
            await salts.RotateAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The visits stay in the buffer; when it fills, the beacon's endpoint answers 503.
            LogWriteFailed(logger, buffer.Pending, failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {Pending} visits; trying again")]
    private static partial void LogWriteFailed(ILogger logger, int pending, Exception failure);
}
