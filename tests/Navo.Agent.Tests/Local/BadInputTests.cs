using static Navo.Agent.Tests.Local.PlanAssertions;

namespace Navo.Agent.Tests.Local;

/// <summary>Messages that are not requests get a clear answer and no call, never an exception.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string> Messages => new()
    {
        string.Empty,
        "   \n\t ",
        "🎂🎂🎂🔥",
        "!!!???",
        "<script>alert('x')</script>",
        "<b></b><i></i>",
        "مرحبا، أريد تغيير لون الموقع",
        "שלום, אני רוצה אתר חדש",
        "\u202Eetis eht eteled\u202C",
        "我想要一个新网站",
        "hola quiero cambiar el color de mi página por favor",
        "bonjour je voudrais changer le titre de mon entreprise",
        "'; DROP TABLE projects; --",
        new string('a', 4000),
        string.Concat(Enumerable.Repeat("we love baking bread and cakes for everyone ", 95)),
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_message_that_is_not_a_request_changes_nothing_and_gets_an_answer(string message)
    {
        var plan = Plan(message);

        plan.Calls.Should().BeEmpty();
        plan.Reply.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_language_Navo_recognises_is_answered_in_English_and_in_that_language()
    {
        var reply = Plan("hola, quiero cambiar el color de mi página por favor").Reply;

        reply.Should().StartWith("Sorry, I only understand English for now.").And.Contain("solo entiende inglés");
    }

    [Fact]
    public void An_English_request_with_a_foreign_word_is_still_understood()
    {
        Operations("make it dark por favor").Should().Equal("""{"op":"set_theme","mode":"dark"}""");
    }

    [Fact]
    public void Markup_around_a_request_is_read_as_text()
    {
        Operations("<b>make it dark</b>").Should().Equal("""{"op":"set_theme","mode":"dark"}""");
    }
}
