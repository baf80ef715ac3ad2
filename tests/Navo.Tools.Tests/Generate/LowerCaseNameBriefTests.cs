using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// Names typed the way a hurried owner types them: in lower case before the town ("harbour light bakery whitby. …"),
/// pointed back at ("… (yes thats the name)"), ending in the trade's work after the family ("o'brien &amp; sons roofing"),
/// in a message typed in capitals, or just before a phone number; each written on the site as a name is written.
/// </summary>
public sealed class LowerCaseNameBriefTests
{
    [Theory]
    [InlineData("harbour light bakery whitby. sourdough, teacakes, birthday cakes to order", "Harbour Light Bakery", "Whitby")]
    [InlineData("hey 👋 northside tattoo collective leeds. fine line, blackwork, cover ups. walk ins sat", "Northside Tattoo Collective", "Leeds")]
    [InlineData("hi im gary. gary's mobile tyres swindon. puncture repair, new tyres fitted at your door", "Gary's Mobile Tyres", "Swindon")]
    [InlineData("kauri coast kayak co tauranga. guided paddles, kayak hire by the hour, sunset trips", "Kauri Coast Kayak Co", "Tauranga")]
    public void A_lower_case_name_before_its_town_is_the_name_and_the_town_is_the_place(string description, string name, string place)
    {
        var brief = BriefReader.Read(description);

        brief.BusinessName.Should().Be(name);
        brief.Place.Should().StartWith(place);
    }

    [Theory]
    [InlineData("cheap plumber leeds. leaks, boilers, bathrooms")]
    [InlineData("mobile dog grooming glasgow. nails, baths, full grooms")]
    [InlineData("wedding photographer bristol. full day coverage, engagement shoots")]
    public void Words_that_only_sell_or_say_the_trade_before_a_town_are_no_name(string description) =>
        BriefReader.Read(description).NameGiven.Should().BeFalse();

    [Theory]
    [InlineData("dog grooming in cardiff, nails and baths. paws n claws is the name. call 07700 900 321", "Paws n Claws")]
    [InlineData("phone repairs, screens and batteries while u wait. fix it fast (yes thats the shop name lol)", "Fix It Fast")]
    public void A_lower_case_name_pointed_back_at_is_the_name(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Theory]
    [InlineData("mobile hairdresser in bolton, cuts and colours at home. call it Curl Up & Dye? no wait call it The Travelling Comb", "The Travelling Comb")]
    [InlineData("we grow strawberries and asparagus on the farm near evesham and sell it as vale fresh farm. pick your own in june", "Vale Fresh Farm")]
    [InlineData("cleaning for offices and homes in derby. facebook page is sparkle & shine derby. call 01332 555 010", "Sparkle & Shine Derby")]
    public void The_name_the_owner_asks_for_or_trades_under_is_the_name_and_a_second_call_it_corrects_the_first(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Theory]
    [InlineData("roofer in limerick - slates, flat roofs, chimney repairs. o'brien & sons roofing. free quotes", "O'brien & Sons Roofing")]
    [InlineData("electrician here, john d'arcy electrical, galway. rewires, fuse boards, ev chargers", "John D'arcy Electrical")]
    [InlineData("ROOFER IN WIGAN - FLAT ROOFS, SLATES, GUTTERS. HOLT & SONS ROOFING SINCE 1985. 01942 555 019", "Holt & Sons Roofing")]
    public void A_later_clause_ending_in_the_trades_work_after_whose_it_is_is_the_name(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Fact]
    public void The_trades_work_after_words_that_say_what_is_done_is_no_name() =>
        BriefReader.Read("decorator, 15 yrs. interior & exterior painting, wallpapering. stockport area. p.kelly decorating").BusinessName
            .Should().Be("P.Kelly Decorating");

    [Theory]
    [InlineData("driving lessons in salford, manual only. Kerry's School of Motoring 0161 555 0190", "Kerry's School of Motoring")]
    [InlineData("kebabs, burgers and chips til late. Ali Baba Grill 0121 555 0133", "Ali Baba Grill")]
    public void A_name_followed_by_a_phone_number_keeps_none_of_its_digits(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Fact]
    public void A_message_typed_in_capitals_is_read_and_its_name_written_as_a_name()
    {
        var brief = BriefReader.Read("HELLO. ELECTRICIAN IN KINGSTON - REWIRES, FUSE BOARDS, EV CHARGERS. BROWN & SONS ELECTRICAL. 876-555-0100");

        brief.BusinessName.Should().Be("Brown & Sons Electrical");
        brief.Place.Should().Be("Kingston");
        brief.Facts.Phone.Should().Be("876-555-0100");
    }

    [Fact]
    public void A_name_typed_in_lower_case_that_runs_into_a_known_town_ends_before_it()
    {
        var brief = BriefReader.Read("crumb & co bakery manchester - sourdough, brownies, celebration cakes");

        brief.BusinessName.Should().Be("Crumb & Co Bakery");
        brief.Place.Should().Be("Manchester");
    }

    [Fact]
    public void A_website_the_owner_gives_is_kept_as_typed_and_an_emails_domain_is_not_one()
    {
        var facts = BriefReader.Read("Hollybank Joinery in Kendal: kitchens and staircases. see hollybankjoinery.co.uk or email jo@hollybank.com").Facts;

        facts.Social.Should().Equal("the web at hollybankjoinery.co.uk");
        facts.Email.Should().Be("jo@hollybank.com");
    }
}
