using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Navo.Agent.Conversations;
using Navo.EventStore;
using Navo.Tools;

namespace Navo.Channels.Web;

/// <summary>
/// A turn as server-sent events: <c>progress</c> for each finished step of a draft, <c>delta</c> chunks of the reply
/// text, <c>reply</c> with the whole structured reply, then <c>done</c>.
/// </summary>
public static class TurnStream
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IResult Result(ConversationService conversations, TenantContext tenant, Guid id, IncomingMessage message, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(EventsAsync(conversations, tenant, id, message, cancellationToken));

    private static async IAsyncEnumerable<SseItem<string>> EventsAsync(
        ConversationService conversations, TenantContext tenant, Guid id, IncomingMessage message, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var progress = Channel.CreateUnbounded<StepProgress>();
        var turn = Task.Run(async () =>
        {
            try
            {
                return await conversations.SendAsync(tenant, id, message, new ChannelProgress(progress.Writer), cancellationToken);
            }
            finally
            {
                progress.Writer.TryComplete();
            }
        }, cancellationToken);

        await foreach (var step in progress.Reader.ReadAllAsync(cancellationToken))
        {
            yield return new SseItem<string>(JsonSerializer.Serialize(step, Json), "progress");
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

        foreach (var chunk in Chunks(outcome.Reply.Text))
        {
            yield return new SseItem<string>(JsonSerializer.Serialize(new { text = chunk }, Json), "delta");
        }

        var response = new WebChatEndpoints.MessageResponse(outcome.MessageId, outcome.Reply, outcome.ProjectId, outcome.Version);
        yield return new SseItem<string>(JsonSerializer.Serialize(response, Json), "reply");
        yield return new SseItem<string>("{}", "done");
    }

    /// <summary>The reply in word groups, as a streaming model would send it.</summary>
    private static IEnumerable<string> Chunks(string text)
    {
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i += 4)
        {
            yield return string.Join(' ', words.Skip(i).Take(4)) + (i + 4 < words.Length ? " " : string.Empty);
        }
    }

    private sealed class ChannelProgress(ChannelWriter<StepProgress> writer) : IProgress<StepProgress>
    {
        public void Report(StepProgress value) => writer.TryWrite(value);
    }
}
