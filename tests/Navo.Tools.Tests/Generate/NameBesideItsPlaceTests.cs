using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// Names with nothing saying they are names but where they stand: at the start of a clause followed by where the
/// business is, after the trade and its town, after "runs" or "owns", set off with the year it started or its phone
/// number; and the town set off right after the name.
/// </summary>
public sealed class NameBesideItsPlaceTests
{
    [Theory]
    [InlineData("logs and kindling delivered, seasoned hardwood by the bag or load. Ash & Oak Firewood in Tiverton", "Ash & Oak Firewood", "Tiverton")]
    [InlineData("gutter cleaning, fascia and soffit washing. Clear Flow Gutters serving Preston and Chorley. 01772 555 901", "Clear Flow Gutters", "Preston")]
    [InlineData("farm tours and lambing weekends. Hill Top Farm out of Hawick, Scottish Borders", "Hill Top Farm", "Hawick")]
    [InlineData("vintage tea parties and crockery hire 🫖 Pretty Cup Hire 🫖 Whitby", "Pretty Cup Hire", "Whitby")]
    public void A_name_followed_by_where_the_business_is_is_the_name(string description, string name, string place)
    {
        var brief = BriefReader.Read(description);

        brief.BusinessName.Should().Be(name);
        brief.Place.Should().StartWith(place);
    }

    [Theory]
    [InlineData("Cobbler in Leeds - Sole Mates Repairs. heels, soles, key cutting", "Sole Mates Repairs")]
    [InlineData("Glazier in Dundee - Tay Glass & Glazing, double glazing repairs and new windows", "Tay Glass & Glazing")]
    public void A_trade_and_its_town_before_a_dash_are_not_the_name(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Fact]
    public void A_trade_and_its_town_are_the_best_there_is_when_nothing_else_names_the_business() =>
        BriefReader.Read("Keys in Tune - piano tuning in Galway and all over Connacht.").BusinessName.Should().Be("Keys in Tune");

    [Theory]
    [InlineData("My sister owns Crumbs Cake Studio in Tralee, birthday cakes and cupcakes", "Crumbs Cake Studio")]
    [InlineData("our family runs Lakeside Kayak Tours out of Keswick, guided paddles from £45", "Lakeside Kayak Tours")]
    [InlineData("I perform as Magic Mo Entertainment, kids parties and balloon modelling in Luton", "Magic Mo Entertainment")]
    [InlineData("My dad's chip van is Fryer Tuck's, fish and chips at the Saturday market in Grimsby", "Fryer Tuck's")]
    public void A_name_said_to_be_owned_run_or_performed_as_is_the_name(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Theory]
    [InlineData("chimney sweeping and bird guards fitted. Ashby Sweeps est 1998. covering the Wolds", "Ashby Sweeps")]
    [InlineData("septic tanks emptied, drains unblocked. Fenland Drainage Services Ltd 01945 555 320", "Fenland Drainage Services Ltd")]
    [InlineData("bike servicing at your door, puncture repair. PedalFix. york", "PedalFix")]
    [InlineData("guided foraging walks and wild food suppers. Call Jo at Hedgerow Larder 07700 900777", "Hedgerow Larder")]
    [InlineData("Website please for Canolfan Ddawns Tywi in Llandeilo, ballet and tap for kids", "Canolfan Ddawns Tywi")]
    [InlineData("fresh fish, smoked eel and herring. Visserij Van der Berg, Volendam", "Visserij Van der Berg")]
    public void A_name_set_off_with_its_year_phone_or_in_a_word_of_its_own_is_read_whole(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Theory]
    [InlineData("chimney lining and cowls, Hexham NE. Hadrian Flues. liners fitted from £900", "Hadrian Flues")]
    [InlineData("Mower repairs & sharpening, Ripon\nDale Mowers\nservicing from £45", "Dale Mowers")]
    [InlineData("Kings Road history walks, Chelsea - Blue Plaque Walks. two hours, £15", "Blue Plaque Walks")]
    [InlineData("dog walking 🐕 Muddy Paws Walkers, serving Epsom and Ewell. solo walks", "Muddy Paws Walkers")]
    [InlineData("Hi, website needed for Oakham Organs please. church organ tuning and restoration", "Oakham Organs")]
    [InlineData("starting a mobile knife sharpening round, calling it Sharp Set Hull. knives £4 each", "Sharp Set Hull")]
    public void A_name_after_the_trade_and_its_town_or_street_is_read_on_its_own(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Theory]
    [InlineData("escape rooms for 2-6 players: 'The Vault' and 'Prison Break'. We're Locked In Leicester", "'The Vault'")]
    [InlineData("swimming lessons for toddlers, Classes Tuesday & Thursday. Little Fins Swim School, Hove", "Classes Tuesday & Thursday")]
    [InlineData("Website for my HGV training school pls. RoadReady Training, Doncaster", "HGV")]
    public void What_the_business_has_when_it_runs_and_abbreviations_are_not_its_name(string description, string notName) =>
        BriefReader.Read(description).BusinessName.Should().NotBe(notName.Trim('\''));

    [Theory]
    [InlineData("Inkwell Studio, Bath. calligraphy workshops £55", "Bath")]
    [InlineData("Bridge Street Fishmongers, Scheveningen. fresh from the auction in IJmuiden every morning", "Scheveningen")]
    [InlineData("Kilnhouse Distillery, Co. Cork. gin and tours on Saturdays", "Co. Cork")]
    public void The_town_set_off_right_after_the_name_is_the_place(string description, string place) =>
        BriefReader.Read(description).Place.Should().Be(place);

    [Theory]
    [InlineData("Rosewood Bakery CO. sourdough and bagels in Montreal", "Rosewood Bakery CO.")]
    public void An_abbreviation_in_capitals_keeps_its_full_stop(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);
}
