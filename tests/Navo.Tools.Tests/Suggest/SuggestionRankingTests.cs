using Navo.Tools.Suggest;

namespace Navo.Tools.Tests.Suggest;

/// <summary>The learning loop's ranking: a Beta(1, 1) prior per kind, updated by applies and dismissals.</summary>
public sealed class SuggestionRankingTests
{
    private static Suggestion Of(string kind) => new(Guid.NewGuid(), kind, kind, kind, "why", "what", []);

    [Theory]
    [InlineData(0, 0, 0.5)]
    [InlineData(1, 0, 2.0 / 3)]
    [InlineData(0, 1, 1.0 / 3)]
    [InlineData(8, 2, 9.0 / 12)]
    public void The_posterior_mean_is_that_of_Beta_one_plus_applies_one_plus_dismissals(long applied, long dismissed, double mean)
    {
        SuggestionRanking.Mean(applied, dismissed).Should().BeApproximately(mean, 1e-12);
    }

    [Fact]
    public void Untried_kinds_keep_their_usefulness_order()
    {
        var open = new[] { Of(SuggestionKinds.LongHero), Of(SuggestionKinds.MissingPrices), Of(SuggestionKinds.WeakButton) };

        SuggestionRanking.Rank(open, []).Select(s => s.Kind).Should().Equal(SuggestionKinds.WeakButton, SuggestionKinds.MissingPrices, SuggestionKinds.LongHero);
    }

    [Fact]
    public void A_kind_owners_keep_applying_rises_above_one_they_keep_dismissing()
    {
        var open = new[] { Of(SuggestionKinds.WeakButton), Of(SuggestionKinds.LongHero) };
        var records = new[]
        {
            new KindRecord(SuggestionKinds.WeakButton, Surfaced: 10, Applied: 1, Dismissed: 8),
            new KindRecord(SuggestionKinds.LongHero, Surfaced: 10, Applied: 7, Dismissed: 1),
        };

        SuggestionRanking.Rank(open, records).Select(s => s.Kind).Should().Equal(SuggestionKinds.LongHero, SuggestionKinds.WeakButton);
        records[1].ApplyRate.Should().Be(0.7);
        records[1].AcceptMean.Should().BeApproximately(0.8, 1e-12);
    }

    [Fact]
    public void A_dismissal_lowers_a_kind_below_an_untried_one_and_an_apply_raises_it_above()
    {
        var open = new[] { Of(SuggestionKinds.WeakButton), Of(SuggestionKinds.MissingContact) };

        SuggestionRanking.Rank(open, [new KindRecord(SuggestionKinds.WeakButton, 1, 0, 1)])[0].Kind.Should().Be(SuggestionKinds.MissingContact);
        SuggestionRanking.Rank(open, [new KindRecord(SuggestionKinds.MissingContact, 1, 1, 0)])[0].Kind.Should().Be(SuggestionKinds.MissingContact);
        SuggestionRanking.Rank(open, [new KindRecord(SuggestionKinds.MissingContact, 1, 0, 1)])[0].Kind.Should().Be(SuggestionKinds.WeakButton);
    }
}
