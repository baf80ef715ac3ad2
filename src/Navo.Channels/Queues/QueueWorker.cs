using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Navo.Channels.Queues;

/// <summary>
/// Does a channel's queued work (<see cref="DurableQueue{TWork}"/>) on <see cref="ChannelQueueOptions.Workers"/> loops,
/// so that several conversations are answered at once; each item is handled by the channel's
/// <see cref="IQueueHandler{TWork}"/>. Runs only when the channel is on.
/// </summary>
/// <remarks>The queue and the handler are resolved once running: the store they use starts with the host.</remarks>
public sealed class QueueWorker<TWork>(IServiceProvider services, ILogger<QueueWorker<TWork>> logger) : BackgroundService
    where TWork : class, IQueuedWork
{
    /// <summary>How long a loop waits for a wake-up before it looks again (for work other hosts stored, or now due).</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host finishes starting while the loops begin.
        await Task.Yield();
        var queue = services.GetRequiredService<DurableQueue<TWork>>();
        if (queue.Options.Enabled)
        {
            var handler = services.GetRequiredService<IQueueHandler<TWork>>();
            await Task.WhenAll(Enumerable.Range(0, Math.Max(1, queue.Options.Workers)).Select(_ => LoopAsync(queue, handler, stoppingToken)));
        }
    }

    private async Task LoopAsync(DurableQueue<TWork> queue, IQueueHandler<TWork> handler, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var taken = await queue.TakeAsync(
                    handler,
                    (item, reason, failure) => Failed(queue.Channel, item, reason, failure),
                    (item, reason) => GaveUp(queue.Channel, item, reason),
                    (item, failure) => NotTold(queue, item, failure),
                    stoppingToken);
                if (!taken)
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
                QueueLog.LookFailed(logger, queue.Channel, failure);
                await Task.Delay(Poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>A failed attempt: its reason logged (a code or a type, never a message's text); the exception itself only at Trace.</summary>
    private void Failed(string channel, TWork item, string reason, Exception failure)
    {
        QueueLog.Failed(logger, channel, item.Id, item.Kind, item.Attempt, reason);
        QueueLog.Failure(logger, channel, item.Id, failure);
    }

    /// <summary>A give-up the person could not be told of: logged as <see cref="Failed"/> is, and left (the give-up stands).</summary>
    private void NotTold(DurableQueue<TWork> queue, TWork item, Exception failure)
    {
        QueueLog.NotTold(logger, queue.Channel, item.Id, item.Kind, queue.Reason(failure));
        QueueLog.Failure(logger, queue.Channel, item.Id, failure);
    }

    private void GaveUp(string channel, TWork item, string reason) => QueueLog.GaveUp(logger, channel, item.Id, item.Kind, item.Attempt, reason);
}

/// <summary>The queue worker's log lines, kept out of the generic type for the logging source generator.</summary>
internal static partial class QueueLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} work {Id} ({Kind}) failed on attempt {Attempt}: {Reason}")]
    public static partial void Failed(ILogger logger, string channel, long id, string kind, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Trace, Message = "{Channel} work {Id} failed")]
    public static partial void Failure(ILogger logger, string channel, long id, Exception failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel} work {Id} ({Kind}) given up after {Attempt} attempts: {Reason}")]
    public static partial void GaveUp(ILogger logger, string channel, long id, string kind, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel} work {Id} ({Kind}) was given up, and telling the person failed: {Reason}")]
    public static partial void NotTold(ILogger logger, string channel, long id, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for {Channel} work failed")]
    public static partial void LookFailed(ILogger logger, string channel, Exception failure);
}
