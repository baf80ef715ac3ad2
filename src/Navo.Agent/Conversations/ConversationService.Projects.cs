using Navo.Agent.Tools;
using Navo.EventStore;
using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Agent.Conversations;

public sealed partial class ConversationService
{
    /// <summary>
    /// The project a turn works on: the one the channel names (the studio's open site), else the conversation's, else
    /// the workspace's most recently changed — but only for a conversation that has not worked on a site yet: after its
    /// site was deleted, or when the site the channel names is gone, a turn has no site rather than silently another
    /// one. A deleted project comes back as <c>Gone</c>, so the turn records that the conversation left it.
    /// </summary>
    private static async Task<(ProjectState? Project, Guid? Gone)> CurrentProjectAsync(
        IEventSession session, IncomingMessage message, ConversationState state, CancellationToken cancellationToken)
    {
        var project = message.ProjectId is { } named ? await ProjectService.GetAsync(session, named, cancellationToken) : null;
        Guid? gone = null;
        if (state.ProjectId is { } current && current != project?.Id)
        {
            var theirs = await ProjectService.GetAsync(session, current, cancellationToken);
            if (theirs is null)
            {
                gone = current;
            }

            project ??= theirs;
        }

        var untouched = message.ProjectId is null && state.ProjectId is null && !state.LeftProject;
        if (project is null && untouched && (await ProjectService.ListAsync(session, cancellationToken)).FirstOrDefault() is { } latest)
        {
            project = await ProjectService.GetAsync(session, latest.Id, cancellationToken);
        }

        return (project, gone);
    }

    /// <summary>The site a question is about: the turn's current project, which a tool may have changed.</summary>
    private static async Task<Site?> QuestionSiteAsync(IEventSession session, TurnScope scope, ProjectState? loaded, CancellationToken cancellationToken) =>
        scope.ProjectId is not { } id ? null
        : id == loaded?.Id ? loaded.Site
        : (await ProjectService.GetAsync(session, id, cancellationToken))?.Site;
}
