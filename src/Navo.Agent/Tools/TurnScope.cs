using Navo.EventStore;
using Navo.Tools;

namespace Navo.Agent.Tools;

/// <summary>
/// Everything a turn's tools are bound to: the caller's tenant and role (from the authenticated turn), the turn's
/// one store session (so project and conversation events commit together), and the conversation's current project.
/// </summary>
public sealed class TurnScope(IEventSession session, Guid conversationId, string messageId, string channel, Guid? projectId, string? selectedSectionId)
{
    public IEventSession Session { get; } = session;

    public TenantContext Tenant => Session.Tenant;

    public Guid ConversationId { get; } = conversationId;

    public string MessageId { get; } = messageId;

    public Guid? ProjectId { get; set; } = projectId;

    public string? SelectedSectionId { get; } = selectedSectionId;

    /// <summary>Where a draft or a publish reports its steps (the channel's progress bar), if anyone listens.</summary>
    public IProgress<StepProgress>? Progress { get; init; }

    public Actor By => new(Tenant.UserId, channel, ConversationId.ToString());

    /// <summary>Owners and editors change sites; viewers read, preview and analyze.</summary>
    public bool CanEdit => Tenant.IsInRole("owner") || Tenant.IsInRole("editor");

    /// <summary>Only owners delete sites (design.md section 2).</summary>
    public bool IsOwner => Tenant.IsInRole("owner");

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
