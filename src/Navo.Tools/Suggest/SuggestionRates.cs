namespace Navo.Tools.Suggest;

/// <summary>
/// How suggestions fared, for a site or a workspace: surfaced (proposed), applied and dismissed, overall and per kind,
/// with the apply rate (applied over surfaced; the vision's target is at least 20%) and, per kind, the posterior mean
/// that ranks it.
/// </summary>
public sealed record SuggestionRates(long Surfaced, long Applied, long Dismissed, double ApplyRate, IReadOnlyList<KindRecord> Kinds)
{
    /// <summary>The totals of <paramref name="kinds"/>.</summary>
    public static SuggestionRates From(IReadOnlyList<KindRecord> kinds)
    {
        var total = new KindRecord("all", kinds.Sum(k => k.Surfaced), kinds.Sum(k => k.Applied), kinds.Sum(k => k.Dismissed));
        return new(total.Surfaced, total.Applied, total.Dismissed, total.ApplyRate, kinds);
    }
}
