using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// Places typed in lower case or with their state or province, and offerings said after "I am a", a trade verb or
/// "open": read as the owner said them.
/// </summary>
public sealed class PlacesAndOfferingsAsTypedTests
{
    [Theory]
    [InlineData("nail bar in reno nv, gel and acrylics. Polish Palace", "Reno NV")]
    [InlineData("bike repairs in kelowna bc 🚲 tune ups and wheel builds. Spoke Shop", "Kelowna BC")]
    [InlineData("yoga studio boulder colorado: vinyasa, yin, hot yoga. Flow Room", "Boulder Colorado")]
    [InlineData("ceramics studio in kinsale, co cork. wheel classes. Clay Days", "Kinsale, Co Cork")]
    [InlineData("Tide Line Kayaks, Port Douglas QLD. reef paddles and sunset tours", "Port Douglas QLD")]
    [InlineData("pet grooming in savannah ga or mobile. Fluff Stop", "Savannah GA")]
    public void A_town_before_its_state_or_province_is_the_place_with_it_written_as_typed(string description, string place)
    {
        BriefReader.Read(description).Place.Should().Be(place);
    }

    [Fact]
    public void A_code_that_is_also_a_word_needs_a_capital_town()
    {
        BriefReader.Read("coffee cart OK for events, lattes and flat whites. Bean There").Place.Should().BeNull();
    }

    [Theory]
    [InlineData("tattoo studio in galway city. fine line and blackwork. Ink Well", "Galway")]
    [InlineData("window cleaning serving the phoenix metro area. Clear View", "Phoenix")]
    [InlineData("mobile mechanic covering leicester and loughborough. servicing, brakes. Wrench Mobile", "Leicester")]
    [InlineData("food truck usually parked in crown heights. jerk chicken and patties. Yard Bites", "Crown Heights")]
    [InlineData("accountants based in ponsonby auckland. tax returns, payroll. Kauri Accounts", "Ponsonby, Auckland")]
    public void A_lower_case_place_before_city_metro_area_a_second_place_or_as_two_words_is_read(string description, string place)
    {
        BriefReader.Read(description).Place.Should().Be(place);
    }

    [Fact]
    public void A_clause_of_two_places_one_with_its_compass_point_is_the_place()
    {
        BriefReader.Read("tree surgeon, felling, pruning, stump grinding. free quotes. wigan and west lancashire. oak & ash tree care")
            .Place.Should().Be("Wigan and West Lancashire");
    }

    [Fact]
    public void What_someone_specialises_in_is_not_a_place()
    {
        BriefReader.Read("wedding photographer specialising in elopements and small weddings. Wren Photo").Place.Should().BeNull();
    }

    [Fact]
    public void The_subjects_of_an_i_am_a_tutor_sentence_are_offerings()
    {
        BriefReader.Read("Hi, I am a physics and chemistry tutor for GCSE and A level. £40 an hour. name is Ohm Tutoring")
            .Offerings.Should().Contain(o => o.Contains("physics") && o.Contains("chemistry"));
    }

    [Fact]
    public void Open_before_a_noun_is_an_offering_and_before_a_day_is_hours()
    {
        var offerings = BriefReader.Read("climbing wall in Sheffield. bouldering, kids clubs, open climb fridays, open daily 10-10. Crux Wall").Offerings;

        offerings.Should().Contain(o => o.StartsWith("open climb"));
        offerings.Should().NotContain(o => o.StartsWith("open daily"));
    }

    [Fact]
    public void What_a_trade_verb_is_done_to_is_an_offering()
    {
        BriefReader.Read("saw doctor - i sharpen bandsaw blades, chisels and planes. Keen Teeth").Offerings.Should().Contain("bandsaw blades");
    }
}
