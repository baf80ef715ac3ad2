using Navo.Agent.Tools;
using Navo.EventStore;
using Navo.Tools.Projects;

namespace Navo.Agent.Conversations;

public sealed partial class ConversationService
{
    /// <summary>
    /// The project a turn works on: the one the channel names (the studio's open site), else the conversation's, else
    /// the workspace's most recently changed. A deleted project is passed over; when it was the conversation's, it
    /// comes back as <c>Gone</c>, so the turn records that the conversation left it.
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

        if (project is null && (await ProjectService.ListAsync(session, cancellationToken)).FirstOrDefault() is { } latest)
        {
            project = await ProjectService.GetAsync(session, latest.Id, cancellationToken);
        }

        return (project, gone);
    }

    /// <summary>The name of the site a question is about: the turn's current project, which a tool may have changed.</summary>
    private static async Task<string?> SiteNameAsync(IEventSession session, TurnScope scope, ProjectState? loaded, CancellationToken cancellationToken) =>
        scope.ProjectId is not { } id ? null
        : id == loaded?.Id ? loaded.Name
        : (await ProjectService.GetAsync(session, id, cancellationToken))?.Name;
}
