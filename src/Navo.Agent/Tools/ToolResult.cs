using Navo.Agent.Conversations;

namespace Navo.Agent.Tools;

/// <summary>
/// What a tool hands back to the model (and, through the local client, to the user): a status, a plain sentence,
/// and what changed.
/// </summary>
public sealed record ToolResult(string Status, string Message, Guid? ProjectId = null, long? Version = null, string? EditedSectionId = null, ReplyCard? Card = null)
{
    public static ToolResult Ok(string message, Guid? projectId = null, long? version = null, string? editedSectionId = null, ReplyCard? card = null) =>
        new("ok", message, projectId, version, editedSectionId, card);

    public static ToolResult Error(string message) => new("error", message);

    public static ToolResult Refused(string message) => new("refused", message);
}
