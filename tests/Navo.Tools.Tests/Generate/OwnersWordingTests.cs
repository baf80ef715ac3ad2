using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// Hours and prices as the owner wrote them are on the draft beside what Navo read from them: a visitor sees "wed-sun
/// 11-6" and "$60/hr" as the owner would say them, and the hours table and the price's period stay structured.
/// </summary>
public sealed class OwnersWordingTests
{
    private static readonly GenerationPipeline Pipeline = new(LocalSteps.All);

    [Theory]
    [InlineData("Loom & Leaf is a plant shop in Leith. Open wed-sun 11-6", "Open wed-sun 11-6")]
    [InlineData("Hilltop Books, secondhand bookshop in Ledbury. Opening hours are tues to sat 10-5. Thanks!", "tues to sat 10-5")]
    [InlineData("Crumb & Co, a small bakery in Hebden Bridge. Open tue-sat 8-4, closed sun & mon. Sourdough £4.50", "Open tue-sat 8-4, closed sun & mon")]
    [InlineData("Tin Shed Tacos — a food truck in Austin. birria tacos and elote. find us thurs-sat 5pm-10pm, call 512-555-0171", "find us thurs-sat 5pm-10pm")]
    public void The_hours_as_the_owner_wrote_them_are_kept(string description, string said)
    {
        var facts = BriefReader.Read(description).Facts;

        facts.Hours.Should().NotBeEmpty();
        facts.HoursSaid.Should().Be(said);
    }

    [Fact]
    public async Task The_hours_section_shows_the_owners_words_under_the_table()
    {
        var result = await Pipeline.RunAsync(new GenerationRequest("Loom & Leaf is a plant shop in Leith. Open wed-sun 11-6"));

        var hours = result.Site.Pages.SelectMany(p => p.Sections).Single(s => s.Type == "hours");
        hours.Items.Should().ContainSingle().Which.Field("opens").Should().Be("11:00");
        hours.Field("note").Should().Be("Open wed-sun 11-6.");
    }

    [Theory]
    [InlineData("Back Porch Sound is a recording studio in Nashville. tracking, mixing, mastering. $60/hr", "$60/hr", "hour")]
    [InlineData("Ghost walks round Chester, tickets £12pp. Chester Ghosts", "£12pp", "person")]
    [InlineData("I tutor maths in Leeds, £35 an hour. Name is Sum Help", "£35 an hour", "hour")]
    public async Task A_price_with_a_period_is_shown_as_the_owner_wrote_it(string description, string shown, string period)
    {
        var result = await Pipeline.RunAsync(new GenerationRequest(description));

        result.Brief.Facts.Prices.Should().ContainSingle().Which.Period.Should().Be(period);
        var item = result.Site.Pages.SelectMany(p => p.Sections).Single(s => s.Type == "pricing").Items.Should().ContainSingle().Subject;
        item.Field("price").Should().Be(shown);
        item.Field("period").Should().BeEmpty("the owner's wording already says it");
    }

    [Fact]
    public async Task A_price_without_a_period_is_written_as_read()
    {
        var result = await Pipeline.RunAsync(new GenerationRequest("Dripfix Plumbing in Swindon - boiler repairs and leaking taps. 45 pounds call out"));

        result.Site.Pages.SelectMany(p => p.Sections).Single(s => s.Type == "pricing").Items.Should().ContainSingle().Which.Field("price").Should().Be("£45");
    }
}
