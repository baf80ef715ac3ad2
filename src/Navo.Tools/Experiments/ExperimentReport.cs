using System.Globalization;
using Navo.Tools.Sites;

namespace Navo.Tools.Experiments;

/// <summary>How an experiment's figures are said to a person, in chat and in the API's <c>summary</c>.</summary>
public static class ExperimentReport
{
    /// <summary>"'Book a table' vs 'Learn more': 12.1% vs 8.0% of 1,520 and 1,480 visitors; a 99.9% chance it is better."</summary>
    public static string Describe(Experiment experiment, ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(result);
        var what = $"'{experiment.Variant}' against '{experiment.Original}' ({SectionCatalog.Describe(experiment.Field)})";
        if (result.Verdict == ExperimentVerdict.NotEnoughData)
        {
            return $"{what}: not enough data yet — {N(result.Original.Views)} and {N(result.Variant.Views)} visitors so far, "
                + $"and each needs at least {N(ExperimentMath.MinimumViewsPerArm)} before Navo says anything.";
        }

        var figures = $"{what}: {P(result.Variant.Rate)} vs {P(result.Original.Rate)} of {N(result.Variant.Views)} and {N(result.Original.Views)} visitors converted; "
            + $"a {P(result.ChanceVariantBeatsOriginal)} chance the new one is better";
        return result.Verdict switch
        {
            ExperimentVerdict.VariantWins => $"{figures}. '{experiment.Variant}' wins.",
            ExperimentVerdict.OriginalWins => $"{figures}. The original, '{experiment.Original}', wins.",
            _ => $"{figures}. No winner yet.",
        };
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string P(double p) => (p * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
