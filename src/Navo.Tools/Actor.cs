namespace Navo.Tools;

/// <summary>Who made a change and where: carried by every project event (the when is the event's timestamp).</summary>
/// <param name="UserId">The authenticated user.</param>
/// <param name="Channel">Where the request came from: <c>api</c>, <c>web</c>, <c>teams</c> or <c>slack</c>.</param>
/// <param name="ConversationId">The conversation, when the change came from one.</param>
public sealed record Actor(Guid UserId, string Channel, string? ConversationId = null);
