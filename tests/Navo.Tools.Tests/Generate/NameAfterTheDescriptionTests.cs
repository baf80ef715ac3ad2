using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// Names owners give after describing the business, or after "name", "name:" or "called", and names typed in lower
/// case at the end: the name is read whole, without the phone number or price around it.
/// </summary>
public sealed class NameAfterTheDescriptionTests
{
    [Theory]
    [InlineData("boiler servicing, power flushes and radiator swaps. Gas Safe. covering Hull and Beverley. Northfield Heating Ltd 07700 900123", "Northfield Heating Ltd", "07700 900123")]
    [InlineData("bespoke wedding stationery, invitations and place cards. Inkwell Paper Co 0413 222 918", "Inkwell Paper Co", "0413 222 918")]
    public void A_phone_number_after_a_closing_name_is_not_part_of_it(string description, string name, string phone)
    {
        var brief = BriefReader.Read(description);

        brief.BusinessName.Should().Be(name);
        brief.Facts.Phone.Should().Be(phone, "the number is kept as the contact's phone, as typed");
    }

    [Fact]
    public void The_end_of_a_price_before_a_closing_name_is_not_part_of_it()
    {
        BriefReader.Read("bespoke oak dining tables made to order, from $3,900. Ashgrove Joinery").BusinessName.Should().Be("Ashgrove Joinery");
    }

    [Fact]
    public void A_town_with_its_state_set_off_early_is_the_place_and_the_closing_clause_the_name()
    {
        var brief = BriefReader.Read("roofing contractor, Tulsa OK. shingle roofs, storm damage repairs, gutters. Red Dirt Roofing. (918) 555-0123");

        brief.BusinessName.Should().Be("Red Dirt Roofing");
        brief.Place.Should().Be("Tulsa OK");
    }

    [Fact]
    public void A_closing_name_with_a_day_word_inside_it_is_still_a_name()
    {
        BriefReader.Read("horse trail rides in the hills, pony rides for kids, 15 horses. Blue Monday Stables").BusinessName.Should().Be("Blue Monday Stables");
    }

    [Fact]
    public void A_practitioner_with_a_title_does_not_beat_the_practice_named_after_them()
    {
        BriefReader.Read("physiotherapy clinic: sports massage, rehab, acupuncture. Mrs Anna Kowal, Riverside Physio").BusinessName.Should().Be("Riverside Physio");
    }

    [Theory]
    [InlineData("we make empanadas and alfajores. name: Casa de la Abuela", "Casa de la Abuela")]
    [InlineData("cat sitting and home visits. Called Whiskers n Purrs", "Whiskers n Purrs")]
    [InlineData("tapas and natural wine, small plates. the name is Vino y Tapas", "Vino y Tapas")]
    public void Lower_case_joining_words_inside_a_given_name_are_kept(string description, string name)
    {
        BriefReader.Read(description).BusinessName.Should().Be(name);
    }

    [Fact]
    public void Name_at_the_start_of_a_clause_introduces_the_name_and_is_not_part_of_it()
    {
        BriefReader.Read("i do reiki and sound baths. Name Quiet Lotus Healing").BusinessName.Should().Be("Quiet Lotus Healing");
    }

    [Theory]
    [InlineData("office cleaning across the city. weekly contracts, carpets, windows. bright & co cleaning", "Bright & Co Cleaning")]
    [InlineData("plastering and rendering, skimming, coving. free quotes. m.hughes plastering", "M.Hughes Plastering")]
    [InlineData("house clearances and tip runs, any size job. 3 guys & a truck", "3 Guys & a Truck")]
    public void A_lower_case_name_marked_by_co_an_initial_or_and_a_at_the_end_is_read(string description, string name)
    {
        BriefReader.Read(description).BusinessName.Should().Be(name);
    }

    [Theory]
    [InlineData("dog walking and pet sitting. cash & card")]
    [InlineData("painting and decorating. pick up & drop off")]
    public void A_closing_pair_of_plain_words_is_not_a_name(string description)
    {
        BriefReader.Read(description).NameGiven.Should().BeFalse();
    }
}
