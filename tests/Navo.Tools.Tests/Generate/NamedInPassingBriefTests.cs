using Navo.Tools.Generate;
using Navo.Tools.Reading;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// Briefs where the business's name comes in passing, after the owner has introduced themselves ("name of my
/// classes is …", "my biz is …", "bookings under …", "shop name …", a quoted name in lower case); towns typed in lower
/// case with nothing before them that says "in"; and a licence number that is not the phone number.
/// </summary>
public sealed class NamedInPassingBriefTests
{
    [Theory]
    [InlineData("Hello, I am Anil Kapoor. I teach tabla and harmonium at home in Pune. Name of my classes is Taal Sangam Music Classes", "Taal Sangam Music Classes")]
    [InlineData("heyy I'm Coach Dee 🏀 basketball camps for kids round Leeds. my biz is hoop dreams academy!!", "hoop dreams academy")]
    [InlineData("Good evening. I am Ngozi Eze, tailor. Bookings under Ngozi Couture Studio: 0803 555 1212", "Ngozi Couture Studio")]
    [InlineData("hi i sell handmade soaps at the weekend market in ipoh, shop name lavendula 🌿", "lavendula")]
    [InlineData("I am a baker in Accra, my brand name is \"crumbs by esi\" and we do cakes", "crumbs by esi")]
    [InlineData("Good day, Harbour Lights Sailing: a sailing school in Kingston for adults and kids", "Harbour Lights Sailing")]
    [InlineData("We're Bun na Coille, a cafe by the woods in Ballater. soup, scones and cakes", "Bun na Coille")]
    [InlineData("Firm name - Adeyemi & Co. Solicitors. Conveyancing and wills in Ibadan", "Adeyemi & Co. Solicitors")]
    public void The_business_named_after_its_owner_is_the_name(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().BeEquivalentTo(name);

    [Theory]
    [InlineData("Hello, I'm a window cleaner covering Perth, Scone and the Carse of Gowrie. Pure water poles. Clearview Windows Co. 07700 900 123", "Clearview Windows Co.")]
    [InlineData("We keep bees on a smallholding in Kinangop, Nyandarua County. Raw honey and beeswax candles. Asali Gold Apiaries, 0722 000 111", "Asali Gold Apiaries")]
    [InlineData("Mobile vet in Wagga Wagga, Riverina Paws Vets. Vaccinations and check ups at home.", "Riverina Paws Vets")]
    [InlineData("Potter from Hobart, Tas. mugs, bowls and vases. Clay & Tide Studio. Mugs are $45 each.", "Clay & Tide Studio")]
    [InlineData("BLUE GUM BOOKKEEPING\nPayroll and BAS for tradies in Geelong. 0400 000 000", "BLUE GUM BOOKKEEPING")]
    [InlineData("Greetings from Grand Anse, Grenada! Sea-view apartments to rent, Coconut Breeze Villas. US$150 a night.", "Coconut Breeze Villas")]
    [InlineData("Craft bakery in Bristol. Our best seller is a sourdough blend called Harbour Rye. Name: Old Mill Loaves.", "Old Mill Loaves")]
    [InlineData("• Tamar Valley Cider\n• small batch cider and perry, Launceston\n• sell: Orchard Dry, Perry Pear, gift boxes", "Tamar Valley Cider")]
    public void A_place_a_region_or_a_thing_the_business_makes_is_not_its_name(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Theory]
    [InlineData("hair and beauty studio at Cheras, KL. blow dry RM40", "Cheras, Kuala Lumpur")]
    [InlineData("cafe in ponsonby, akl. flat whites and cabinet food", "Ponsonby, Auckland")]
    [InlineData("tattoo parlour in Fitzroy, melb. walk-ins welcome", "Fitzroy, Melbourne")]
    public void A_citys_short_form_after_its_district_is_written_out(string description, string place) =>
        BriefReader.Read(description).Place.Should().Be(place);

    [Theory]
    [InlineData("locksmith 24/7, lockouts and lock changes, covering all of glasgow southside", "Glasgow")]
    [InlineData("bright smile dental care nairobi. scaling, fillings, braces", "Nairobi")]
    [InlineData("mobile dog grooming, hackney and islington, london. full groom £55", "London")]
    public void A_town_typed_in_lower_case_is_the_place(string description, string place) =>
        BriefReader.Read(description).Place.Should().ContainEquivalentOf(place);

    [Theory]
    [InlineData("hi im charlotte 😊 i make wedding cakes, message me for a quote")]
    [InlineData("Cakes for every occasion. Thanks, Austin")]
    public void A_persons_name_that_is_also_a_town_is_not_the_place(string description) =>
        Towns.First(description).Should().BeNull();

    [Fact]
    public void A_licence_number_is_not_the_phone_number_and_a_sentence_ending_in_VAT_does_not_hide_one()
    {
        Facts.Phone("Licensed gas engineer (Gas Safe #5551234) in Croydon. Ring Dave 020 7946 0321")!.Value.Value.Should().Be("020 7946 0321");
        Facts.Phone("Electrician, Reg No. 4412345. Call 0161 496 0732")!.Value.Value.Should().Be("0161 496 0732");
        Facts.Phone("Bookkeeping from £95 + VAT. 01632 960 118")!.Value.Value.Should().Be("01632 960 118");
    }
}
