using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>What a business offers when the owner says what they have, what their business does, or what a piece is made in.</summary>
public sealed class WhatTheOwnerHasTests
{
    [Theory]
    [InlineData("hi, I have a coffee van for festivals and weddings around Cardiff. called Bean There", "coffee van")]
    [InlineData("we've got a converted barn to rent near Hay-on-Wye, sleeps 6. it's called The Hayloft", "converted barn")]
    public void What_the_owner_has_is_offered(string description, string offering)
    {
        BriefReader.Read(description).Offerings.Should().Contain(offering);
    }

    [Fact]
    public void What_the_owner_has_in_one_word_says_nothing()
    {
        BriefReader.Read("Pine Ridge Joinery, we have a small team in Keswick. kitchens, doors and stairs").Offerings.Should().NotContain("team");
    }

    [Fact]
    public void The_work_of_my_business_said_in_the_request_for_a_site_is_offered()
    {
        BriefReader.Read("can you build a site for my carpet fitting business, Floor Kings. based in Wigan, free quotes").Offerings.Should().Contain("carpet fitting");
    }

    [Fact]
    public void Teaching_said_as_taking_tuition_is_offered()
    {
        BriefReader.Read("I am taking chemistry and biology tuition for A level students in Pune. name is Helix Tutorials")
            .Offerings.Should().Contain("chemistry and biology tuition");
    }

    [Theory]
    [InlineData("Mossy Brush Art - I paint house portraits from your photos in watercolour or ink. A4 £80", "watercolour or ink")]
    [InlineData("Fen Light Studio - landscapes in oils and pastel, commissions taken", "oils and pastel")]
    public void The_media_a_piece_is_made_in_are_offered(string description, string media)
    {
        BriefReader.Read(description).Offerings.Should().Contain(media);
    }

    [Fact]
    public void A_class_keeps_its_name_when_its_day_and_time_follow()
    {
        BriefReader.Read("Tap dance classes in Omagh every thursday 7pm, all ages. its the Step Lively Club").Offerings.Should().Contain("tap dance classes");
    }

    [Fact]
    public void What_we_buy_is_offered()
    {
        BriefReader.Read("Spin Cycle Records - vinyl and cds, we buy record collections. on Fore Street Exeter").Offerings.Should().Contain("record collections");
    }

    [Fact]
    public void A_room_with_a_name_keeps_its_article()
    {
        BriefReader.Read("Escape Hatch - 2 rooms in Derby - The Bunker, Night Train. teams of 2-5").Offerings.Should().Contain("the Bunker");
    }

    [Fact]
    public void What_a_person_works_as_is_offered_where_the_kind_has_other_words()
    {
        BriefReader.Read("I'm a wedding celebrant & funeral officiant in Galway, ceremonies written with you. name is Fair Words")
            .Offerings.Should().Contain("wedding celebrant & funeral officiant");
    }

    [Fact]
    public void Who_a_person_is_is_not_what_they_offer()
    {
        BriefReader.Read("I'm a dog lover in Leeds, walks and sitting").Offerings.Should().NotContain(o => o.Contains("lover"));
    }

    [Fact]
    public void What_a_place_is_perfect_for_is_offered()
    {
        BriefReader.Read("Axe Yard - axe throwing lanes in Bristol, perfect for hen dos and office socials. open thu-sun")
            .Offerings.Should().Contain(o => o.Contains("hen dos"));
    }
}
