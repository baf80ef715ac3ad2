using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// A trade the taxonomy does not know gets copy from the owner's own words rather than a neighbouring kind's: a close
/// call between kinds of different packs is no call.
/// </summary>
public sealed class UnknownKindTests
{
    [Theory]
    [InlineData("we are Ironbridge Forge, a knife maker in Shropshire. custom chef knives, hunting knives and knife sharpening £5 a blade", "knife maker")]
    [InlineData("Got a man with a van business in Cardiff - Dragon Van Man. single items, student moves, tip runs. £35 an hour", "van business")]
    [InlineData("we're a falconry centre near Kendal called Windermere Hawks - hawk walks, owl experience days and falconry displays at events", "falconry centre")]
    [InlineData("I'm a bookbinder in Bath, the business is Vellum & Thread. thesis binding, book repairs, handmade journals", "bookbinder")]
    public void A_trade_the_owner_names_that_no_kind_is_near_keeps_the_owners_words(string description, string label)
    {
        var brief = BriefReader.Read(description);

        brief.Kind.Should().BeNull();
        brief.Industry.Should().Be("general");
        brief.KindLabel.Should().Be(label);
    }

    [Theory]
    [InlineData("The Sharpening Shed - I sharpen knives, scissors, garden tools and mower blades. Market stall in Totnes every Friday.")]
    [InlineData("Tidewater Oysters - we farm rock oysters on the Essex coast near Mersea. oysters by the dozen, shucking lessons, wholesale to restaurants")]
    [InlineData("luthier in Galway - Cormac Daly Guitars. handmade acoustic guitars, repairs, setups")]
    [InlineData("wedding car hire, Vintage Vows Cars, 1950s Bentley and Rolls Royce with chauffeur, covering Surrey. from £450")]
    [InlineData("Wildwood Bushcraft runs bushcraft courses in the Forest of Dean - fire lighting, shelter building, foraging walks. weekend course £180")]
    public void A_kind_near_one_clause_with_another_packs_kind_close_behind_is_not_taken(string description)
    {
        var brief = BriefReader.Read(description);

        brief.Kind.Should().BeNull("a market stall is not a food truck, shelter building is not an animal shelter");
        brief.Industry.Should().Be("general");
    }

    [Theory]
    [InlineData("Olea is a greek restaurant in Leith - mezze and grilled fish", "restaurant")]
    [InlineData("We're Parcel Pals, a parcel collection point in Hove. open 8-8 daily", "courier")]
    [InlineData("Fluffy Butts is a dog groming business in Hull", "dog_groomer")]
    public void Only_longer_words_are_read_as_misspelt_trade_words(string description, string kind)
    {
        BriefReader.Read(description).Kind.Should().Be(kind, "\"greek\" is not \"green\", nor \"point\" \"paint\"; \"groming\" is \"grooming\"");
    }
}
