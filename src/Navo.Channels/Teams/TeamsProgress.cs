using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Navo.Tools;

namespace Navo.Channels.Teams;

/// <summary>
/// An informative progress message while a draft or a publish runs: sent at the first step, then updated in place (at
/// most every <see cref="Interval"/>, each time with the latest step), and left saying what was done. Steps are
/// reported on the turn's thread; the Connector is called from one loop of this class's own, so a slow Connector never
/// slows the turn.
/// </summary>
public sealed partial class TeamsProgress(TeamsConnector connector, TrustedServiceUrl service, string conversation, ILogger logger) : IProgress<StepProgress>, IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(700);

    private readonly System.Threading.Channels.Channel<StepProgress> _steps = System.Threading.Channels.Channel.CreateUnbounded<StepProgress>();
    private readonly Lock _gate = new();
    private Task? _loop;
    private string? _messageId;
    private StepProgress? _last;

    public void Report(StepProgress value)
    {
        // Steps run in parallel: one loop, started by whichever reports first.
        lock (_gate)
        {
            _loop ??= Task.Run(LoopAsync);
        }

        _steps.Writer.TryWrite(value);
    }

    /// <summary>Waits for the last update, then leaves the message saying the work is done.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        _steps.Writer.TryComplete();
        if (_loop is null)
        {
            return;
        }

        await _loop;
        if (_messageId is not null && _last is { } last)
        {
            await SafelyAsync(() => connector.UpdateAsync(service, conversation, _messageId, Text($"Done: {last.Total} steps."), cancellationToken));
        }
    }

    private async Task LoopAsync()
    {
        while (await _steps.Reader.WaitToReadAsync())
        {
            while (_steps.Reader.TryRead(out var step))
            {
                _last = step;
            }

            var text = Text(string.Create(CultureInfo.InvariantCulture, $"Working on it: {_last!.Step} ({_last.Done}/{_last.Total})…"));
            if (_messageId is null)
            {
                await SafelyAsync(async () => _messageId = await connector.SendAsync(service, conversation, text, null, CancellationToken.None));
            }
            else
            {
                await SafelyAsync(() => connector.UpdateAsync(service, conversation, _messageId, text, CancellationToken.None));
            }

            // The next update waits a little, unless the turn is over.
            await Task.WhenAny(Task.Delay(Interval), _steps.Reader.Completion);
        }
    }

    /// <summary>Progress is a courtesy: a Connector that refuses it does not fail the turn.</summary>
    private async Task SafelyAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (HttpRequestException failure)
        {
            LogProgressFailed(logger, failure.StatusCode is { } status ? (int)status : 0);
        }
    }

    private static JsonObject Text(string text) => new() { ["type"] = "message", ["text"] = text };

    public async ValueTask DisposeAsync()
    {
        _steps.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A Teams progress update was not sent (status {Status})")]
    private static partial void LogProgressFailed(ILogger logger, int status);
}
