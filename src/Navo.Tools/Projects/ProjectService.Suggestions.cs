using Navo.EventStore;
using Navo.Tools.Assets;
using Navo.Tools.Analyze;
using Navo.Tools.Edit;
using Navo.Tools.Suggest;

namespace Navo.Tools.Projects;

/// <summary>What applying or dismissing a suggestion can come back as.</summary>
public enum SuggestionOutcome { Ok, NotFound, AlreadyDecided, Invalid, Conflict }

/// <summary>The result of applying or dismissing a suggestion: the project after it and the suggestion, or why not.</summary>
public sealed record SuggestionChange(SuggestionOutcome Outcome, ProjectState? Project, Suggestion? Suggestion = null, string? Error = null, ProjectState? Before = null);

/// <summary>An open suggestion as listed: its number in the list (1-based), and the posterior mean that ranked it.</summary>
public sealed record RankedSuggestion(int Number, Suggestion Suggestion, double AcceptMean);

public sealed partial class ProjectService
{
    /// <summary>
    /// Proposes what <see cref="SuggestionProducer"/> finds for the site and its last 30 days of figures, leaving out
    /// every suggestion already made for the same thing (open, applied or dismissed: a dismissed one does not come back).
    /// Queues <c>suggestions_proposed</c> when there is anything new; the caller saves. Null when there is no such project.
    /// </summary>
    public static async Task<(ProjectState Project, IReadOnlyList<Suggestion> Added)?> ProposeSuggestionsAsync(
        IEventSession session, Guid id, DateOnly today, Actor by, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(session, id, cancellationToken) is not { Site: not null } state)
        {
            return null;
        }

        // The headline figures of the last 30 days, read from the daily roll-ups as the report is.
        var figures = await SiteAnalytics.LastThirtyDaysAsync(session, id, today, cancellationToken);
        var known = (await session.QueryAsync(
                "select key from navo_suggestions where tenant_id = $1 and project_id = $2",
                r => r.GetString(0), cancellationToken, session.Tenant.TenantId, id))
            .Concat(state.OpenSuggestions.Select(s => s.Key))
            .ToHashSet(StringComparer.Ordinal);
        var weight = SiteWeight.From(await AssetLibrary.ListAsync(session, id, cancellationToken));
        var added = SuggestionProducer.Produce(state, figures, weight)
            .Where(s => !known.Contains(s.Key))
            .Select(s => s with { Id = Guid.NewGuid() })
            .ToList();
        if (added.Count == 0)
        {
            return (state, added);
        }

        var proposed = new SuggestionsProposed(added, by);
        session.Append(id, state.Version, proposed);
        return (state.Apply(proposed, state.Version + 1), added);
    }

    /// <summary>The project's open suggestions, best first by how often this workspace accepts each kind.</summary>
    public static async Task<IReadOnlyList<RankedSuggestion>> RankedSuggestionsAsync(IEventSession session, ProjectState project, CancellationToken cancellationToken = default)
    {
        var records = await SuggestionRecordsAsync(session, null, cancellationToken);
        var means = records.ToDictionary(r => r.Kind, r => r.AcceptMean, StringComparer.Ordinal);
        return [.. SuggestionRanking.Rank(project.OpenSuggestions, records)
            .Select((s, i) => new RankedSuggestion(i + 1, s, means.GetValueOrDefault(s.Kind, SuggestionRanking.Mean(0, 0))))];
    }

    /// <summary>Surfaced, applied and dismissed per kind, for the workspace or (with <paramref name="projectId"/>) one site.</summary>
    public static Task<IReadOnlyList<KindRecord>> SuggestionRecordsAsync(IEventSession session, Guid? projectId, CancellationToken cancellationToken = default) =>
        SuggestionRecords.ReadAsync(session, projectId, null, cancellationToken);

    /// <summary>Applies a suggestion as one version (see <see cref="ApplySuggestionAsync(IEventSession, Guid, Guid, Actor, CancellationToken)"/>) in its own session.</summary>
    public Task<SuggestionChange> ApplySuggestionAsync(TenantContext tenant, Guid id, Guid suggestionId, Actor by, CancellationToken cancellationToken = default) =>
        DecideSuggestionAsync(tenant, id, session => ApplySuggestionAsync(session, id, suggestionId, by, cancellationToken), cancellationToken);

    /// <summary>Dismisses a suggestion in its own session.</summary>
    public Task<SuggestionChange> DismissSuggestionAsync(TenantContext tenant, Guid id, Guid suggestionId, Actor by, CancellationToken cancellationToken = default) =>
        DecideSuggestionAsync(tenant, id, session => DismissSuggestionAsync(session, id, suggestionId, by, cancellationToken), cancellationToken);

    /// <summary>
    /// Decides the suggestion's operations on the current site, as an edit would, and queues one
    /// <c>suggestion_applied</c> carrying the site they leave: one new version whose diff is those operations. A
    /// suggestion the site no longer fits (its section was removed since) is <see cref="SuggestionOutcome.Invalid"/>.
    /// </summary>
    public async Task<SuggestionChange> ApplySuggestionAsync(IEventSession session, Guid id, Guid suggestionId, Actor by, CancellationToken cancellationToken = default)
    {
        var (state, suggestion, missing) = await FindOpenAsync(session, id, suggestionId, cancellationToken);
        if (missing is not null)
        {
            return missing;
        }

        var outcome = EditDecider.Decide(state!, suggestion!.Operations, new EditContext(by, _ => null, writer));
        if (!outcome.IsAccepted)
        {
            return new(SuggestionOutcome.Invalid, state, suggestion, $"That suggestion no longer fits the site: {outcome.Error}");
        }

        var after = state!;
        foreach (var @event in outcome.Events)
        {
            after = after.Apply(@event, after.Version + 1);
        }

        var applied = new SuggestionApplied(suggestion.Id, suggestion.Kind, suggestion.Operations, after.Site!, by);
        session.Append(id, state!.Version, applied);
        return new(SuggestionOutcome.Ok, state.Apply(applied, state.Version + 1), suggestion, Before: state);
    }

    /// <summary>Queues <c>suggestion_dismissed</c>; the site is left as it is.</summary>
    public static async Task<SuggestionChange> DismissSuggestionAsync(IEventSession session, Guid id, Guid suggestionId, Actor by, CancellationToken cancellationToken = default)
    {
        var (state, suggestion, missing) = await FindOpenAsync(session, id, suggestionId, cancellationToken);
        if (missing is not null)
        {
            return missing;
        }

        var dismissed = new SuggestionDismissed(suggestion!.Id, suggestion.Kind, by);
        session.Append(id, state!.Version, dismissed);
        return new(SuggestionOutcome.Ok, state.Apply(dismissed, state.Version + 1), suggestion, Before: state);
    }

    /// <summary>The project and its open suggestion, or the answer when either is missing or the suggestion was already decided.</summary>
    private static async Task<(ProjectState? State, Suggestion? Suggestion, SuggestionChange? Missing)> FindOpenAsync(
        IEventSession session, Guid id, Guid suggestionId, CancellationToken cancellationToken)
    {
        if (await GetAsync(session, id, cancellationToken) is not { } state)
        {
            return (null, null, new(SuggestionOutcome.NotFound, null));
        }

        if (state.OpenSuggestions.FirstOrDefault(s => s.Id == suggestionId) is { } open)
        {
            return (state, open, null);
        }

        var status = await session.QueryAsync(
            "select status from navo_suggestions where tenant_id = $1 and project_id = $2 and id = $3",
            r => r.GetString(0), cancellationToken, session.Tenant.TenantId, id, suggestionId);
        return (state, null, status.Count == 1 && status[0] is "applied" or "dismissed"
            ? new(SuggestionOutcome.AlreadyDecided, state, Error: $"That suggestion was already {status[0]}.")
            : new(SuggestionOutcome.NotFound, state));
    }

    /// <summary>One apply or dismissal in its own session, taking turns with the project's other writers, decided again when another process wrote first.</summary>
    private async Task<SuggestionChange> DecideSuggestionAsync(TenantContext tenant, Guid id, Func<IEventSession, Task<SuggestionChange>> decide, CancellationToken cancellationToken)
    {
        await using var turn = await _locks.AcquireAsync(id, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.OpenSession(tenant);
            var change = await decide(session);
            if (change.Outcome != SuggestionOutcome.Ok)
            {
                return change;
            }

            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return change;
            }
            catch (ConcurrencyException) when (attempt < MaxAttempts)
            {
                // Decided again on the new version: a suggestion applied meanwhile answers "already applied".
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 40) * attempt), cancellationToken);
            }
            catch (ConcurrencyException)
            {
                return new(SuggestionOutcome.Conflict, change.Project, change.Suggestion, "The site kept changing, so nothing was changed. Try again.");
            }
        }
    }
}
