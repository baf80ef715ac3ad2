using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Navo.Agent.Conversations;
using Navo.Channels.Queues;
using Navo.Tools;

namespace Navo.Channels.Slack;

public sealed partial class SlackTurns
{
    /// <summary>The <c>event_type</c> of the metadata on every message Navo posts for a queued item.</summary>
    public const string ReplyEventType = "navo_reply";

    /// <summary>How many of a channel's latest messages are read to find a reply posted outside a thread.</summary>
    private const int HistoryLookBack = 100;

    /// <summary>The fewest milliseconds between two updates of a progress message (<c>chat.update</c> is rate tier 3).</summary>
    private const int ProgressInterval = 1000;

    /// <summary>
    /// Posts <paramref name="reply"/> as <paramref name="work"/>'s message in the thread, at most once however often
    /// the item is tried: the message carries the item's id in its metadata, and a retried item first looks for it
    /// in the thread (<see cref="FindPostedAsync"/>) and updates it in place instead. <paramref name="ts"/> is a message
    /// already posted for the item (its progress). The message's <c>ts</c>.
    /// </summary>
    private async Task<string?> PostAsync(
        SlackInstallation installation, SlackWork work, string channel, string? root, AgentReply reply, SlackMember member, string? ts, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["channel"] = channel,
            ["text"] = SlackBlocks.Mrkdwn(reply.Text),
            ["blocks"] = SlackBlocks.For(reply, await ExtrasAsync(reply, member, cancellationToken)),
        };
        return await PostOrUpdateAsync(installation, work, channel, root, body, ts, cancellationToken);
    }

    private async Task<string?> PostOrUpdateAsync(
        SlackInstallation installation, SlackWork work, string channel, string? root, JsonObject body, string? ts, CancellationToken cancellationToken)
    {
        body["metadata"] = Metadata(work);
        ts ??= work.Retried ? await FindPostedAsync(installation, work, channel, root, cancellationToken) : null;
        if (ts is not null)
        {
            body["ts"] = ts;
            await api.CallAsync("chat.update", installation.BotToken, body, cancellationToken);
            return ts;
        }

        if (root is not null)
        {
            body["thread_ts"] = root;
        }

        var answer = await api.CallAsync("chat.postMessage", installation.BotToken, body, cancellationToken);
        return Str(answer, "ts");
    }

    /// <summary>The metadata that names the queued item a message was posted for.</summary>
    private static JsonObject Metadata(SlackWork work) => new()
    {
        ["event_type"] = ReplyEventType,
        ["event_payload"] = new JsonObject { ["work"] = work.Id.ToString(CultureInfo.InvariantCulture) },
    };

    /// <summary>
    /// The <c>ts</c> of the message an earlier attempt of <paramref name="work"/> posted, read back from Slack with its
    /// metadata (<c>conversations.replies</c> in a thread, else the channel's latest <c>conversations.history</c>);
    /// null when none was posted.
    /// </summary>
    private async Task<string?> FindPostedAsync(SlackInstallation installation, SlackWork work, string channel, string? root, CancellationToken cancellationToken)
    {
        var answer = root is null
            ? await api.FormAsync("conversations.history", installation.BotToken,
                [new("channel", channel), new("limit", HistoryLookBack.ToString(CultureInfo.InvariantCulture)), new("include_all_metadata", "true")], cancellationToken)
            : await api.FormAsync("conversations.replies", installation.BotToken,
                [new("channel", channel), new("ts", root), new("limit", "1000"), new("include_all_metadata", "true")], cancellationToken);
        var id = work.Id.ToString(CultureInfo.InvariantCulture);
        var found = (answer["messages"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(m =>
            m["metadata"] is JsonObject metadata && Str(metadata, "event_type") == ReplyEventType && Str(metadata["event_payload"] as JsonObject, "work") == id);
        LogLookedForPost(logger, work.Id, found is not null);
        return Str(found, "ts");
    }

    /// <summary>
    /// Tells the person whose request was given up, in a plain sentence where they asked, once; a failure to tell them
    /// is logged and left.
    /// </summary>
    public async Task TellGaveUpAsync(SlackWork work, CancellationToken cancellationToken)
    {
        try
        {
            var payload = JsonNode.Parse(work.Payload)!.AsObject();
            if (await slack.InstallationAsync(work.TeamId, cancellationToken) is not { } installation)
            {
                return;
            }

            var (channel, root) = work.Kind switch
            {
                "event" when payload["event"] is JsonObject e => (Str(e, "channel"), Str(e, "thread_ts") ?? Str(e, "ts")),
                "interaction" => (Str(payload["channel"] as JsonObject, "id") ?? Str(payload["container"] as JsonObject, "channel_id"),
                    Str(payload["message"] as JsonObject, "thread_ts") ?? Str(payload["message"] as JsonObject, "ts")),
                "command" => (Str(payload, "channel_id"), null),
                _ => (null, null),
            };
            if (channel is null)
            {
                return;
            }

            var body = new JsonObject { ["channel"] = channel, ["text"] = GaveUpText };
            if (root is not null)
            {
                body["thread_ts"] = root;
            }

            if (work.Kind == "command" && Str(payload, "user_id") is { } user)
            {
                body["user"] = user;
                await api.CallAsync("chat.postEphemeral", installation.BotToken, body, cancellationToken);
            }
            else
            {
                await api.CallAsync("chat.postMessage", installation.BotToken, body, cancellationToken);
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogTellFailed(logger, work.Id, SlackQueue.ReasonOf(failure));
        }
    }

    /// <summary>What a person is told when their request is given up.</summary>
    public const string GaveUpText = QueueWords.GaveUp;

    /// <summary>
    /// A turn's progress as one message: posted with the first step a draft or a publish finishes, then updated in
    /// place (<c>chat.update</c>, at most once a second) as further steps finish; the reply then takes its place.
    /// </summary>
    private sealed class ProgressMessage : IProgress<StepProgress>
    {
        private readonly SlackTurns _turns;
        private readonly SlackInstallation _installation;
        private readonly SlackWork _work;
        private readonly string _channel;
        private readonly string? _root;
        private readonly Func<StepProgress, JsonArray> _blocks;
        private readonly CancellationToken _cancellationToken;
        private readonly SemaphoreSlim _reported = new(0, 1);
        private readonly CancellationTokenSource _finished = new();
        private readonly Task _pump;
        private StepProgress? _latest;

        /// <summary>
        /// Shows progress in <c>ts</c>, a message to update from the start (a question whose answer is being carried
        /// out), or else in one posted with the first step; <c>blocks</c> renders a step.
        /// </summary>
        public ProgressMessage(
            SlackTurns turns, SlackInstallation installation, SlackWork work, string channel, string? root, string? ts, Func<StepProgress, JsonArray> blocks,
            CancellationToken cancellationToken)
        {
            (_turns, _installation, _work, _channel, _root, Ts, _blocks, _cancellationToken) = (turns, installation, work, channel, root, ts, blocks, cancellationToken);
            _pump = PumpAsync();
        }

        /// <summary>The progress message's <c>ts</c> once it is posted.</summary>
        public string? Ts { get; private set; }

        public void Report(StepProgress value)
        {
            Volatile.Write(ref _latest, value);
            if (_reported.CurrentCount == 0)
            {
                try
                {
                    _reported.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Another report woke the pump already: it reads the latest.
                }
            }
        }

        /// <summary>Stops updating; the message's <c>ts</c>, or null when no step finished. A failed post fails the turn's item.</summary>
        public async Task<string?> FinishAsync()
        {
            await _finished.CancelAsync();
            await _pump;
            _finished.Dispose();
            return Ts;
        }

        private async Task PumpAsync()
        {
            await Task.Yield();
            while (true)
            {
                try
                {
                    await _reported.WaitAsync(_finished.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                if (Volatile.Read(ref _latest) is not { } step)
                {
                    continue;
                }

                var body = new JsonObject
                {
                    ["channel"] = _channel,
                    ["text"] = SlackBlocks.ProgressText(step),
                    ["blocks"] = _blocks(step),
                };
                Ts = await _turns.PostOrUpdateAsync(_installation, _work, _channel, _root, body, Ts, _cancellationToken);
                try
                {
                    await Task.Delay(ProgressInterval, _finished.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack work {Id} tried again: its earlier message found {Found}")]
    private static partial void LogLookedForPost(ILogger logger, long id, bool found);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling the person that Slack work {Id} was given up failed: {Reason}")]
    private static partial void LogTellFailed(ILogger logger, long id, string reason);
}
