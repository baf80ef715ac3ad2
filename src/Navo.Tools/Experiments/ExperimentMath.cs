namespace Navo.Tools.Experiments;

/// <summary>What the figures say so far.</summary>
public enum ExperimentVerdict
{
    /// <summary>Fewer than <see cref="ExperimentMath.MinimumViewsPerArm"/> views in an arm: nothing is claimed.</summary>
    NotEnoughData,

    /// <summary>Enough data, but neither arm is ahead by enough to call it.</summary>
    NoWinnerYet,

    /// <summary>The variant converts better, with the chance and expected loss the rule asks for.</summary>
    VariantWins,

    /// <summary>The original converts better, with the chance and expected loss the rule asks for.</summary>
    OriginalWins,
}

/// <summary>One arm's figures: the visitors who saw it and how many of them converted.</summary>
public sealed record ArmFigures(long Views, long Conversions)
{
    /// <summary>Conversions per view; 0 with no views.</summary>
    public double Rate => Views == 0 ? 0 : (double)Conversions / Views;
}

/// <summary>
/// The chance that the variant beats the original, and the expected loss of choosing each (in conversion rate,
/// 0.01 = one percentage point), with the verdict the rule gives.
/// </summary>
public sealed record ExperimentResult(ArmFigures Original, ArmFigures Variant, double ChanceVariantBeatsOriginal,
    double ExpectedLossVariant, double ExpectedLossOriginal, ExperimentVerdict Verdict);

/// <summary>
/// Bayesian A/B testing the way the usual tools do it: each arm's conversion rate has a Beta(1 + conversions,
/// 1 + views - conversions) posterior (a Beta(1,1) prior: every rate equally likely before any data). The chance that
/// the variant is better and the expected loss of choosing either arm — how much conversion rate is given up, on
/// average, in the worlds where that choice is the wrong one — are estimated by Monte Carlo over
/// <see cref="Draws"/> paired draws from a fixed seed, so the same figures always give the same answer.
/// An arm wins when its chance of being better is at least <see cref="WinningChance"/> and its expected loss is at
/// most <see cref="LossThreshold"/>; below <see cref="MinimumViewsPerArm"/> views in an arm nothing is said.
/// Pure: no clock, no I/O.
/// </summary>
public static class ExperimentMath
{
    /// <summary>Below this many views in either arm the answer is "not enough data yet".</summary>
    public const int MinimumViewsPerArm = 100;

    /// <summary>
    /// The chance of being better an arm needs to be called the winner: 99% rather than the common 95%, because owners
    /// look at the figures every day, and every look at a 95% bar is another chance of a false winner (at 95%, two of
    /// twenty simulated A/A tests named one).
    /// </summary>
    public const double WinningChance = 0.99;

    /// <summary>The most conversion rate (a tenth of a percentage point) choosing the winner may be expected to lose.</summary>
    public const double LossThreshold = 0.001;

    /// <summary>How many paired posterior draws the estimate takes.</summary>
    public const int Draws = 20_000;

    private const int Seed = 20_261_129;

    public static ExperimentResult Evaluate(ArmFigures original, ArmFigures variant)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(variant);
        if (original.Conversions > original.Views || variant.Conversions > variant.Views || original.Conversions < 0 || variant.Conversions < 0)
        {
            throw new ArgumentException("An arm cannot convert more visitors than it had, or fewer than none.");
        }

        var random = new Random(Seed);
        double wins = 0, lossVariant = 0, lossOriginal = 0;
        for (var i = 0; i < Draws; i++)
        {
            var a = Beta(random, 1 + original.Conversions, 1 + original.Views - original.Conversions);
            var b = Beta(random, 1 + variant.Conversions, 1 + variant.Views - variant.Conversions);
            if (b > a)
            {
                wins++;
            }

            lossVariant += Math.Max(a - b, 0);
            lossOriginal += Math.Max(b - a, 0);
        }

        var chance = wins / Draws;
        lossVariant /= Draws;
        lossOriginal /= Draws;
        var verdict = Math.Min(original.Views, variant.Views) < MinimumViewsPerArm ? ExperimentVerdict.NotEnoughData
            : chance >= WinningChance && lossVariant <= LossThreshold ? ExperimentVerdict.VariantWins
            : 1 - chance >= WinningChance && lossOriginal <= LossThreshold ? ExperimentVerdict.OriginalWins
            : ExperimentVerdict.NoWinnerYet;
        return new(original, variant, chance, lossVariant, lossOriginal, verdict);
    }

    /// <summary>A Beta(α, β) draw as X / (X + Y) of two Gamma draws.</summary>
    private static double Beta(Random random, double alpha, double beta)
    {
        var x = Gamma(random, alpha);
        var y = Gamma(random, beta);
        return x / (x + y);
    }

    /// <summary>A Gamma(shape, 1) draw for shape ≥ 1 (Marsaglia and Tsang, 2000); the shapes here are always at least 1.</summary>
    private static double Gamma(Random random, double shape)
    {
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextDouble();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Normal(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
