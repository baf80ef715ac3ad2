using Navo.Tools.Experiments;

namespace Navo.Tools.Tests.Experiments;

/// <summary>The Bayesian comparison: Beta(1,1) priors, the chance the variant is better, the expected losses, and the rule.</summary>
public sealed class ExperimentMathTests
{
    [Fact]
    public void Below_the_minimum_sample_it_says_not_enough_data_however_large_the_gap()
    {
        var result = ExperimentMath.Evaluate(new(ExperimentMath.MinimumViewsPerArm - 1, 0), new(500, 250));

        result.Verdict.Should().Be(ExperimentVerdict.NotEnoughData);
        result.ChanceVariantBeatsOriginal.Should().BeGreaterThan(0.99, "the chance is still reported, only no winner is named");
    }

    [Fact]
    public void With_no_data_both_arms_are_equally_likely_to_be_better()
    {
        // Two Beta(1,1) posteriors: P(B > A) = 1/2 and each expected loss E[max(A - B, 0)] = 1/6.
        var result = ExperimentMath.Evaluate(new(0, 0), new(0, 0));

        result.ChanceVariantBeatsOriginal.Should().BeApproximately(0.5, 0.01);
        result.ExpectedLossVariant.Should().BeApproximately(1.0 / 6, 0.005);
        result.ExpectedLossOriginal.Should().BeApproximately(1.0 / 6, 0.005);
    }

    [Fact]
    public void The_chance_matches_the_closed_form_for_small_posteriors()
    {
        // A = Beta(2,1) (1 of 1 converted), B = Beta(1,2) (0 of 1): P(B > A) = 1/6 exactly.
        var result = ExperimentMath.Evaluate(new(1, 1), new(1, 0));

        result.ChanceVariantBeatsOriginal.Should().BeApproximately(1.0 / 6, 0.01);
    }

    [Fact]
    public void The_same_figures_always_give_the_same_answer()
    {
        ExperimentMath.Evaluate(new(1200, 96), new(1180, 130)).Should().Be(ExperimentMath.Evaluate(new(1200, 96), new(1180, 130)));
    }

    [Fact]
    public void A_clear_gap_names_the_better_arm_either_way_round()
    {
        ExperimentMath.Evaluate(new(3000, 240), new(3000, 360)).Verdict.Should().Be(ExperimentVerdict.VariantWins);
        ExperimentMath.Evaluate(new(3000, 360), new(3000, 240)).Verdict.Should().Be(ExperimentVerdict.OriginalWins);
    }

    [Fact]
    public void Equal_figures_name_no_winner()
    {
        var result = ExperimentMath.Evaluate(new(5000, 500), new(5000, 500));

        result.Verdict.Should().Be(ExperimentVerdict.NoWinnerYet);
        result.ChanceVariantBeatsOriginal.Should().BeApproximately(0.5, 0.02);
    }

    [Fact]
    public void More_conversions_than_views_is_refused()
    {
        var act = () => ExperimentMath.Evaluate(new(10, 11), new(10, 1));

        act.Should().Throw<ArgumentException>();
    }
}
