using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Navo.Channels.Teams;

/// <summary>
/// Does the queue's work (<see cref="TeamsQueue"/>) on <c>Navo:Teams:Workers</c> loops, so that several conversations
/// are answered at once; each activity is handled by <see cref="TeamsTurns"/>. Runs only when Teams is on.
/// </summary>
/// <remarks>The queue and the turns are resolved once running: the store they use starts with the host.</remarks>
public sealed partial class TeamsWorker(IServiceProvider services, IOptions<TeamsOptions> options, ILogger<TeamsWorker> logger) : BackgroundService
{
    /// <summary>How long a loop waits for a wake-up before it looks again (for work other hosts stored).</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Value.Enabled ? Task.CompletedTask :
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Workers)).Select(_ => LoopAsync(stoppingToken)));

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host finishes starting while the first look runs.
        await Task.Yield();
        var queue = services.GetRequiredService<TeamsQueue>();
        var turns = services.GetRequiredService<TeamsTurns>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await queue.TakeAsync(turns.HandleAsync, Failed, stoppingToken))
                {
                    await queue.WaitAsync(Poll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                // The database was unreachable, say: wait, then look again.
                LogLookFailed(logger, failure);
                await Task.Delay(Poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>A failed attempt: the exception's type logged; the exception itself, which may quote what people wrote, only at Trace.</summary>
    private void Failed(TeamsWork item, Exception failure)
    {
        LogFailed(logger, item.Id, item.Kind, failure.GetType().Name);
        LogFailure(logger, item.Id, failure);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Teams work {Id} ({Kind}) failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, long id, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Teams work {Id} failed")]
    private static partial void LogFailure(ILogger logger, long id, Exception failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for Teams work failed")]
    private static partial void LogLookFailed(ILogger logger, Exception failure);
}
