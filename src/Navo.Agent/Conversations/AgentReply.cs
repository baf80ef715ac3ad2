using System.Text.Json.Nodes;

namespace Navo.Agent.Conversations;

/// <summary>
/// What Navo answers: Markdown text, cards (preview, diff, confirm, …) and suggested actions. Each channel renders
/// it its own way.
/// </summary>
public sealed record AgentReply(string Text, IReadOnlyList<ReplyCard> Cards, IReadOnlyList<string> SuggestedActions)
{
    public static AgentReply Plain(string text) => new(text, [], []);
}

/// <summary>A card: its kind (<c>preview</c>, <c>confirm</c>, <c>history</c>, <c>projects</c>) and its data.</summary>
public sealed record ReplyCard(string Type, JsonObject Data);
