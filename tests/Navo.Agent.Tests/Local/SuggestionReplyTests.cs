using Navo.Agent.Local;
using static Navo.Agent.Tests.Local.PlanAssertions;

namespace Navo.Agent.Tests.Local;

/// <summary>Answering a list of suggestions the way a busy owner types: numbers, a yes or a no, few other words.</summary>
public sealed class SuggestionReplyTests
{
    private static IEnumerable<(string Name, string Suggestion)> Calls(string message, PlanContext? context = null) =>
        Plan(message, context ?? PlanContext.Sample).Calls.Select(c => (c.Name, c.Arguments["suggestion"]!.GetValue<string>()));

    [Theory]
    [InlineData("apply the second one", "2")]
    [InlineData("do the 2nd", "2")]
    [InlineData("yes, the first", "1")]
    [InlineData("ok do it, the 3rd", "3")]
    [InlineData("go with #3", "3")]
    [InlineData("yeah the last one", "3")]
    public void One_suggestion_is_applied_by_its_number_or_ordinal(string message, string number)
    {
        Calls(message).Should().Equal(("apply_suggestion", number));
    }

    [Theory]
    [InlineData("do 1 and 3")]
    [InlineData("yes 1 and 3 pls")]
    [InlineData("apply the first and the third")]
    public void Several_numbers_are_one_call_each(string message)
    {
        Calls(message).Should().Equal(("apply_suggestion", "1"), ("apply_suggestion", "3"));
    }

    [Theory]
    [InlineData("dismiss 2", "2")]
    [InlineData("nah not the 2nd", "2")]
    [InlineData("skip the last one", "3")]
    [InlineData("no to number 1", "1")]
    public void A_no_with_a_number_dismisses_that_one(string message, string number)
    {
        Calls(message).Should().Equal(("dismiss_suggestion", number));
    }

    [Fact]
    public void That_one_is_the_only_one_shown_and_with_several_Navo_asks_which()
    {
        var single = PlanContext.Sample with { SuggestionCount = 1 };

        Calls("nah not that one", single).Should().Equal(("dismiss_suggestion", "1"));
        Calls("not that one", single).Should().Equal(("dismiss_suggestion", "1"));
        Calls("yes do that", single).Should().Equal(("apply_suggestion", "1"));
        var several = Plan("nah not that one");
        several.Calls.Should().BeEmpty();
        several.Reply.Should().Be("Which one? Say a number from 1 to 3.");
    }

    [Fact]
    public void A_number_past_the_list_is_asked_about_not_guessed()
    {
        Plan("do the 5th").Calls.Should().BeEmpty();
    }

    [Theory]
    [InlineData("how can I improve it?")]
    [InlineData("any suggestions?")]
    [InlineData("got any ideas to make it better")]
    public void Asking_for_suggestions_runs_the_report_that_lists_them(string message)
    {
        Plan(message).Calls.Should().ContainSingle().Which.Name.Should().Be("analyze_site");
    }

    [Theory]
    [InlineData("make the second one shorter")]
    [InlineData("change the headline to 'Do it now'")]
    [InlineData("improve the headline")]
    public void A_message_naming_a_part_of_the_page_is_an_edit_not_a_reply_to_the_list(string message)
    {
        Plan(message).Calls.Should().NotContain(c => c.Name == "apply_suggestion" || c.Name == "dismiss_suggestion" || c.Name == "analyze_site");
    }

    [Fact]
    public void With_no_list_shown_a_numbered_yes_is_not_read_as_a_suggestion()
    {
        var none = PlanContext.Sample with { SuggestionCount = 0 };

        Plan("do 1 and 3", none).Calls.Should().BeEmpty();
    }
}
