using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>How owners type when they are in a hurry: lower-case towns and names, "I'm" before the business's name, symbols and slashes.</summary>
public sealed class CasualDescriptionTests
{
    [Theory]
    [InlineData("been doing kitchens 15 years round bristol. called Oakline Kitchens", "Bristol")]
    [InlineData("mobile mechanic working across sheffield, call 07700 900123", "Sheffield")]
    [InlineData("dog walking all over cardiff and surrounding areas", "Cardiff")]
    public void A_lower_case_town_after_round_across_or_all_over_is_the_place(string description, string place)
    {
        BriefReader.Read(description).Place.Should().Be(place);
    }

    [Fact]
    public void A_place_of_two_words_after_we_cover_is_the_place()
    {
        BriefReader.Read("Ridgeline Tree Care - we cover North Shields and Whitley Bay. tree felling, crown reductions").Place.Should().Be("North Shields");
    }

    [Theory]
    [InlineData("we're kettle corner café. cakes, soup and coffee", "Kettle Corner Café")]
    [InlineData("we're fern & feather, florist in Harrogate", "Fern & Feather")]
    [InlineData("we're three chefs & a van — street food for weddings and festivals", "Three Chefs & a Van")]
    public void A_lower_case_name_after_were_is_the_name_without_were(string description, string name)
    {
        BriefReader.Read(description).BusinessName.Should().Be(name);
    }

    [Theory]
    [InlineData("we're mum & daughter, baking cakes in York")]
    [InlineData("we're fully insured & dbs checked, cleaning homes in Leeds")]
    public void People_or_a_description_after_were_is_not_a_name(string description)
    {
        BriefReader.Read(description).NameGiven.Should().BeFalse();
    }

    [Fact]
    public void The_owners_first_name_after_im_gives_way_to_the_business_name_said_later()
    {
        BriefReader.Read("hello I'm Tom, joiner for 20 years, got my own business now - Tom Reed Joinery. doors, stairs, kitchens")
            .BusinessName.Should().Be("Tom Reed Joinery");
    }

    [Fact]
    public void A_first_name_after_im_is_still_the_name_when_nothing_else_is()
    {
        BriefReader.Read("hi I'm Priya, I make wedding cakes in Leicester").BusinessName.Should().Be("Priya");
    }

    [Theory]
    [InlineData("Shiny Paws, dog groomer in Hull. full grooms, nail clipping, drop-off/pick-up, open 24/7", "drop-off/pick-up")]
    [InlineData("Gymbox Hull - 24/7 gym entry, spin classes, sauna", "24/7 gym entry")]
    [InlineData("Sparkle Cleaning in Leeds. end of tenancy, check in/check out cleans, ovens", "check in/check out cleans")]
    [InlineData("Mint Signs, Hove. van lettering, hand lettering on windows, menu boards", "hand lettering on windows")]
    public void An_offering_keeps_its_slash_its_numbers_and_what_the_work_is_on(string description, string offering)
    {
        BriefReader.Read(description).Offerings.Should().Contain(offering);
    }

    [Fact]
    public void On_a_time_or_a_manner_still_ends_an_offering()
    {
        BriefReader.Read("Kitchen Table Catering in Ely. buffets, canapés on request, tours on foot").Offerings.Should().Contain(["canapés", "tours"]);
    }

    [Fact]
    public void What_a_business_opens_for_is_an_offering()
    {
        BriefReader.Read("Hillside Orchard near Ledbury. farm shop open saturdays and sundays for pick your own, apple juice and cider")
            .Offerings.Should().Contain("pick your own");
    }

    [Fact]
    public void An_offering_after_an_emoji_is_read()
    {
        BriefReader.Read("Shoreline Kayaks in Tenby 🛶 sunset paddles, kayak hire, sea safaris").Offerings.Should().Contain("sunset paddles");
    }

    [Theory]
    [InlineData("thali lunch ₹250, dinner ₹400", "₹250")]
    [InlineData("ramen ¥1200 at our Osaka shop", "¥1200")]
    [InlineData("massage 80 CHF, Zurich", "CHF 80")]
    [InlineData("sauna session 250 kr in Bergen", "kr 250")]
    [InlineData("braai pack R350 in Durban", "R350")]
    [InlineData("surf lesson NZ$60 at Raglan", "NZ$60")]
    [InlineData("adobo plate ₱250, Manila", "₱250")]
    public void Prices_in_other_currencies_are_read_with_their_sign(string description, string price)
    {
        BriefReader.Read(description).Facts.Prices.Select(p => p.Price).Should().Contain(price);
    }
}
