using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>What an owner says in passing that visitors want to know, kept on the site as typed.</summary>
public sealed class SaidInPassingTests
{
    private static readonly GenerationPipeline Pipeline = new(LocalSteps.All);

    [Fact]
    public async Task Availability_experience_cover_and_languages_reach_the_about_section_as_typed()
    {
        // The sentences that carry them are left out of the about section (one gives the phone, one the name), so
        // without the highlights none of them would be on the site.
        var draft = await Pipeline.RunAsync(new GenerationRequest(
            "plumber in Swindon. boilers, leaks and bathrooms. 24/7 emergency call outs on 01793 000000. name is Ace Flow Plumbing, 12 yrs, fully insured, hablo español"));

        draft.Brief.Facts.Highlights.Should().Equal("24/7 emergency call outs", "12 yrs", "fully insured", "hablo español");
        var about = draft.Site.Pages.SelectMany(p => p.Sections).Single(s => s.Type == "about").Field("body");
        about.Should().Contain("Good to know: 24/7 emergency call outs · 12 yrs · Fully insured · Hablo español.");
    }

    [Theory]
    [InlineData("party magician for 4-10 yr olds in Swindon, £150 a show")]
    [InlineData("kids coding club for ages 8-12 in Leeds, £10 a session")]
    public void Ages_are_not_years_of_experience(string description) =>
        BriefReader.Read(description).Facts.Highlights.Should().BeEmpty();
}
