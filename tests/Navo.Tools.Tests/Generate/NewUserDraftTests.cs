using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>First messages a new user typed into the studio, and what their drafts got wrong before (issue 12's check).</summary>
public sealed class NewUserDraftTests
{
    private static readonly GenerationPipeline Pipeline = new(LocalSteps.All);

    [Theory]
    [InlineData("I'm a beekeeper in the Cotswolds near Stroud - Hollybank Honey. I sell raw wildflower honey, comb honey and beeswax candles at farmers markets and online. 340g jar £7.50.", "Hollybank Honey", "beeswax candles")]
    [InlineData("I'm a plumber in Leeds - DripFix Plumbing. Boiler repairs and bathroom fitting.", "DripFix Plumbing", "Boiler repairs")]
    [InlineData("I'm a beekeeper near Stroud - Hollybank Honey. I sell honey and candles.", "Hollybank Honey", "honey and candles")]
    public async Task A_name_after_a_dash_is_the_name_and_no_letter_of_the_text_goes_missing(string description, string name, string offering)
    {
        var draft = await Pipeline.RunAsync(new GenerationRequest(description));

        draft.Brief.BusinessName.Should().Be(name);
        var words = string.Join(' ', draft.Site.Pages.SelectMany(p => p.Sections).SelectMany(s => s.Items.SelectMany(i => i.Fields.Values).Concat(s.Fields.Values)));
        words.Should().Contain(offering, "the owner's words are on the site whole").And.NotContain("Hollyb ").And.NotContain("rep ");
    }

    [Fact]
    public async Task A_message_pasted_twice_gives_each_opening_hours_row_once()
    {
        // Regression: the same message pasted sixteen times gave 32 identical rows.
        const string message = "We are Harbour Light Café in Dún Laoghaire, breakfast and brunch, open Mon-Fri 7-6, Sat 8-4, phone 01 280 1234.";
        var draft = await Pipeline.RunAsync(new GenerationRequest(string.Join(' ', Enumerable.Repeat(message, 16))));

        var hours = draft.Site.Pages.SelectMany(p => p.Sections).Single(s => s.Type == "hours");
        hours.Items.Select(Navo.Tools.Sites.OpeningHours.Describe).Should().Equal("Mon-Fri 07:00–18:00", "Sat 08:00–16:00");
        hours.Field("note").Should().Be("Open Mon-Fri 7-6, Sat 8-4.");
        draft.Site.Slug.Should().Be("harbour-light-cafe", "an address keeps the letters of an accented word");
    }

    [Fact]
    public async Task A_clock_repairer_gets_no_garage_copy_for_its_servicing()
    {
        var draft = await Pipeline.RunAsync(new GenerationRequest(
            "I repair antique clocks and watches - longcase, bracket, carriage clocks, pocket watches. Workshop in Harrogate, name is Tompion & Daughter Horology. Clock servicing from £85. Open Wed-Sat 10am-4pm. Been doing this since 1998."));

        draft.Brief.Kind.Should().Be("watch_repair", "clock servicing is not car servicing");
        var html = draft.HomeHtml.ToLowerInvariant();
        html.Should().NotContain("your car").And.NotContain("drive").And.NotContain("garage");
        draft.Site.Pages.SelectMany(p => p.Sections).Single(s => s.Type == "pricing").Items[0].Field("price").Should().Be("from £85");
        draft.Brief.Facts.Since.Should().Be("1998");
    }

    [Theory]
    [InlineData("Craft brewery and taproom in Sheffield - Steel Valley Brewing Co. We brew pale ales, stouts and a sour. Taproom open Thu-Fri 4pm-11pm, Sat 12-11pm. Brewery tours £15 incl. tasting flight. 45 Shalesmoor, Sheffield S3 8UL",
        "Thu-Fri 16:00-23:00|Sat 12:00-23:00")]
    [InlineData("family farm shop just outside Ludlow, Shropshire - Oakleigh Farm Shop. our own beef and lamb, free range eggs, veg boxes from £15. open every day 8-6 except Sunday 10-4.",
        "Mon-Sat 08:00-18:00|Sun 10:00-16:00")]
    public void Opening_hours_read_as_the_owner_meant(string description, string hours) =>
        string.Join('|', BriefReader.Read(description).Facts.Hours.Select(h => $"{h.Days} {h.Opens}-{h.Closes}")).Should().Be(hours);

    [Fact]
    public async Task An_address_is_the_contact_address_not_a_product_and_a_call_button_rings_the_number()
    {
        var draft = await Pipeline.RunAsync(new GenerationRequest(
            "24 hour emergency locksmith in Croydon. KeyFast Locksmiths. lockouts, lock changes, uPVC door repairs, no call out charge. 020 7946 0991, 45 Shalesmoor, Sheffield S3 8UL"));

        var sections = draft.Site.Pages[0].Sections;
        sections.Single(s => s.Type == "contact").Field("address").Should().StartWith("45 Shalesmoor");
        draft.Brief.Offerings.Should().NotContain(o => o.Contains("Shalesmoor") || o.Contains("charge"));
        var hero = sections.Single(s => s.Type == "hero");
        (hero.Field("ctaText"), hero.Field("ctaLink")).Should().Be(("Call a locksmith", "tel:02079460991"));
    }

    [Fact]
    public void What_the_business_is_not_is_neither_its_kind_nor_an_offering()
    {
        var brief = BriefReader.Read("we're a florist, not a gift shop");

        brief.Kind.Should().Be("florist");
        brief.Offerings.Should().NotContain(o => o.Contains("gift shop"));
    }

    [Theory]
    [InlineData("hiya, we're a tiny upholstery workshop in Frome called Stitch & Spring. We re-cover armchairs, sofas and dining chairs, fabric from £40 a metre.", "hiya", "metre")]
    [InlineData("Morning! Lantern Yoga - yin and vinyasa in a church hall in Keswick, £9 drop in, beginners welcome", "morning", "beginners")]
    public void Greetings_units_and_who_is_welcome_are_not_offerings(string description, string greeting, string notOffered) =>
        BriefReader.Read(description).Offerings.Should().NotContain(o => o.Equals(greeting, StringComparison.OrdinalIgnoreCase) || o.Equals(notOffered, StringComparison.OrdinalIgnoreCase));
}
