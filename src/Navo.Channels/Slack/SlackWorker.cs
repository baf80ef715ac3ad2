using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Navo.Channels.Slack;

/// <summary>
/// Does the queue's work (<see cref="SlackQueue"/>) on <c>Navo:Slack:Workers</c> loops, so that several conversations
/// are answered at once; each item is handled by <see cref="SlackTurns"/>. Runs only when Slack is on.
/// </summary>
/// <remarks>The queue and the turns are resolved once running: the store they use starts with the host.</remarks>
public sealed partial class SlackWorker(IServiceProvider services, IOptions<SlackOptions> options, ILogger<SlackWorker> logger) : BackgroundService
{
    /// <summary>How long a loop waits for a wake-up before it looks again (for work other hosts stored).</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Value.Enabled ? Task.CompletedTask :
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Workers)).Select(_ => LoopAsync(stoppingToken)));

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host finishes starting while the first look runs.
        await Task.Yield();
        var queue = services.GetRequiredService<SlackQueue>();
        var turns = services.GetRequiredService<SlackTurns>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await queue.TakeAsync(turns.HandleAsync, Failed, (item, reason, cancellationToken) => GaveUpAsync(turns, item, reason, cancellationToken), stoppingToken))
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

    /// <summary>A failed attempt: its reason logged (a code or a type, never a message's text); the exception itself only at Trace.</summary>
    private void Failed(SlackWork item, string reason, Exception failure)
    {
        LogFailed(logger, item.Id, item.Kind, item.Attempt, reason);
        LogFailure(logger, item.Id, failure);
    }

    private async Task GaveUpAsync(SlackTurns turns, SlackWork item, string reason, CancellationToken cancellationToken)
    {
        LogGaveUp(logger, item.Id, item.Kind, item.Attempt, reason);
        await turns.TellGaveUpAsync(item, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack work {Id} ({Kind}) failed on attempt {Attempt}: {Reason}")]
    private static partial void LogFailed(ILogger logger, long id, string kind, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Slack work {Id} failed")]
    private static partial void LogFailure(ILogger logger, long id, Exception failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack work {Id} ({Kind}) given up after {Attempt} attempts: {Reason}")]
    private static partial void LogGaveUp(ILogger logger, long id, string kind, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for Slack work failed")]
    private static partial void LogLookFailed(ILogger logger, Exception failure);
}
