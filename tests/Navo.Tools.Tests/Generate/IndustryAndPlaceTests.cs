using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>generate_site's <c>industry</c> may be the user's own words, and its <c>place</c> wins over the description's.</summary>
public sealed class IndustryAndPlaceTests
{
    [Theory]
    [InlineData("bakery", "bakery", "bakery")]
    [InlineData("Beauty salon", "beauty_salon", "beauty")]
    [InlineData("hairdresser", "hair_salon", "beauty")]
    [InlineData("someone who plans weddings", "wedding_planner", "events")]
    [InlineData("plumbing and heating engineer", "plumber", "trades")]
    [InlineData("law firm", "solicitor", "professional")]
    [InlineData("dog grooming parlour", "dog_groomer", "pets")]
    [InlineData("tattoo parlour", "tattoo_studio", "beauty")]
    [InlineData("we take people kayaking on the river", "kayak_tours", "tours")]
    [InlineData("i keep bees and sell honey", "beekeeper", "farm")]
    public void Free_words_resolve_to_the_nearest_kind_by_meaning(string industry, string kind, string pack)
    {
        var (found, _) = BriefReader.ResolveKind(industry, "Build me a site");

        found!.Id.Should().Be(kind);
        found.Pack.Should().Be(pack);
    }

    [Theory]
    [InlineData("bagpipe maker")]
    [InlineData("bell foundry")]
    public void Words_no_kind_is_near_stay_the_owners_own(string industry)
    {
        var (found, label) = BriefReader.ResolveKind(industry, "Build me a site");

        found.Should().BeNull();
        label.Should().Be(industry);
    }

    [Fact]
    public void A_named_industry_is_not_second_guessed_from_the_words_around_it()
    {
        var brief = BriefReader.Read("We're a dog groomer, not a salon", businessName: "Waggy Tails", industry: "dog groomer");

        brief.Kind.Should().Be("dog_groomer", "the salon is what the business is not");
        brief.Industry.Should().Be("pets");
        brief.BusinessName.Should().Be("Waggy Tails");
    }

    [Fact]
    public void The_place_given_wins_over_the_one_in_the_description_and_is_never_made_into_a_name()
    {
        BriefReader.Read("Rosa's Bakery is a bakery in Porto.", place: "Lisbon").Place.Should().Be("Lisbon");
        BriefReader.Read("Rosa's Bakery is a bakery in Porto.").Place.Should().Be("Porto");
        var unnamed = BriefReader.Read("a bakery", place: "Leeds");
        unnamed.BusinessName.Should().Be(BriefReader.PlaceholderName, "a name is never the place plus a generic word");
        unnamed.NameGiven.Should().BeFalse();
    }

    [Fact]
    public async Task A_draft_uses_the_place_given()
    {
        var result = await new GenerationPipeline(LocalSteps.All).RunAsync(new GenerationRequest("Rosa's Bakery is a bakery in Porto.", Place: "Lisbon"));

        result.Brief.Place.Should().Be("Lisbon");
        result.Site.Seo.Title.Should().Contain("Lisbon").And.NotContain("Porto");
    }
}
