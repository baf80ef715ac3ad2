using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// What a price is for when the owner says how long it lasts ("per 45-minute lesson", "for 3 hours") or how the
/// work is done ("remote only", "fortnightly"): the length is the price's period, and the manner is never its item.
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

    [Theory]
    [InlineData("Shine On Window Cleaning in Luton - window cleaning, fortnightly or monthly, £12 a visit", "window cleaning")]
    [InlineData("Fern Lane Bookkeeping. bookkeeping for sole traders, remote only, £25/hr", "bookkeeping for sole traders")]
    public void How_often_or_how_the_work_is_done_is_not_what_a_price_is_for(string description, string item)
    {
        BriefReader.Read(description).Facts.Prices.Should().ContainSingle().Which.Item.Should().Be(item);
    }

    [Fact]
    public void After_a_manner_the_words_following_the_price_say_what_it_is_for()
    {
        var prices = BriefReader.Read("Ink Well Piercing in Hull, by appointment only, £20 booking fee. ear piercing £15").Facts.Prices;

        prices[0].Item.Should().Be("booking fee");
        prices[0].Price.Should().Be("£20");
    }

    [Fact]
    public void A_duration_after_a_manner_stays_the_item()
    {
        var prices = BriefReader.Read("Loosen Up — sports massage, mobile across Bath. 30 min £30, 60 min £50").Facts.Prices;

        prices.Select(p => p.Item).Should().Equal("30 min", "60 min");
    }
}
