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
        var streamed = new StreamedText();
        var turn = Task.Run(async () =>
        {
            try
            {
                return await conversations.SendAsync(tenant, id, message, new EventWriter<StepProgress>(events.Writer, "progress", step => step), cancellationToken,
                    new EventWriter<ReplyDelta>(events.Writer, null, delta => delta, streamed));
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

        if (!streamed.Any)
        {
            // Nothing came from a model (a yes, a photo placed, a stale button): the reply is the text, in one piece.
            yield return new SseItem<string>(JsonSerializer.Serialize(new { text = outcome.Reply.Text }, Json), "delta");
        }

        var response = new WebChatEndpoints.MessageResponse(outcome.MessageId, outcome.Reply, outcome.ProjectId, outcome.Version);
        yield return new SseItem<string>(JsonSerializer.Serialize(response, Json), "reply");
        yield return new SseItem<string>("{}", "done");
    }

    /// <summary>Whether any reply text was streamed as the model wrote it.</summary>
    private sealed class StreamedText
    {
        public bool Any { get; set; }
    }

    /// <summary>
    /// Writes what a turn reports as events: each finished step as <c>progress</c>; the model's text as <c>delta</c>
    /// and each tool it starts to call as <c>tool</c> (when <paramref name="name"/> is null).
    /// </summary>
    private sealed class EventWriter<T>(ChannelWriter<SseItem<string>> writer, string? name, Func<T, object> data, StreamedText? streamed = null) : IProgress<T>
    {
        public void Report(T value)
        {
            if (name is not null)
            {
                writer.TryWrite(new SseItem<string>(JsonSerializer.Serialize(data(value), Json), name));
            }
            else if (value is ReplyDelta { Tool: { } tool })
            {
                writer.TryWrite(new SseItem<string>(JsonSerializer.Serialize(new { name = tool }, Json), "tool"));
            }
            else if (value is ReplyDelta { Text: { } text })
            {
                streamed!.Any = true;
                writer.TryWrite(new SseItem<string>(JsonSerializer.Serialize(new { text }, Json), "delta"));
            }
        }
    }
}
