using System.Text;
using Navo.EventStore;
using Navo.Tools.Edit;
using Navo.Tools.Projects;
using Navo.Tools.Publish;
using Navo.Tools.Rendering;
using Navo.Tools.Sites;
using Npgsql;

namespace Navo.Tools.Experiments;

/// <summary>What starting or concluding an experiment can come back as.</summary>
public enum ExperimentOutcome { Ok, NotFound, Invalid, Conflict }

/// <summary>What a start or conclusion did: the project after it and the experiment, or why not.</summary>
public sealed record ExperimentChange(ExperimentOutcome Outcome, ProjectState? Project, Experiment? Experiment = null, string? Error = null,
    ExperimentResult? Result = null, ProjectState? Before = null);

/// <summary>
/// Starts and concludes A/B tests of one text field of a live site. Starting renders the live version once more with
/// the variant's text and stores those pages; the live site serves them to half its visitors until the experiment
/// ends. Concluding with <c>apply</c> when the variant won puts its text into the document as one new version; any
/// other conclusion (or a stop) leaves the document alone. Each is one session and one event; writes of one project
/// take turns with its other writers (<paramref name="locks"/>).
/// </summary>
public sealed class ExperimentService(PostgresEventStore store, ISiteStorage storage, ISectionWriter writer, StreamLocks locks)
{
    /// <summary>Starts an experiment of <paramref name="variant"/> against the live text of <paramref name="field"/> in <paramref name="section"/>.</summary>
    public async Task<ExperimentChange> StartAsync(TenantContext tenant, Guid id, string section, string field, string variant, Actor by, CancellationToken cancellationToken = default)
    {
        await using var turn = await locks.AcquireAsync(id, cancellationToken);
        await using var session = store.OpenSession(tenant);
        return await SaveAsync(session, await StartAsync(session, id, section, field, variant, by, cancellationToken), cancellationToken);
    }

    /// <summary>Decides a start in <paramref name="session"/> and queues its event (a chat turn commits it with the turn); the variant's pages are stored at once.</summary>
    public async Task<ExperimentChange> StartAsync(IEventSession session, Guid id, string section, string field, string variant, Actor by, CancellationToken cancellationToken = default)
    {
        if (await ProjectService.GetAsync(session, id, cancellationToken) is not { } state)
        {
            return new(ExperimentOutcome.NotFound, null);
        }

        if (state.Live is not { } live)
        {
            return new(ExperimentOutcome.Conflict, state, Error: "The site is not published: an experiment splits the live site's visitors. Publish it first.");
        }

        var liveSite = await SiteAtAsync(session, id, live.Version, cancellationToken);
        var decided = ExperimentDecider.Start(state, liveSite, section, field, variant, by);
        if (decided.Error is { } error)
        {
            return new(decided.Outcome, state, Error: error);
        }

        var started = decided.Started!;
        var variantSite = ExperimentDecider.WithField(liveSite!, started.SectionId, started.Field, started.Variant);
        var pages = new Dictionary<string, string>(live.Pages, StringComparer.Ordinal);
        foreach (var page in variantSite.Pages)
        {
            var bytes = Encoding.UTF8.GetBytes(SiteRenderer.RenderPage(variantSite, page, RenderOptions.Live));
            pages[page.Path] = await storage.PutAsync(bytes, cancellationToken);
        }

        started = started with { VariantPages = pages };
        session.Append(id, state.Version, started);
        var after = state.Apply(started, state.Version + 1);
        return new(ExperimentOutcome.Ok, after, after.FindExperiment(started.ExperimentId), Before: state);
    }

    /// <summary>
    /// Ends an experiment. With <paramref name="apply"/> and a variant that won, its text goes into the document (one
    /// version, the diff that one field); otherwise the original stays. Without <paramref name="apply"/> it is a stop.
    /// </summary>
    public async Task<ExperimentChange> ConcludeAsync(TenantContext tenant, Guid id, Guid experimentId, bool apply, Actor by, CancellationToken cancellationToken = default)
    {
        await using var turn = await locks.AcquireAsync(id, cancellationToken);
        await using var session = store.OpenSession(tenant);
        return await SaveAsync(session, await ConcludeAsync(session, id, experimentId, apply, by, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Decides a conclusion in <paramref name="session"/> and queues its event. Without <paramref name="experimentId"/>
    /// it is the site's running experiment.
    /// </summary>
    public async Task<ExperimentChange> ConcludeAsync(IEventSession session, Guid id, Guid? experimentId, bool apply, Actor by, CancellationToken cancellationToken = default)
    {
        if (await ProjectService.GetAsync(session, id, cancellationToken) is not { } state)
        {
            return new(ExperimentOutcome.NotFound, null);
        }

        var experiment = experimentId is { } eid ? state.FindExperiment(eid) : state.AllExperiments.FirstOrDefault(e => e.IsRunning);
        if (experiment is null)
        {
            return new(ExperimentOutcome.NotFound, state, Error: experimentId is null ? "No experiment is running on this site." : "This site has no experiment with that id.");
        }

        if (!experiment.IsRunning)
        {
            return new(ExperimentOutcome.Conflict, state, experiment, $"That experiment already ended ({experiment.Status}).");
        }

        var (original, variant) = await ExperimentFigures.ReadAsync(session, experiment.Id, cancellationToken);
        var result = ExperimentMath.Evaluate(original, variant);
        ExperimentConcluded concluded;
        if (apply && result.Verdict == ExperimentVerdict.VariantWins)
        {
            var edit = EditDecider.Decide(state, [new SetText(experiment.SectionId, experiment.Field, experiment.Variant)], new EditContext(by, _ => null, writer));
            if (!edit.IsAccepted)
            {
                return new(ExperimentOutcome.Conflict, state, experiment, $"The variant won, but it no longer fits the site: {edit.Error} Nothing was changed.", result);
            }

            var edited = edit.Events.Aggregate(state, (s, e) => s.Apply(e, s.Version + 1));
            concluded = new(experiment.Id, ExperimentOutcomes.Applied, original, variant, edited.Site, by);
        }
        else
        {
            concluded = new(experiment.Id, apply ? ExperimentOutcomes.Kept : ExperimentOutcomes.Stopped, original, variant, null, by);
        }

        session.Append(id, state.Version, concluded);
        var after = state.Apply(concluded, state.Version + 1);
        return new(ExperimentOutcome.Ok, after, after.FindExperiment(experiment.Id), Result: result, Before: state);
    }

    /// <summary>Each experiment of the site, newest first, with its figures (an ended one's as it ended) and what they say.</summary>
    public async Task<IReadOnlyList<(Experiment Experiment, ExperimentResult Result)>?> ListAsync(TenantContext tenant, Guid id, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        if (await ProjectService.GetAsync(session, id, cancellationToken) is not { } state)
        {
            return null;
        }

        var list = new List<(Experiment, ExperimentResult)>();
        foreach (var experiment in state.AllExperiments.Reverse())
        {
            // An ended experiment's figures are the ones it ended with: its days' events may be past their retention.
            var (original, variant) = experiment is { IsRunning: false, FinalOriginal: { } o, FinalVariant: { } v }
                ? (o, v)
                : await ExperimentFigures.ReadAsync(session, experiment.Id, cancellationToken);
            list.Add((experiment, ExperimentMath.Evaluate(original, variant)));
        }

        return list;
    }

    /// <summary>The document as it was at <paramref name="version"/> of the project's stream.</summary>
    internal static async Task<Site?> SiteAtAsync(IEventSession session, Guid id, long version, CancellationToken cancellationToken)
    {
        var state = ProjectState.Initial;
        foreach (var @event in await session.FetchStreamAsync(id, toVersion: version, cancellationToken: cancellationToken))
        {
            state = state.Apply(@event);
        }

        return state.Site;
    }

    private static async Task<ExperimentChange> SaveAsync(IEventSession session, ExperimentChange change, CancellationToken cancellationToken)
    {
        if (change.Outcome != ExperimentOutcome.Ok)
        {
            return change;
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return change;
        }
        catch (ConcurrencyException)
        {
            return new(ExperimentOutcome.Conflict, change.Before, change.Experiment, "The site changed at the same moment. Nothing was changed; try again.");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another host started an experiment on this site between the check and the commit.
            return new(ExperimentOutcome.Conflict, change.Before, change.Experiment, "Another experiment on this site started a moment ago. A site runs one at a time.");
        }
    }
}
