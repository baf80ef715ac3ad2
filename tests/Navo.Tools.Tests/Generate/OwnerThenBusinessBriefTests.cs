using Navo.Tools.Generate;
using Navo.Tools.Reading;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// Briefs where the owner introduces themselves and then the business ("I'm Siobhán Kelly … we have run Brookfield
/// Farm Shop"), points back at the name ("(thats the business name)"), corrects it, types it in lower case before a
/// phone number or after "here from"; places that are a district then its city, or come after a greeting's "from";
/// and the facts said around them: two phone numbers, a number before the phone, a social media handle.
/// </summary>
public sealed class OwnerThenBusinessBriefTests
{
    [Theory]
    [InlineData("Hello, I'm Siobhán Kelly. My partner and I have run Brookfield Farm Shop outside Kilkenny since 2009. Free range eggs and veg boxes.", "Brookfield Farm Shop")]
    [InlineData("Good afternoon, I'm Pieter de Vries and our family bakery, De Vries Bakkerij, is in Pretoria. Rusks and koeksisters.", "De Vries Bakkerij")]
    [InlineData("This is Tunde and Bisi Adeyemi, owners of Adeyemi Cold Room in Ibadan. Frozen fish and chicken, wholesale and retail.", "Adeyemi Cold Room")]
    [InlineData("Hi I am Chef Marco Bellini of Bellini Trattoria in Hamilton, Ontario. Fresh pasta and wood fired pizza.", "Bellini Trattoria")]
    [InlineData("good evening, i am engr. tunde bakare, CEO Brightway Solar Systems lagos. solar installation and inverters.", "Brightway Solar Systems")]
    [InlineData("im Professor Bubbles lol (thats the business name) bubble shows for kids parties around Reading", "Professor Bubbles")]
    [InlineData("We're Hilltop Dog Walks... actually no that's the old name, now Hilltop Pack Adventures. group walks and puppy visits in Stroud", "Hilltop Pack Adventures")]
    [InlineData("cafe in chorlton, brunch and cakes. name is kettle & crumb 0161 555 0123", "Kettle & Crumb")]
    [InlineData("need a site for the bakery, Rise & Shine Bakehouse in Whitstable. sourdough and buns", "Rise & Shine Bakehouse")]
    [InlineData("gutters cleared, fascias and soffits fitted. no mess. Clearflow Gutters call 07700 900 456", "Clearflow Gutters")]
    [InlineData("We run Harbourside Kayak Hire on the Isle of Wight. single and double kayaks by the hour", "Harbourside Kayak Hire")]
    [InlineData("Aye, me and the wife run The Thistle Tearoom on the Main Street in Pitlochry. scones and soup.", "The Thistle Tearoom")]
    [InlineData("hiya, joe here from joe's mobile valeting, swansea. full valet £60, mini valet £30", "Joe's Mobile Valeting")]
    [InlineData("hey po, mama tess carinderia here in quezon city. adobo, sinigang, pancit", "Mama Tess Carinderia")]
    [InlineData("hi there im tariq, tariq khan driving school, based in bolton. manual and automatic lessons", "Tariq Khan Driving School")]
    [InlineData("hi sir my business name bright star tailors. karol bagh, delhi. suits and alterations", "Bright Star Tailors")]
    [InlineData("howya, murphy's bakery ennis. brown bread, scones, birthday cakes", "Murphy's Bakery")]
    public void The_business_is_named_after_the_owner_says_who_they_are(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Theory]
    [InlineData("Hi! I'm Rosalind. I taught art in schools for twenty years and then in 2019 I finally opened Blue Heron Art Studio in Whitby. Watercolour classes and kids' clubs.", "Blue Heron Art Studio")]
    [InlineData("Hello, I'm Sanjay. After fifteen years in hotel kitchens I went out on my own in 2020 as Saffron Table Catering, cooking for weddings and office lunches in Leicester.", "Saffron Table Catering")]
    [InlineData("Hey there, my name is Jodie and I've walked dogs since I was twelve. Our old collie named Pepper started it all. My business is Muddy Boots Dog Walking, in Harrogate.", "Muddy Boots Dog Walking")]
    [InlineData("Hi. Seaview Osteopathy is a small clinic in Whitstable. Back pain, sports injuries, pregnancy care.", "Seaview Osteopathy")]
    [InlineData("morning! capt. Rhys here, been sailing since I was a boy. Gower Sea Safaris. dolphin spotting and coastal trips from Swansea marina.", "Gower Sea Safaris")]
    [InlineData("Shwmae! I'm Gwen and I keep bees above Aberaeron. I set up Cardigan Bay Honey in 2018. Raw honey and beeswax wraps.", "Cardigan Bay Honey")]
    public void A_name_said_in_the_middle_of_the_owners_story_is_the_name(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Theory]
    [InlineData("plumber in bury. leaks boilers bathrooms. no call out fee. kd plumbing 07700 900 812", "KD Plumbing")]
    [InlineData("nail tech in nakuru gel polish acrylics pedicure. glam by wanjiru 0712 345 678", "Glam by Wanjiru")]
    [InlineData("cleaning homes n offices in brampton weekly or one off. fresh start cleaners 905 555 0144", "Fresh Start Cleaners")]
    public void Plain_words_closing_the_message_before_its_phone_number_are_the_name(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().Be(name);

    [Theory]
    [InlineData("roofer in hull, slate and tile repairs, flat roofs. free quotes 07700 900 321")]
    [InlineData("mobile dog grooming in derby, full groom £40. ring dave 07700 900 654")]
    [InlineData("local mobile mechanic 07700 900 987")]
    public void A_way_to_get_in_touch_or_the_trade_before_the_number_is_not_a_name(string description) =>
        BriefReader.Read(description).BusinessName.Should().Be(BriefReader.PlaceholderName);

    [Theory]
    [InlineData("Hello from Texas! We're Bluebonnet Quilts, a quilt shop just outside Fredericksburg. Fabric and classes.", "Fredericksburg")]
    [InlineData("We're Chai Corner, a cafe in Kothrud, Pune since 2015. masala chai and snacks", "Kothrud, Pune")]
    [InlineData("brunch spot in ponsonby auckland, eggs and coffee. Sunny Side Eatery", "Ponsonby, Auckland")]
    [InlineData("We're Lucky Paws Grooming @ tampines singapore. bath and trim", "Tampines, Singapore")]
    public void The_place_is_where_the_business_is_with_its_city(string description, string place) =>
        BriefReader.Read(description).Place.Should().Be(place);

    [Fact]
    public void Two_numbers_joined_are_both_the_phone_and_a_shorter_number_before_it_is_not()
    {
        Facts.Phone("Bright Smile Dental, Leeds. call 0113 496 0000 / 07700 900 123")!.Value.Value.Should().Be("0113 496 0000 / 07700 900 123");
        Facts.Phone("Full service £149. 10 yrs exp. call 07723 555 906")!.Value.Value.Should().Be("07723 555 906");
    }

    [Fact]
    public void A_social_media_handle_is_kept_and_shown_with_the_contact_details()
    {
        var brief = BriefReader.Read("Sweet Crumbs KE, custom cakes in Kilimani, Nairobi. insta @sweetcrumbs.ke and tiktok: @sweet_crumbs");

        brief.Facts.Social.Should().Equal("Instagram @sweetcrumbs.ke", "TikTok @sweet_crumbs");
        var contact = new LocalCopywriter().Draft("contact", brief, "contact-1", "seed");
        contact.Field("text").Should().EndWith("Find us on Instagram @sweetcrumbs.ke and TikTok @sweet_crumbs.");
    }

    [Fact]
    public void An_email_or_an_at_sign_before_a_place_is_not_a_social_handle() =>
        Facts.Social("email jo@crumbs.co.uk, stall @ Borough Market").Should().BeEmpty();

    [Theory]
    [InlineData("find us on tik\ttok @crumbs")]
    [InlineData("tik\u00a0tok @crumbs")]
    [InlineData("tik\ntok @crumbs")]
    public void A_platform_name_broken_by_other_white_space_is_not_read_and_does_not_fail(string text) =>
        Facts.Social(text).Should().BeEmpty();
}
