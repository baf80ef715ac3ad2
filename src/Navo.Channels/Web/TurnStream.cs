using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Navo.Agent.Conversations;
using Navo.Agent.Functions;
using Navo.EventStore;
using Navo.Tools;

namespace Navo.Channels.Web;

/// <summary>
/// A turn as server-sent events: <c>progress</c> for each finished step of a draft, <c>tool</c> when the model starts
/// a tool call, <c>delta</c> pieces of the reply text as the model writes them, <c>reply</c> with the whole
/// structured reply (which the studio shows in place of the pieces), then <c>done</c>.
/// </summary>
public static class TurnStream
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IResult Result(ConversationService conversations, TenantContext tenant, Guid id, IncomingMessage message, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(EventsAsync(conversations, tenant, id, message, cancellationToken));

    private static async IAsyncEnumerable<SseItem<string>> EventsAsync(
        ConversationService conversations, TenantContext tenant, Guid id, IncomingMessage message, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = Channel.CreateUnbounded<SseItem<string>>();
        var replyEvents = new ReplyEvents(events.Writer);
        var turn = Task.Run(async () =>
        {
            try
            {
                return await conversations.SendAsync(tenant, id, message, new StepEvents(events.Writer), cancellationToken, replyEvents);
            }
            finally
            {
                events.Writer.TryComplete();
            }
        }, cancellationToken);

        await foreach (var item in events.Reader.ReadAllAsync(cancellationToken))
        {
            yield return item;
        }

        var outcome = await turn;
        if (outcome is null)
        {
            yield return new SseItem<string>(JsonSerializer.Serialize(new { title = "Conversation not found.", status = 404 }, Json), "error");
            yield break;
        }

        if (outcome.Busy)
        {
            yield return new SseItem<string>(JsonSerializer.Serialize(new { title = "The site is busy.", status = 409, detail = outcome.Reply.Text }, Json), "error");
            yield break;
        }

        if (!replyEvents.StreamedText)
        {
            // Nothing came from a model (a yes, a photo placed, a stale button): the reply is the text, in one piece.
            yield return new SseItem<string>(JsonSerializer.Serialize(new { text = outcome.Reply.Text }, Json), "delta");
        }

        var response = new WebChatEndpoints.MessageResponse(outcome.MessageId, outcome.Reply, outcome.ProjectId, outcome.Version);
        yield return new SseItem<string>(JsonSerializer.Serialize(response, Json), "reply");
        yield return new SseItem<string>("{}", "done");
    }

    /// <summary>Each finished step of a draft or a publish as a <c>progress</c> event.</summary>
    private sealed class StepEvents(ChannelWriter<SseItem<string>> writer) : IProgress<StepProgress>
    {
        public void Report(StepProgress value) => writer.TryWrite(new SseItem<string>(JsonSerializer.Serialize(value, Json), "progress"));
    }

    /// <summary>The model's text as <c>delta</c> events, and each tool it starts to call as a <c>tool</c> event.</summary>
    private sealed class ReplyEvents(ChannelWriter<SseItem<string>> writer) : IProgress<ReplyDelta>
    {
        /// <summary>Whether any reply text was streamed as the model wrote it.</summary>
        public bool StreamedText { get; private set; }

        public void Report(ReplyDelta value)
        {
            if (value.Tool is { } tool)
            {
                writer.TryWrite(new SseItem<string>(JsonSerializer.Serialize(new { name = tool }, Json), "tool"));
            }
            else if (value.Text is { } text)
            {
                StreamedText = true;
                writer.TryWrite(new SseItem<string>(JsonSerializer.Serialize(new { text }, Json), "delta"));
            }
        }
    }
}
