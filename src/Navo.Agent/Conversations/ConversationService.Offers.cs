using Navo.Tools.Projects;

namespace Navo.Agent.Conversations;

public sealed partial class ConversationService
{
    /// <summary>
    /// Why a pressed button or suggested action must not act, in a sentence, or null when it still may: it was offered for
    /// a question already answered (by typing, or by the other button), for another site, or for a version of the site
    /// that has changed since. Nothing is changed then; the turn only says so.
    /// </summary>
    private static string? Stale(ActionOffer? offer, ConversationState state, ProjectState? project)
    {
        if (offer is null)
        {
            return null;
        }

        if (offer.ApprovalId is { } asked && state.Pending?.ApprovalId != asked)
        {
            return "That question was already answered, so I left everything as it is.";
        }

        if (offer.ProjectId is { } site && site != project?.Id)
        {
            return "That button was for another site, so I left everything as it is. Tell me what you'd like for this one.";
        }

        return offer.Version is { } version && project is not null && project.Version != version
            ? "That button was for an earlier version of the site, which has changed since, so I left everything as it is. Tell me again if you still want it."
            : null;
    }
}
