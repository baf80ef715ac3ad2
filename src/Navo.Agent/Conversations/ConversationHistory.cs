using System.Collections.Immutable;
using Navo.EventStore;

namespace Navo.Agent.Conversations;

/// <summary>
/// Every turn of a conversation, oldest first, with the <see cref="ConversationState"/> they leave: the conversation's
/// history, read rarely (the history a channel shows, a retry of a message older than the recent turns), so folded from
/// the stream when asked for and never kept as a snapshot, which would grow with every turn.
/// </summary>
public sealed record ConversationHistory(ConversationState State, ImmutableList<Turn> Turns) : IAggregate<ConversationHistory>
{
    public static ConversationHistory Initial { get; } = new(ConversationState.Initial, []);

    /// <summary>The state's own fold; a reply's turn is the one the state has just added to its recent turns.</summary>
    public ConversationHistory Apply(EventEnvelope @event)
    {
        var state = State.Apply(@event);
        return @event.Data is AssistantReplied ? new(state, Turns.Add(state.RecentTurns[^1])) : this with { State = state };
    }

    /// <summary>The turn that answered <paramref name="messageId"/>, if any.</summary>
    public Turn? TurnFor(string messageId) => Turns.Find(t => t.MessageId == messageId);
}
