using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// The owner's own sentences for the about section: what they said about the business to its visitors, tidied, without
/// what they said to Navo, what the business does not do, other businesses, or contact details.
/// </summary>
public sealed class OwnWordsTests
{
    [Fact]
    public void Sentences_about_the_business_are_kept_as_the_owner_wrote_them_with_prices_and_years()
    {
        var sentences = OwnWords.Sentences(
            "hiya can u do me a website. we fit bespoke blinds and shutters, est. 2006. Roller blinds from £85 a window, fitted free!! thanks x");

        sentences.Should().Equal("We fit bespoke blinds and shutters, est. 2006.", "Roller blinds from £85 a window, fitted free!");
    }

    [Fact]
    public void What_the_business_does_not_do_and_other_businesses_are_left_out()
    {
        var sentences = OwnWords.Sentences(
            "Hand-poured soy candles and wax melts. We don't do weddings. The deli next door sells our candles too. Refills at half price.");

        sentences.Should().Equal("Hand-poured soy candles and wax melts.", "Refills at half price.");
    }

    [Fact]
    public void Requests_to_navo_contact_details_and_hours_have_their_own_places()
    {
        var sentences = OwnWords.Sentences(
            "Please make me a simple site. Bookkeeping for farms and rural businesses.\nCall 01234 567890\nemail me at jo@example.com\nOpen Mon-Fri 9-5");

        sentences.Should().Equal("Bookkeeping for farms and rural businesses.");
    }

    [Fact]
    public void Someone_spoken_of_in_the_third_person_is_not_the_business_speaking()
    {
        var sentences = OwnWords.Sentences("My uncle's stall is Lim's Noodles. He's been cooking since 1979. Wonton noodles and char siu rice.");

        sentences.Should().Equal("Wonton noodles and char siu rice.");
    }

    [Fact]
    public void A_lower_case_i_is_written_as_a_capital_and_a_list_is_a_sentence_each()
    {
        var sentences = OwnWords.Sentences("i restore old clocks and barometers\n- longcase clocks\n- carriage clocks");

        sentences.Should().Equal("I restore old clocks and barometers.", "Longcase clocks.", "Carriage clocks.");
    }

    [Fact]
    public void A_sentence_that_is_only_the_name_is_left_to_the_title()
    {
        var sentences = OwnWords.Sentences("punctures, gears and brakes fixed at your door. Spin Doctor Galway. 087 555 1234", "Spin Doctor Galway");

        sentences.Should().Equal("Punctures, gears and brakes fixed at your door.");
    }

    [Fact]
    public void A_long_message_gives_a_paragraph_not_the_whole_message()
    {
        var description = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"We grow heritage variety number {i} on the farm."));

        var sentences = OwnWords.Sentences(description);

        sentences.Should().HaveCountLessThanOrEqualTo(6);
        string.Join(' ', sentences).Length.Should().BeLessThanOrEqualTo(700);
    }
}
