using Navo.EventStore;
using Navo.Tools;

namespace Navo.Agent.Tools;

/// <summary>
/// Everything a turn's tools are bound to: the caller's tenant and role (from the authenticated turn), the turn's
/// one store session (so project and conversation events commit together), and the conversation's current project.
/// </summary>
public sealed class TurnScope(IEventSession session, Guid conversationId, string messageId, string channel, Guid? projectId, string? selectedSectionId)
{
    /// <summary>Where the message came from: <c>web</c>, <c>teams</c>, <c>slack</c>, <c>api</c>.</summary>
    public string Channel { get; } = channel;

    public IEventSession Session { get; } = session;

    public TenantContext Tenant => Session.Tenant;

    public Guid ConversationId { get; } = conversationId;

    public string MessageId { get; } = messageId;

    public Guid? ProjectId { get; set; } = projectId;

    public string? SelectedSectionId { get; } = selectedSectionId;

    /// <summary>The ids of the suggestions this conversation last listed, in their numbered order ("apply the second one").</summary>
    public IReadOnlyList<Guid> ShownSuggestions { get; init; } = [];

    /// <summary>Where a draft or a publish reports its steps (the channel's progress bar), if anyone listens.</summary>
    public IProgress<StepProgress>? Progress { get; init; }

    public Actor By => new(Tenant.UserId, Channel, ConversationId.ToString());

    /// <summary>Whether the caller's role allows <paramref name="access"/>: owners and editors change sites, only owners delete them, viewers read, preview and analyze (design.md section 2).</summary>
    public bool May(ToolAccess access) => access switch
    {
        ToolAccess.Edit => Tenant.IsInRole("owner") || Tenant.IsInRole("editor"),
        ToolAccess.Own => Tenant.IsInRole("owner"),
        _ => true,
    };

    /// <summary>A deleted project the conversation pointed at: after this turn, it no longer does.</summary>
    public Guid? LeftProjectId { get; private set; }

    /// <summary>Records that the conversation leaves <paramref name="projectId"/> (it was deleted), and stops working on it.</summary>
    public void Leave(Guid projectId)
    {
        LeftProjectId = projectId;
        if (ProjectId == projectId)
        {
            ProjectId = null;
        }
    }
}
