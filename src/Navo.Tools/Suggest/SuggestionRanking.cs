namespace Navo.Tools.Suggest;

/// <summary>How a workspace's owners answered one kind of suggestion: how many were surfaced, applied and dismissed.</summary>
public sealed record KindRecord(string Kind, long Surfaced, long Applied, long Dismissed)
{
    /// <summary>Applied over surfaced (0 when none were surfaced), four decimals.</summary>
    public double ApplyRate => Surfaced == 0 ? 0 : Math.Round((double)Applied / Surfaced, 4);

    /// <summary>The mean of the Beta posterior of "an owner accepts this kind" (see <see cref="SuggestionRanking"/>).</summary>
    public double AcceptMean => SuggestionRanking.Mean(Applied, Dismissed);
}

/// <summary>
/// The learning loop: each kind of suggestion has a Beta posterior over the chance that an owner of this workspace
/// accepts it, starting from the uniform prior Beta(1, 1) and updated by every apply (a success) and dismissal (a
/// failure); a suggestion still open counts as neither. Open suggestions are ranked by the posterior mean, so the
/// order is deterministic (no sampling), ties in the order of <see cref="SuggestionKinds.All"/> and then as proposed.
/// </summary>
public static class SuggestionRanking
{
    /// <summary>The prior's parameters: Beta(1, 1), uniform, so an untried kind starts at a mean of one half.</summary>
    public const double PriorAlpha = 1, PriorBeta = 1;

    /// <summary>The posterior mean after <paramref name="applied"/> applies and <paramref name="dismissed"/> dismissals.</summary>
    public static double Mean(long applied, long dismissed) => (PriorAlpha + applied) / (PriorAlpha + PriorBeta + applied + dismissed);

    /// <summary><paramref name="open"/> ordered best first, given the workspace's <paramref name="records"/> per kind.</summary>
    public static IReadOnlyList<Suggestion> Rank(IReadOnlyList<Suggestion> open, IReadOnlyList<KindRecord> records)
    {
        var means = records.ToDictionary(r => r.Kind, r => r.AcceptMean, StringComparer.Ordinal);
        return [.. open
            .Select((s, i) => (Suggestion: s, Proposed: i))
            .OrderByDescending(x => means.GetValueOrDefault(x.Suggestion.Kind, Mean(0, 0)))
            .ThenBy(x => Order(x.Suggestion.Kind))
            .ThenBy(x => x.Proposed)
            .Select(x => x.Suggestion)];
    }

    private static int Order(string kind)
    {
        var index = SuggestionKinds.All.ToList().IndexOf(kind);
        return index < 0 ? int.MaxValue : index;
    }
}
