using System.Text.Json.Nodes;

namespace Navo.Channels.Teams;

public sealed partial class TeamsTurns
{
    /// <summary>
    /// Posts the one answer a queued activity gets (the turn's reply, a welcome, a link), as a reply to
    /// <paramref name="replyToId"/> when given, and records its id for the item at once. An item is tried again when an
    /// attempt stopped after the Connector took the answer but before the item was marked done (the host stopped, its
    /// database went away): the turn is answered from the conversation's record, and the answer the earlier attempt
    /// posted is replaced in place rather than posted a second time.
    /// </summary>
    private async Task PostOnceAsync(Place at, JsonObject answer, string? replyToId, CancellationToken cancellationToken)
    {
        if (at.Work is { Attempt: > 1 } retried && await teams.PostedReplyAsync(retried.Id, cancellationToken) is { } posted)
        {
            try
            {
                await connector.UpdateAsync(at.Service, at.Conversation, posted, answer, cancellationToken);
                return;
            }
            catch (HttpRequestException gone) when (gone.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // The earlier answer was deleted meanwhile: the person gets it again as a new message.
            }
        }

        if (await connector.SendAsync(at.Service, at.Conversation, answer, replyToId, cancellationToken) is { } id && at.Work is { } work)
        {
            await teams.RecordReplyAsync(work.Id, id, CancellationToken.None);
        }
    }
}
