using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>Names given at the end of a message or after words that say a name follows, and where a name stops.</summary>
public sealed class NamesSignedOffTests
{
    [Theory]
    [InlineData("window cleaning round in Derby, gutters and conservatories too, call me Clear View Kev", "Clear View Kev")]
    [InlineData("Pottery classes on Tuesday evenings, all welcome. its the Clay Barn Collective", "Clay Barn Collective")]
    [InlineData("we fix bikes and sell parts in Hebden Bridge. It's The Spoke Shed", "The Spoke Shed")]
    public void A_name_after_call_me_or_its_at_the_end_is_the_businesss(string description, string name)
    {
        BriefReader.Read(description).BusinessName.Should().Be(name);
    }

    [Theory]
    [InlineData("dog walking in Bath, call me on 07700 900123")]
    [InlineData("Open every day. It's Friday Fun Day on Fridays, bring the kids")]
    public void Call_me_on_a_number_or_its_before_more_words_is_not_a_name(string description)
    {
        BriefReader.Read(description).NameGiven.Should().BeFalse();
    }

    [Theory]
    [InlineData("alterations and hemming in Leicester. shop name Needle Point Alterations", "Needle Point Alterations")]
    [InlineData("spoken english coaching for adults, business name Clear Voice Academy", "Clear Voice Academy")]
    public void A_name_after_shop_name_or_business_name_is_the_businesss(string description, string name)
    {
        BriefReader.Read(description).BusinessName.Should().Be(name);
    }

    [Fact]
    public void A_name_ends_with_its_line()
    {
        BriefReader.Read("We're Hollow Oak Pottery\n2 wheels and a kiln in Frome, taster sessions and courses").BusinessName.Should().Be("Hollow Oak Pottery");
    }

    [Fact]
    public void We_are_in_after_a_place_says_where_the_business_is_not_that_the_place_is_its_name()
    {
        var brief = BriefReader.Read("Bramble Bikes - e-bike hire for the Forest of Dean, we're in Coleford. day and half day hire");

        brief.BusinessName.Should().Be("Bramble Bikes");
    }
}
