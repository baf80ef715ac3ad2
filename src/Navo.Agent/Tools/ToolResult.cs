using System.Text.Json.Serialization;
using Navo.Agent.Conversations;

namespace Navo.Agent.Tools;

/// <summary>How a tool call ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ToolStatus>))]
public enum ToolStatus
{
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>It could not be done; a plain sentence went back.</summary>
    [JsonStringEnumMemberName("error")]
    Error,

    /// <summary>The caller's role does not allow it.</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,
}

/// <summary>
/// What a tool hands back to the model (and, through the local client, to the user): a status, a plain sentence,
/// and what changed, and the cards a channel shows with the reply (a report's chart, then its suggestions).
/// </summary>
public sealed record ToolResult(ToolStatus Status, string Message, Guid? ProjectId = null, long? Version = null, string? EditedSectionId = null, ReplyCard? Card = null)
{
    /// <summary>Cards shown after <see cref="Card"/>.</summary>
    public IReadOnlyList<ReplyCard> MoreCards { get; init; } = [];

    /// <summary>Every card of the result, in order.</summary>
    public IEnumerable<ReplyCard> Cards => Card is null ? MoreCards : MoreCards.Prepend(Card);

    public static ToolResult Ok(string message, Guid? projectId = null, long? version = null, string? editedSectionId = null, ReplyCard? card = null) =>
        new(ToolStatus.Ok, message, projectId, version, editedSectionId, card);

    public static ToolResult Error(string message) => new(ToolStatus.Error, message);

    public static ToolResult Refused(string message) => new(ToolStatus.Refused, message);
}
