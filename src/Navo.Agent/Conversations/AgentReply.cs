using System.Text.Json.Nodes;

namespace Navo.Agent.Conversations;

/// <summary>
/// What Navo answers: Markdown text, cards (preview, diff, confirm, …) and suggested actions. Each channel renders
/// it its own way.
/// </summary>
public sealed record AgentReply(string Text, IReadOnlyList<ReplyCard> Cards, IReadOnlyList<string> SuggestedActions)
{
    public static AgentReply Plain(string text) => new(text, [], []);

    /// <summary>
    /// What the reply's buttons and suggested actions were offered for. A channel sends it back with a pressed button
    /// (<see cref="IncomingMessage.Offer"/>), and a button pressed after the site or the question moved on does nothing.
    /// </summary>
    public ActionOffer? Offer { get; init; }

    /// <summary>
    /// The photo the reply still asks about (where it goes, or what it shows): a channel sends it again with the next
    /// message (<see cref="IncomingMessage.AssetId"/>).
    /// </summary>
    public string? Attachment { get; init; }
}

/// <summary>The site, its version and the open question a button was offered for.</summary>
public sealed record ActionOffer(Guid? ProjectId, long? Version, string? ApprovalId = null);

/// <summary>A card: its kind (<c>preview</c>, <c>confirm</c>, <c>history</c>, <c>projects</c>, <c>analytics</c>) and its data.</summary>
public sealed record ReplyCard(string Type, JsonObject Data);
