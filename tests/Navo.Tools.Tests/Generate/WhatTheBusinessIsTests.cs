using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// What the owner says the business is often says what it offers: "a sports massage therapist" offers sports
/// massage, "a little rum distillery on the Gower" rum. Words that only describe the place or the business ("craft",
/// "24-hour", "16th century") do not.
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
}
