using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>generate_site's <c>industry</c> may be the user's own words, and its <c>place</c> wins over the description's.</summary>
public sealed class IndustryAndPlaceTests
{
    [Theory]
    [InlineData("bakery", "bakery")]
    [InlineData("Beauty salon", "beauty")]
    [InlineData("hair salon", "beauty")]
    [InlineData("wedding planner", "events")]
    [InlineData("plumber", "trades")]
    [InlineData("law firm", "professional")]
    [InlineData("dog groomer", null)]
    [InlineData("tattoo parlour", null)]
    [InlineData("tailor", null)]
    [InlineData("apple orchard", null)]
    public void Free_words_resolve_to_a_pack_when_one_fits_else_to_general(string industry, string? pack) =>
        BriefReader.ResolveIndustry(industry, "Build me a site")?.Industry.Should().Be(pack);

    [Fact]
    public void A_named_industry_is_not_second_guessed_from_the_words_around_it()
    {
        var brief = BriefReader.Read("We're a dog groomer, not a salon", businessName: "Waggy Tails", industry: "dog groomer");

        brief.Industry.Should().Be("general", "no pack fits a dog groomer, and the salon is what the business is not");
        brief.BusinessName.Should().Be("Waggy Tails");
    }

    [Fact]
    public void The_place_given_wins_over_the_one_in_the_description_and_names_the_fallback()
    {
        BriefReader.Read("Rosa's Bakery is a bakery in Porto.", place: "Lisbon").Place.Should().Be("Lisbon");
        BriefReader.Read("Rosa's Bakery is a bakery in Porto.").Place.Should().Be("Porto");
        BriefReader.Read("a bakery", place: "Leeds").BusinessName.Should().Be("Leeds Bakery");
    }

    [Fact]
    public async Task A_draft_uses_the_place_given()
    {
        var result = await new GenerationPipeline(LocalSteps.All).RunAsync(new GenerationRequest("Rosa's Bakery is a bakery in Porto.", Place: "Lisbon"));

        result.Brief.Place.Should().Be("Lisbon");
        result.Site.Seo.Title.Should().Contain("Lisbon").And.NotContain("Porto");
    }
}
