using Navo.Agent.Tools;
using System.Collections.Immutable;
using Navo.EventStore;

namespace Navo.Agent.Conversations;

/// <summary>A tool call waiting for the user's yes.</summary>
public sealed record PendingApproval(string ApprovalId, string Name, string Arguments, string Question);

/// <summary>A turn as remembered: what was said and answered.</summary>
public sealed record Turn(string MessageId, string UserText, AgentReply Reply, Guid? ProjectId, long? Version, DateTimeOffset At)
{
    /// <summary>The turn <paramref name="replied"/> ends, to <paramref name="userText"/> (none for Navo's own posts).</summary>
    public static Turn From(AssistantReplied replied, string? userText, DateTimeOffset at) =>
        new(replied.MessageId, userText ?? string.Empty, replied.Reply, replied.ProjectId, replied.Version, at);
}

/// <summary>
/// A page of turns, oldest first. <paramref name="Older"/> is the <c>before</c> of the page of turns older than these
/// (the number of the first turn here), or null when these are the first.
/// </summary>
public sealed record TurnPage(IReadOnlyList<Turn> Turns, int? Older);

/// <summary>
/// A conversation as its events leave it, as far as its next turn needs: the current project, the last edited section
/// and the last edit's operations (for "do the same for the FAQ"), a pending approval, the suggestions it last listed
/// (for "apply the second one"), how many turns it has had and the last <see cref="KeptTurns"/> of them (the model's
/// history and a repeated message id answered without asking the store). The state is kept in memory for every
/// conversation a host serves, so it must not grow with the conversation: older turns are read from the events when
/// asked (<see cref="ConversationService.TurnsAsync(Navo.EventStore.TenantContext, Guid, int?, int, CancellationToken)"/>).
/// </summary>
public sealed record ConversationState(
    Guid Id,
    Guid? ProjectId,
    string? LastEditedSectionId,
    PendingApproval? Pending,
    int TurnCount,
    ImmutableList<Turn> RecentTurns,
    ImmutableDictionary<string, string> PendingUserText,
    string? LastOperationsJson = null,
    string? RequestedEdit = null,
    bool LeftProject = false,
    ImmutableList<Guid>? Shown = null) : IAggregate<ConversationState>
{
    /// <summary>How many of the latest turns are kept: the six the model is shown, and a few more for a client's retry.</summary>
    public const int KeptTurns = 10;

    public static ConversationState Initial { get; } = new(Guid.Empty, null, null, null,
        0, [], ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));

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
        ProjectLeft left when ProjectId == left.ProjectId => this with { ProjectId = null, LastEditedSectionId = null, LastOperationsJson = null, LeftProject = true, Shown = null },
        ToolCallRequested { Name: ToolNames.EditSite } call => this with { RequestedEdit = call.Arguments },
        ToolCallCompleted { Name: ToolNames.EditSite, Status: ToolStatus.Ok } when RequestedEdit is not null => this with { LastOperationsJson = Operations(RequestedEdit), RequestedEdit = null },
        // A redraft or another site is not an edit to repeat or to undo in one go.
        // Another site's list is not this one's: "apply the second one" no longer points at it.
        ToolCallCompleted { Name: ToolNames.GenerateSite or ToolNames.OpenProject or ToolNames.DeleteProject, Status: ToolStatus.Ok } => this with { LastOperationsJson = null, Shown = null },
        AssistantReplied replied => Replied(replied, @event.Timestamp),
        _ => this,
    };

    /// <summary>The suggestions last listed, numbered in this order (none rather than null).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ImmutableList<Guid> ShownSuggestions => Shown ?? [];

    /// <summary>The ids a reply's <c>suggestions</c> card lists, or null when it has none.</summary>
    private static ImmutableList<Guid>? Listed(AgentReply reply) =>
        reply.Cards.LastOrDefault(c => c.Type == "suggestions")?.Data["items"] is System.Text.Json.Nodes.JsonArray items
            ? [.. items.Select(i => Guid.Parse(i!["id"]!.GetValue<string>()))]
            : null;

    private static string? Operations(string arguments) =>
        System.Text.Json.Nodes.JsonNode.Parse(arguments)?["operations"]?.ToJsonString();

    /// <summary>The kept turn that answered <paramref name="messageId"/>, or null when none of them did.</summary>
    public Turn? RecentTurn(string messageId) => RecentTurns.Find(t => t.MessageId == messageId);

    private ConversationState Replied(AssistantReplied replied, DateTimeOffset at)
    {
        var turn = Turn.From(replied, PendingUserText.GetValueOrDefault(replied.MessageId), at);
        var kept = RecentTurns.Add(turn);
        return this with
        {
            ProjectId = replied.ProjectId ?? ProjectId,
            LastEditedSectionId = replied.EditedSectionId ?? LastEditedSectionId,
            TurnCount = TurnCount + 1,
            RecentTurns = kept.Count > KeptTurns ? kept.RemoveRange(0, kept.Count - KeptTurns) : kept,
            PendingUserText = PendingUserText.Remove(replied.MessageId),
            Shown = Listed(replied.Reply) ?? Shown,
        };
    }
}
