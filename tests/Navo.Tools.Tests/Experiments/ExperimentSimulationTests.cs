using Navo.Tools.Experiments;

namespace Navo.Tools.Tests.Experiments;

/// <summary>
/// Simulated visitors through the real split (<see cref="ExperimentArms"/>) and the real rule
/// (<see cref="ExperimentMath"/>): each visitor a random 16-byte hash like the live site's, put in an arm by it, and
/// converting with the true rate of that arm. Seeded, so each run sees the same visitors.
/// </summary>
public sealed class ExperimentSimulationTests
{
    private static ExperimentResult Simulate(int seed, int visitors, double originalRate, double variantRate)
    {
        var random = new Random(seed);
        var idBytes = new byte[16];
        random.NextBytes(idBytes);
        var experiment = new Guid(idBytes);
        long viewsA = 0, convA = 0, viewsB = 0, convB = 0;
        var visitor = new byte[16];
        for (var i = 0; i < visitors; i++)
        {
            random.NextBytes(visitor);
            if (ExperimentArms.SeesVariant(visitor, experiment))
            {
                viewsB++;
                convB += random.NextDouble() < variantRate ? 1 : 0;
            }
            else
            {
                viewsA++;
                convA += random.NextDouble() < originalRate ? 1 : 0;
            }
        }

        return ExperimentMath.Evaluate(new(viewsA, convA), new(viewsB, convB));
    }

    [Fact]
    public void The_split_by_visitor_hash_is_about_half_and_half_and_the_same_for_the_same_visitor()
    {
        var random = new Random(7);
        var experiment = Guid.NewGuid();
        var visitors = Enumerable.Range(0, 10_000).Select(_ => { var v = new byte[16]; random.NextBytes(v); return v; }).ToList();

        var inVariant = visitors.Count(v => ExperimentArms.SeesVariant(v, experiment));

        inVariant.Should().BeInRange(4_800, 5_200);
        visitors.Should().OnlyContain(v => ExperimentArms.SeesVariant(v, experiment) == ExperimentArms.SeesVariant(v.ToArray(), experiment));
    }

    [Fact]
    public void A_variant_that_truly_converts_better_is_named_the_winner()
    {
        // 8% against 12%, 4,000 visitors: about 2,000 in each arm.
        var result = Simulate(seed: 16, visitors: 4_000, originalRate: 0.08, variantRate: 0.12);

        result.Verdict.Should().Be(ExperimentVerdict.VariantWins);
        result.ChanceVariantBeatsOriginal.Should().BeGreaterThan(ExperimentMath.WinningChance);
        result.Variant.Rate.Should().BeGreaterThan(result.Original.Rate);
    }

    [Fact]
    public void A_variant_that_truly_converts_worse_loses_to_the_original()
    {
        var result = Simulate(seed: 17, visitors: 4_000, originalRate: 0.12, variantRate: 0.08);

        result.Verdict.Should().Be(ExperimentVerdict.OriginalWins);
        result.ChanceVariantBeatsOriginal.Should().BeLessThan(1 - ExperimentMath.WinningChance);
    }

    [Fact]
    public void An_A_A_experiment_declares_no_winner()
    {
        var result = Simulate(seed: 18, visitors: 4_000, originalRate: 0.10, variantRate: 0.10);

        result.Verdict.Should().Be(ExperimentVerdict.NoWinnerYet);
    }

    [Fact]
    public void A_A_experiments_rarely_declare_a_winner_across_many_seeds()
    {
        // The rule's false-positive rate at one look: a 99% chance and a loss under 0.1 point. Twenty seeded A/A runs.
        var winners = Enumerable.Range(100, 20).Count(seed => Simulate(seed, 4_000, 0.10, 0.10).Verdict is ExperimentVerdict.VariantWins or ExperimentVerdict.OriginalWins);

        winners.Should().BeLessThanOrEqualTo(1);
    }

    [Fact]
    public void A_few_hundred_visitors_are_not_enough_data()
    {
        Simulate(seed: 19, visitors: 150, originalRate: 0.08, variantRate: 0.12).Verdict.Should().Be(ExperimentVerdict.NotEnoughData);
    }
}
