using Navo.Agent.Tools;
using Navo.EventStore;
using Navo.Tools;
using Navo.Tools.Projects;

namespace Navo.Agent.Conversations;

/// <summary>
/// The daily round of suggestions for one site: proposes what is new (<see cref="ProjectService.ProposeSuggestionsAsync"/>)
/// and, when anything is, posts the numbered list of open suggestions to the site's conversation (the one about it that
/// moved last) as an assistant message, so that the owner answers it there like any list ("do the 2nd"). One session:
/// the proposal and the post commit together or not at all.
/// </summary>
public static class SuggestionPosts
{
    /// <summary>Who proposes the daily suggestions: Navo itself, not a member.</summary>
    public static readonly Actor Navo = new(Guid.Empty, "navo");

    /// <summary>Proposes and posts for <paramref name="projectId"/>; the number of new suggestions (0 posts nothing). The caller saves.</summary>
    public static async Task<int> ProposeAndPostAsync(IEventSession session, Guid projectId, DateOnly today, CancellationToken cancellationToken)
    {
        if (await ProjectService.ProposeSuggestionsAsync(session, projectId, today, Navo, cancellationToken) is not { Added.Count: > 0 } proposed)
        {
            return 0;
        }

        var conversations = await session.QueryAsync(
            "select id from navo_conversations where tenant_id = $1 and project_id = $2 order by updated_at desc limit 1",
            r => r.GetGuid(0), cancellationToken, session.Tenant.TenantId, projectId);
        if (conversations.Count == 1
            && await session.AggregateStreamAsync<ConversationState>(conversations[0], cancellationToken: cancellationToken) is { State.Id: var id } conversation
            && id != Guid.Empty)
        {
            var ranked = await ProjectService.RankedSuggestionsAsync(session, proposed.Project, cancellationToken);
            var (list, card) = NavoTools.SuggestionList(ranked);
            var text = (proposed.Added.Count == 1 ? "I have a new idea for your site." : $"I have {proposed.Added.Count} new ideas for your site.") + "\n\n" + list;
            var reply = new AgentReply(text, card is null ? [] : [card], []) { Offer = new ActionOffer(projectId, proposed.Project.Version) };
            session.Append(id, conversation.Version, new AssistantReplied($"navo:suggestions:{today:yyyy-MM-dd}", reply, projectId, null, null));
        }

        return proposed.Added.Count;
    }
}
