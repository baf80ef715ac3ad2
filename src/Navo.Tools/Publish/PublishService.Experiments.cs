using System.Text;
using Navo.EventStore;
using Navo.Tools.Experiments;
using Navo.Tools.Projects;
using Navo.Tools.Rendering;

namespace Navo.Tools.Publish;

public sealed partial class PublishService
{
    /// <summary>
    /// What a publish, rollback or unpublish does to the site's running experiment, in the same transaction: when the
    /// version now live still has the tested field with the same original text, the experiment goes on there (its
    /// variant's pages rendered again from that version, <see cref="ExperimentMoved"/>); otherwise it ends as
    /// <c>stopped</c> with the reason (<see cref="ExperimentDecider.StopReason"/>). Without this, the live site would
    /// stop serving the variant while the experiment still counted visitors in both arms.
    /// </summary>
    private async Task<PublishOutcome> FollowExperimentAsync(IEventSession session, PublishOutcome outcome, Actor by, CancellationToken cancellationToken)
    {
        if (outcome is not { Outcome: ProjectOutcome.Ok, Changed: true, Project: { } project }
            || project.AllExperiments.FirstOrDefault(e => e.IsRunning) is not { } running)
        {
            return outcome;
        }

        var live = project.Live;
        var site = live is null ? null
            : live.Version == project.Version - 1 ? project.Site
            : await ExperimentService.SiteAtAsync(session, project.Id, live.Version, cancellationToken);
        object @event;
        string sentence;
        if (ExperimentDecider.StopReason(running, site) is { } reason)
        {
            var (original, variant) = await ExperimentFigures.ReadAsync(session, running.Id, cancellationToken);
            @event = new ExperimentConcluded(running.Id, ExperimentOutcomes.Stopped, original, variant, null, by, char.ToUpperInvariant(reason[0]) + reason[1..]);
            sentence = $"The experiment '{running.Variant}' against '{running.Original}' stopped: {reason}";
        }
        else
        {
            var variantSite = ExperimentDecider.WithField(site!, running.SectionId, running.Field, running.Variant);
            var pages = new Dictionary<string, string>(live!.Pages, StringComparer.Ordinal);
            foreach (var page in variantSite.Pages)
            {
                pages[page.Path] = await storage.PutAsync(Encoding.UTF8.GetBytes(SiteRenderer.RenderPage(variantSite, page, RenderOptions.Live)), cancellationToken);
            }

            @event = new ExperimentMoved(running.Id, live.Version, pages, by);
            sentence = $"The experiment '{running.Variant}' against '{running.Original}' goes on with this version.";
        }

        session.Append(project.Id, project.Version, @event);
        return outcome with { Project = project.Apply(@event, project.Version + 1), Message = $"{outcome.Message} {sentence}" };
    }
}
