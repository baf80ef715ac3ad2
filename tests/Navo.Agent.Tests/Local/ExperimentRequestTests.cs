using Navo.Agent.Local;
using static Navo.Agent.Tests.Local.PlanAssertions;

namespace Navo.Agent.Tests.Local;

/// <summary>A/B tests asked for in the owner's words: started on the right field with the quoted text, stopped, concluded.</summary>
public sealed class ExperimentRequestTests
{
    private static IEnumerable<(string Name, string Arguments)> Calls(string message) =>
        Plan(message, PlanContext.Sample).Calls.Select(c => (c.Name, c.Arguments.ToJsonString()));

    [Theory]
    [InlineData("try 'Book a table' against the current button", "hero", "ctaText", "Book a table")]
    [InlineData("can we test \"Order your cake\" vs the existing button?", "hero", "ctaText", "Order your cake")]
    [InlineData("A/B test 'Fresh bread, every morning' against the current headline", "hero", "headline", "Fresh bread, every morning")]
    [InlineData("try “Reserve now” against the call to action button", "cta", "buttonText", "Reserve now")]
    public void Trying_a_quoted_text_against_the_current_one_starts_an_experiment_on_that_field(string message, string section, string field, string variant)
    {
        Calls(message).Should().Equal(("start_experiment", $$"""{"section":"{{section}}","field":"{{field}}","variant":"{{variant}}"}"""));
    }

    [Theory]
    [InlineData("stop the experiment", false)]
    [InlineData("cancel the test", false)]
    [InlineData("conclude the experiment", true)]
    [InlineData("ok apply the winner", true)]
    public void Stopping_and_concluding_are_one_call(string message, bool apply)
    {
        Calls(message).Should().Equal(("conclude_experiment", apply ? """{"apply":true}""" : """{"apply":false}"""));
    }

    [Fact]
    public void Changing_the_button_outright_is_still_an_edit()
    {
        Calls("change the button to 'Book a table'").Select(c => c.Name).Should().Equal("edit_site");
    }

    [Fact]
    public void Without_a_site_there_is_nothing_to_test()
    {
        Plan("try 'Book a table' against the current button", PlanContext.Empty).Calls.Should().NotContain(c => c.Name == "start_experiment");
    }
}
