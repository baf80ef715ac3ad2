using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>Names the owner gives without saying "called": typed in lower case, or after "with".</summary>
public sealed class UnmarkedNameTests
{
    [Theory]
    [InlineData("fade street barbers. skin fades, beard trims, hot towel shaves. walk ins welcome", "Fade Street Barbers")]
    [InlineData("village green bakery. sourdough, buns and pasties, open 8-2", "Village Green Bakery")]
    public void A_lower_case_name_of_taxonomy_words_no_kind_says_together_is_a_name(string description, string name)
    {
        BriefReader.Read(description).BusinessName.Should().Be(name);
    }

    [Theory]
    [InlineData("mobile dog grooming. full grooms, nail trims, covering Hull")]
    [InlineData("friendly local barbers, skin fades and beard trims in Leeds")]
    public void Words_that_only_describe_the_trade_are_not_a_name(string description)
    {
        BriefReader.Read(description).NameGiven.Should().BeFalse();
    }

    [Theory]
    [InlineData("Guitar and ukulele lessons for all ages with Rowan Hale Music, at my home in Ripon", "Rowan Hale Music")]
    [InlineData("Guided hikes with Peak Trails Walking Co across the Peak District", "Peak Trails Walking Co")]
    public void A_name_ending_in_a_trade_word_after_with_is_the_businesss(string description, string name)
    {
        BriefReader.Read(description).BusinessName.Should().Be(name);
    }

    [Theory]
    [InlineData("yoga classes with Sarah in Leeds")]
    [InlineData("Painting and decorating with Farrow and Ball paints, Leeds")]
    public void A_person_or_a_brand_after_with_is_not_a_name(string description)
    {
        BriefReader.Read(description).NameGiven.Should().BeFalse();
    }

    [Fact]
    public void On_the_day_coordination_is_an_offering_and_not_a_place()
    {
        BriefReader.Read("Bluebell Weddings - a wedding planner in Kent, full planning and on the day coordination").Offerings
            .Should().Contain(o => o.Contains("on the day coordination"));
    }
}
