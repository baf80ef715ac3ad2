using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// What a price is for when the owner says how long it lasts ("per 45-minute lesson", "for 3 hours"): the length is
/// the price's period.
/// </summary>
public sealed class WhatAPriceIsForTests
{
    [Theory]
    [InlineData("Steady Hands Physio in Derby, £48 per 45-minute appointment", "45-minute appointment")]
    [InlineData("piano lessons in Ely, £20 per half hour. Keys with Kate", "half hour")]
    [InlineData("reiki healing, £35 per 40 mins. Calm Current, Totnes", "40 mins")]
    [InlineData("bouncy castle hire in Crewe, £95 for 4 hours. Jump Jacks", "4 hours")]
    public void A_length_after_a_price_is_its_period(string description, string period)
    {
        BriefReader.Read(description).Facts.Prices.Should().ContainSingle().Which.Period.Should().Be(period);
    }

    [Fact]
    public void A_period_with_its_length_is_shown_as_the_owner_wrote_it()
    {
        var price = BriefReader.Read("Steady Hands Physio in Derby, £48 per 45-minute appointment").Facts.Prices.Single();

        price.Said.Should().Be("£48 per 45-minute appointment");
    }

    [Fact]
    public void A_price_for_a_length_keeps_the_words_before_it_as_its_item()
    {
        BriefReader.Read("bouncy castle hire in Crewe, £95 for 4 hours. Jump Jacks").Facts.Prices.Single().Item.Should().Be("bouncy castle hire");
    }
}
