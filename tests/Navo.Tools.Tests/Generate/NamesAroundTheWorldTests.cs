using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// Names as owners around the world say them: after "we are running", "I set up", "founder of" or "welcome to"; opened
/// by a word that is also a greeting; joined by particles of other languages ("il-", "ta'", "à"); with "24/7" in them;
/// typed in lower case before a dash; and a heading that puts the town after the name. Hours said in words and prices
/// with the currencies of Singapore, Jamaica or India are kept as the owner wrote them.
/// </summary>
public sealed class NamesAroundTheWorldTests
{
    [Theory]
    [InlineData("Good evening, we are running Sunrise Tuition Centre at Nagpur for class 9 and 10 maths and science", "Sunrise Tuition Centre")]
    [InlineData("After years in a big salon I set up Bramble Hair Studio near Exeter in 2019, cuts and colour", "Bramble Hair Studio")]
    [InlineData("I am Mrs. Adaeze Okafor, founder of Little Stars Creche in Enugu. We take children from 6 months", "Little Stars Creche")]
    [InlineData("Welcome to Kerala Spice Kitchen in Leicester. Dosa, biryani and thali every day", "Kerala Spice Kitchen")]
    [InlineData("Hi, Tom Baxter here from Baxter Roofing, out of Leek. Slate and tile repairs, lead work", "Baxter Roofing")]
    [InlineData("hello its Spin City Records here in Bristol, we sell second hand vinyl and turntables", "Spin City Records")]
    [InlineData("Sir I am running Om Sai Computer Classes in Nashik since 2010, tally and MS office", "Om Sai Computer Classes")]
    public void A_name_after_words_that_say_the_owner_runs_it_is_the_name(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Theory]
    [InlineData("Aloha Surf Co - surf lessons and board hire on Bondi Beach, $60 a lesson", "Aloha Surf Co")]
    [InlineData("Aloha! We're Kai Surf Lessons, group and private lessons in Honolulu", "Kai Surf Lessons")]
    [InlineData("Bonjour/hello! We are Chez Mireille, a crêperie in Lyon", "Chez Mireille")]
    public void A_greeting_of_another_language_opens_a_name_unless_it_is_set_off(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Theory]
    [InlineData("we sell olive oil and capers from our farm in Gozo. Name: Razzett il-Qadim. bottles €12", "Razzett il-Qadim")]
    [InlineData("handmade filigree jewellery in Valletta, name is Deheb ta' Nanna, earrings from €40", "Deheb ta' Nanna")]
    [InlineData("We're Back to Best, a furniture restorer in Derby", "Back to Best")]
    [InlineData("Need a site for my plumbing business, Leeds 24/7 Plumbing & Heating, boiler repairs, call 0113 555 0142", "Leeds 24/7 Plumbing & Heating")]
    [InlineData("Calligraphy and ink painting in Singapore. Name 墨 Ink Garden Studio. classes S$40", "Ink Garden Studio")]
    public void A_name_keeps_its_particles_digits_and_slashes(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Theory]
    [InlineData("bright spark - electrician in hull, rewires, fuse boards, ev chargers", "Bright Spark")]
    [InlineData("salt & stone co — surf lessons and board hire in newquay, £35 a lesson", "Salt & Stone Co")]
    public void A_lower_case_name_before_a_dash_and_the_trade_is_the_name(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Fact]
    public void Words_of_the_trade_before_a_dash_are_not_a_name() =>
        BriefReader.Read("dog grooming - mobile, all breeds, nail clipping too").BusinessName.Should().Be(BriefReader.PlaceholderName);

    [Fact]
    public void A_phone_number_is_never_a_name() =>
        BriefReader.Read("Our number is 0722 555 318. We do school uniforms and alterations.").BusinessName.Should().NotContain("0722");

    [Fact]
    public async Task The_business_is_not_who_it_is_for()
    {
        const string description = "Build a site for Casa Azul, a restaurant in Faro serving grilled fish and local wine";

        BriefReader.Read(description).Audience.Should().BeNull();
        var result = await new GenerationPipeline(LocalSteps.All).RunAsync(new GenerationRequest(description));
        result.HomeHtml.Should().NotContainEquivalentOf("for casa azul");
    }

    [Theory]
    [InlineData("QuickFix Phones Kampala - screen repair and batteries. 0772 555 310", "QuickFix Phones", "Kampala")]
    [InlineData("Fresh Fold Laundry Cebu City - wash dry fold ₱30/kilo", "Fresh Fold Laundry", "Cebu City")]
    public void A_town_after_the_trade_in_a_heading_is_the_place_not_the_name(string description, string name, string place)
    {
        var brief = BriefReader.Read(description);

        brief.BusinessName.Should().Be(name);
        brief.Place.Should().Be(place);
    }

    [Theory]
    [InlineData("Pawsome Pet Sitters - dog walks and cat visits in Cape Town")]
    [InlineData("Clean Sweep Gutters - gutter cleaning across Perth")]
    public void A_trade_word_at_the_end_of_a_heading_stays_in_the_name(string description) =>
        BriefReader.Read(description).BusinessName.Should().Be(description.Split(" - ")[0]);

    [Theory]
    [InlineData("Late night noodle bar in Geylang. open till 3am fri/sat. laksa S$8", "open till 3am fri/sat")]
    [InlineData("Jerk chicken and festival in Negril. Open every day from noon til late", "Open every day from noon til late")]
    [InlineData("Mobile tyre fitting, we come to you. Open 7 days. 07700 900 318", "Open 7 days")]
    public void Hours_said_in_words_are_kept_as_said(string description, string said) =>
        BriefReader.Read(description).Facts.HoursSaid.Should().Be(said);

    [Fact]
    public void Hours_with_en_dashes_are_said_as_written() =>
        BriefReader.Read("Pottery classes in Halifax. Open Wed–Sun 10–6.").Facts.HoursSaid.Should().Be("Open Wed–Sun 10–6");

    [Theory]
    [InlineData("satay and chicken rice, set meal S$7.50, family tray S$38", "S$38")]
    [InlineData("coffee tours in the Blue Mountains, beans 1lb J$6,500", "J$6,500")]
    [InlineData("maths tuition for class 10, fees Rs 3,500 per month", "Rs 3,500")]
    [InlineData("school fees KSh 35,000 per term", "KSh 35,000")]
    public void Prices_keep_their_currency_as_written(string description, string price) =>
        BriefReader.Read(description).Facts.Prices.Select(p => p.Price).Should().Contain(price);
}
