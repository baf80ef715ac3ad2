using Navo.Tools.Generate;
using Navo.Tools.Reading;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// Names said the way owners say them in a hurry: booked for an occasion, signed off "name @ business", "its X" at the
/// start, "from X" in lower case, "X &amp; sons trade", "bizz name X", an opening sentence that starts with "the". The
/// businesses are new, not the evaluation sets' own.
/// </summary>
public sealed class NamesAsPeopleSayThemTests
{
    [Theory]
    [InlineData("Book Sunny Side Up Catering for your next office lunch! Sandwich platters, hot buffets and cakes across Reading.", "Sunny Side Up Catering")]
    [InlineData("Hi its Tom from Riverside Bike Repairs here, Kendal. Servicing, punctures and wheel builds.", "Riverside Bike Repairs")]
    [InlineData("hey its gemma from little acorns nursery lol. ages 0-5, in Didcot, open 8-6", "Little Acorns Nursery")]
    [InlineData("ring 0161 496 0000 for bathing, nail clips and full grooms in Stockport - dave @ dapper dog grooming", "Dapper Dog Grooming")]
    [InlineData("pls help. okafor & sons electrical, ikeja lagos. rewiring, solar installs, fault finding. 0803 111 2222", "Okafor & Sons Electrical")]
    [InlineData("bizz name golden crust pies. pies n pasties in truro, £4 each", "Golden Crust Pies")]
    [InlineData("Paws on the Beach is a dog daycare in Bondi. Daycare $55 a day, grooming too.", "Paws on the Beach")]
    [InlineData("Willow Tree Nursery is based in Harrogate and grows perennials, shrubs and fruit trees.", "Willow Tree Nursery")]
    [InlineData("gday its Bright Spark Electrical, we do rewires, switchboards and lighting in Geelong.", "Bright Spark Electrical")]
    [InlineData("the honest mechanic. servicing, brakes and MOTs in Stroud. 01453 000000", "The Honest Mechanic")]
    [InlineData("need a website asap 4 my barbers, joe's cuts in salford. skin fades £15", "Joe's Cuts")]
    [InlineData("hi\nwe do ironing and alterations round bury\ncall 0161 000 0000\nname is press for time", "Press for Time")]
    [InlineData("brand name is all lower case: 'sprig' . florist in leith", "sprig")]
    [InlineData("Servicing Leeds and Wakefield, we're Clean Sweep Chimneys, a family firm. Sweeps from £60.", "Clean Sweep Chimneys")]
    public void The_name_is_read_as_it_was_meant(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Theory]
    [InlineData("Hargreaves Plumbing, father and son firm, boilers and bathrooms in Leeds", "Hargreaves Plumbing")]
    [InlineData("Bean There Cafe, Hull. Parking is located behind the shop.", "Bean There Cafe")]
    [InlineData("Family pub in Leeds - The Red Lion. Book Sunday Lunch for 2, £30.", "The Red Lion")]
    [InlineData("cakes for every occasion - Crumbs Bakery. find us @ 12 market street", "Crumbs Bakery")]
    public void Words_that_only_look_like_a_new_way_of_naming_leave_the_real_name(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Theory]
    [InlineData("hi im a dog groomer from north leeds, full groom £35")]
    [InlineData("its all baked fresh from local flour, sourdough and rye in Bath")]
    [InlineData("Book Your Free Quote for roofing in Hull, call 01482 000000")]
    [InlineData("mum and daughter team doing nails in Hull, gel £25")]
    public void Words_that_only_look_like_a_name_are_no_name(string description) =>
        BriefReader.Read(description).NameGiven.Should().BeFalse();

    [Fact]
    public void A_lone_digit_of_text_speak_after_the_phone_number_is_not_part_of_it()
    {
        // Regression: "txt 0412 345 678 4 appts" put 0412 345 678 4 on the site, a number no one answers.
        BriefReader.Read("nails in fitzroy, txt 0412 345 678 4 appts").Facts.Phone.Should().Be("0412 345 678");
        BriefReader.Read("nails in fitzroy, txt 0412 345 678 for appts").Facts.Phone.Should().Be("0412 345 678");
    }

    [Fact]
    public void Text_speak_leaves_addresses_and_other_words_alone()
    {
        Said.Spelled("email info@sparkle.biz or see sparkle.biz").Should().Be("email info@sparkle.biz or see sparkle.biz");
        Said.Spelled("blocked sinks, u bend replacement").Should().Be("blocked sinks, u bend replacement");
        BriefReader.Read("window cleaning in York, email info@sparkle.biz").Facts.Email.Should().Be("info@sparkle.biz");
    }

    [Fact]
    public void A_name_the_owner_wants_in_lower_case_stays_in_lower_case() =>
        BriefReader.Read("my shop is called moss & fern (all lower case please). terrariums and air plants in Leith").BusinessName.Should().Be("moss & fern");

    [Theory]
    [InlineData("need a site 4 my cake biz in Luton, birthday cakes and cupcakes")]
    [InlineData("hi, cake maker in Luton. birthday cakes and cupcakes. ring me on 01582 000000 pls")]
    public void A_message_that_names_no_business_gets_the_placeholder(string description) =>
        BriefReader.Read(description).NameGiven.Should().BeFalse();

    [Fact]
    public void Text_speak_is_read_as_what_it_stands_for_and_names_keep_their_letters()
    {
        Said.Spelled("need a site 4 my dog grooming biz, can u help").Should().Be("need a site for my dog grooming business, can you help");
        Said.Spelled("we r open, come see ur new local").Should().Be("we're open, come see your new local");
        Said.Spelled("U-Fix Motors, 4 bays, deals 4 u").Should().Be("U-Fix Motors, 4 bays, deals for you");
        BriefReader.Read("need a site 4 my dog grooming biz in Leeds. full groom £35").Offerings.Should().NotContain(o => o.Contains('4'));
    }
}
