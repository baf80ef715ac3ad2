using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// What the owner says the business is often says what it offers: "a sports massage therapist" offers sports
/// massage, "a little rum distillery on the Gower" rum, "a window, gutter and fascia cleaning company" that cleaning.
/// Words that only describe the place or the business ("craft", "basement", "16th century", "small family") do not.
/// </summary>
public sealed class WhatTheBusinessIsTests
{
    [Fact]
    public void A_person_at_work_offers_their_craft_with_the_words_before_it()
    {
        BriefReader.Read("Rosa Lind, a sports massage therapist in Leeds").Offerings.Should().Contain("sports massage");
    }

    [Fact]
    public void What_it_is_ends_where_its_place_begins()
    {
        BriefReader.Read("Harbour Spirits, a little rum distillery on the Gower. tours on Saturdays").Offerings.Should().Contain("rum");
    }

    [Theory]
    [InlineData("Old Forge Brewing, a craft brewery near Hexham. taproom and tours", "craft")]
    [InlineData("Tread Lightly, a 24-hour locksmith in Leeds. lockouts and lock changes", "24-hour")]
    [InlineData("The Anchor, a 16th century country pub in Ludlow. rooms, Sunday lunch, real ale", "16th century")]
    public void Words_that_describe_the_business_are_not_offered(string description, string describing)
    {
        BriefReader.Read(description).Offerings.Should().NotContain(o => o.Contains(describing, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_company_offers_its_work_even_when_it_is_a_list()
    {
        BriefReader.Read("Brightside, a window, gutter and fascia cleaning company in Leicester").Offerings
            .Should().Contain("window, gutter and fascia cleaning");
    }

    [Fact]
    public void A_company_that_only_says_how_it_is_run_offers_nothing_by_that()
    {
        BriefReader.Read("We're a small family-run business in Hove. Tidy Gardens").Offerings.Should().BeEmpty();
    }

    [Fact]
    public void Software_offers_itself_with_what_it_does()
    {
        BriefReader.Read("Nestwise is budgeting software for students, with a free month").Offerings.Should().Contain("budgeting software");
    }
}
