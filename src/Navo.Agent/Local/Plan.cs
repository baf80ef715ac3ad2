using System.Text.Json.Nodes;

namespace Navo.Agent.Local;

/// <summary>A tool call the local client decided on, with its JSON arguments.</summary>
public sealed record PlannedCall(string Name, JsonObject Arguments);

/// <summary>What the local client makes of a message: tool calls, and what it says (or asks) before any result.</summary>
public sealed record Plan(IReadOnlyList<PlannedCall> Calls, string Reply, string Intent)
{
    public static Plan Ask(string question, string intent = "unclear") => new([], question, intent);

    public JsonObject ToJson() => new()
    {
        ["toolCalls"] = new JsonArray([.. Calls.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments.DeepClone() })]),
        ["reply"] = Reply,
    };
}
