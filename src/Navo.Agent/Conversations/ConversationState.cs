using Navo.Agent.Tools;
using System.Collections.Immutable;
using Navo.EventStore;

namespace Navo.Agent.Conversations;

/// <summary>A tool call waiting for the user's yes.</summary>
public sealed record PendingApproval(string ApprovalId, string Name, string Arguments, string Question);

/// <summary>A turn as remembered: what was said and answered.</summary>
public sealed record Turn(string MessageId, string UserText, AgentReply Reply, Guid? ProjectId, long? Version, DateTimeOffset At);

/// <summary>
/// A conversation as its events leave it, as a turn needs it: the current project, the last edited section and the last
/// edit's operations (for "do the same for the FAQ"), a pending approval, its last <see cref="RecentTurnCount"/> turns and
/// the message ids it has answered. Kept as a snapshot (<c>mt_doc_conversation_snapshot</c>) of one size however long the
/// conversation is; every turn is in <see cref="ConversationHistory"/>, folded from the stream when asked for.
/// </summary>
public sealed record ConversationState(
    Guid Id,
    Guid? ProjectId,
    string? LastEditedSectionId,
    PendingApproval? Pending,
    ImmutableList<Turn> RecentTurns,
    MessageIdFilter AnsweredMessageIds,
    ImmutableDictionary<string, string> PendingUserText,
    string? LastOperationsJson = null,
    string? RequestedEdit = null,
    bool LeftProject = false) : IAggregate<ConversationState>
{
    /// <summary>How many turns are kept: a turn gives the model the last six, and two more cost little.</summary>
    public const int RecentTurnCount = 8;

    public static ConversationState Initial { get; } = new(Guid.Empty, null, null, null,
        [], MessageIdFilter.Empty, ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>The turn that answered <paramref name="messageId"/>, when it is one of the recent ones.</summary>
    public Turn? RecentTurn(string messageId) => RecentTurns.Find(t => t.MessageId == messageId);

    public ConversationState Apply(EventEnvelope @event) => @event.Data switch
    {
        ConversationStarted => this with { Id = @event.StreamId },
        UserMessageReceived message => this with
        {
            ProjectId = message.ProjectId ?? ProjectId,
            PendingUserText = PendingUserText.SetItem(message.MessageId, message.Text),
        },
        ApprovalRequested requested => this with { Pending = new PendingApproval(requested.ApprovalId, requested.Name, requested.Arguments, requested.Question) },
        ApprovalGiven or ApprovalDeclined => this with { Pending = null },
        ProjectLeft left when ProjectId == left.ProjectId => this with { ProjectId = null, LastEditedSectionId = null, LastOperationsJson = null, LeftProject = true },
        ToolCallRequested { Name: ToolNames.EditSite } call => this with { RequestedEdit = call.Arguments },
        ToolCallCompleted { Name: ToolNames.EditSite, Status: ToolStatus.Ok } when RequestedEdit is not null => this with { LastOperationsJson = Operations(RequestedEdit), RequestedEdit = null },
        // A redraft or another site is not an edit to repeat or to undo in one go.
        ToolCallCompleted { Name: ToolNames.GenerateSite or ToolNames.OpenProject or ToolNames.DeleteProject, Status: ToolStatus.Ok } => this with { LastOperationsJson = null },
        AssistantReplied replied => Replied(replied, @event.Timestamp),
        _ => this,
    };

    private static string? Operations(string arguments) =>
        System.Text.Json.Nodes.JsonNode.Parse(arguments)?["operations"]?.ToJsonString();

    private ConversationState Replied(AssistantReplied replied, DateTimeOffset at)
    {
        var turn = new Turn(replied.MessageId, PendingUserText.GetValueOrDefault(replied.MessageId) ?? string.Empty, replied.Reply, replied.ProjectId, replied.Version, at);
        return this with
        {
            ProjectId = replied.ProjectId ?? ProjectId,
            LastEditedSectionId = replied.EditedSectionId ?? LastEditedSectionId,
            RecentTurns = (RecentTurns.Count < RecentTurnCount ? RecentTurns : RecentTurns.RemoveAt(0)).Add(turn),
            AnsweredMessageIds = AnsweredMessageIds.With(replied.MessageId),
            PendingUserText = PendingUserText.Remove(replied.MessageId),
        };
    }
}
