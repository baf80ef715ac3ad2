using Navo.EventStore;

namespace Navo.Agent.Conversations;

/// <summary>
/// The turns older than the state keeps (<see cref="ConversationState.KeptTurns"/>), read from the conversation's events
/// when asked: a page reads the numbers of the turns (the versions of their replies) and then only its own turns'
/// events, so a page costs the same at the start of a long conversation as at its end.
/// </summary>
public sealed partial class ConversationService
{
    /// <summary>The versions of the conversation's replies, oldest first: turn number n ends at the n-th.</summary>
    private const string ReplyVersions =
        "select version from mt_events where tenant_id = $1 and stream_id = $2 and type = 'assistant_replied' order by version";

    /// <summary>The version of the reply to one message id, if any (kept by <see cref="ConversationList"/>).</summary>
    private const string ReplyTo =
        "select version from navo_conversation_replies where tenant_id = $1 and conversation_id = $2 and message_id = $3";

    /// <summary>The turns so far, oldest first; null when this workspace has no such conversation.</summary>
    public async Task<IReadOnlyList<Turn>?> TurnsAsync(TenantContext tenant, Guid id, CancellationToken cancellationToken = default) =>
        (await TurnsAsync(tenant, id, null, int.MaxValue, cancellationToken))?.Turns;

    /// <summary>
    /// At most <paramref name="limit"/> turns, oldest first, ending just before turn number <paramref name="before"/>
    /// (1-based, in the order they were answered) or, without it, with the newest; null when this workspace has no
    /// such conversation.
    /// </summary>
    public async Task<TurnPage?> TurnsAsync(TenantContext tenant, Guid id, int? before, int limit, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        if (await session.FetchStreamVersionAsync(id, cancellationToken) is null)
        {
            return null;
        }

        var replies = await session.QueryAsync(ReplyVersions, r => r.GetInt64(0), cancellationToken, tenant.TenantId, id);
        var end = Math.Min(replies.Count, before is { } number ? Math.Max(number - 1, 0) : replies.Count);
        var start = Math.Max(0, end - limit);
        if (end == start)
        {
            return new TurnPage([], start > 0 ? start + 1 : null);
        }

        var events = await session.FetchStreamAsync(id, start == 0 ? 0 : replies[start - 1], replies[end - 1], cancellationToken);
        return new TurnPage(TurnsIn(events), start > 0 ? start + 1 : null);
    }

    /// <summary>
    /// The turn that answered <paramref name="messageId"/>: one of those the state keeps, or else, when the conversation
    /// has older turns, its reply found in <c>navo_conversation_replies</c> and read from the events (without the user's
    /// text, which a repeat does not need).
    /// </summary>
    private static async Task<Turn?> AnsweredAsync(IEventSession session, ConversationState state, string messageId, CancellationToken cancellationToken)
    {
        if (state.RecentTurn(messageId) is { } kept)
        {
            return kept;
        }

        if (state.TurnCount <= state.RecentTurns.Count)
        {
            return null;
        }

        var versions = await session.QueryAsync(ReplyTo, r => r.GetInt64(0), cancellationToken, session.Tenant.TenantId, state.Id, messageId);
        return versions.Count == 0
            ? null
            : TurnsIn(await session.FetchStreamAsync(state.Id, versions[0] - 1, versions[0], cancellationToken)).SingleOrDefault();
    }

    /// <summary>The turns the replies among <paramref name="events"/> end, each with the text of its message (as <see cref="ConversationState"/> folds them).</summary>
    private static List<Turn> TurnsIn(IEnumerable<EventEnvelope> events)
    {
        var said = new Dictionary<string, string>(StringComparer.Ordinal);
        var turns = new List<Turn>();
        foreach (var @event in events)
        {
            switch (@event.Data)
            {
                case UserMessageReceived message:
                    said[message.MessageId] = message.Text;
                    break;
                case AssistantReplied replied:
                    turns.Add(Turn.From(replied, said.Remove(replied.MessageId, out var text) ? text : null, @event.Timestamp));
                    break;
            }
        }

        return turns;
    }
}
