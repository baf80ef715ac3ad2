using System.Text.Json.Nodes;
using Navo.Agent.Local;
using Xunit.Abstractions;

namespace Navo.Agent.Tests.Local;

/// <summary>
/// The local client against an evaluation set of utterances with the tool calls they should produce, in
/// design.md section 7's sample context. Phrasings differ from the training data in prompts/local.
/// </summary>
public sealed class EvaluationTests(ITestOutputHelper output)
{
    private static readonly LocalPlanner Planner = LocalPlanner.FromPrompts();

    [Fact]
    public void At_least_95_percent_of_the_evaluation_set_gives_exactly_the_expected_calls()
    {
        var cases = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Eval", "utterances.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (Utterance: p[0], Expected: JsonNode.Parse(p[1])!))
            .ToList();
        cases.Should().HaveCountGreaterThanOrEqualTo(300);

        var misses = new List<string>();
        foreach (var (utterance, expected) in cases)
        {
            var actual = Planner.Plan(utterance, PlanContext.Sample).ToJson()["toolCalls"]!;
            if (!JsonNode.DeepEquals(actual, expected))
            {
                misses.Add($"{utterance}\n    expected {expected.ToJsonString()}\n    got      {actual.ToJsonString()}");
            }
        }

        foreach (var miss in misses)
        {
            output.WriteLine(miss);
        }

        var accuracy = 1.0 - ((double)misses.Count / cases.Count);
        output.WriteLine($"accuracy {accuracy:P1} ({cases.Count - misses.Count}/{cases.Count})");
        accuracy.Should().BeGreaterThanOrEqualTo(0.95, string.Join("\n", misses));
    }

    [Fact]
    public void This_means_the_section_selected_in_the_studio()
    {
        var context = PlanContext.Sample with { SelectedSectionId = "s4" };

        Planner.Plan("make this shorter", context).ToJson()["toolCalls"]![0]!["arguments"]!["operations"]![0]!
            .ToJsonString().Should().Be("""{"op":"rewrite","section":"pricing","style":"shorter"}""");
        Planner.Plan("remove this", context).ToJson()["toolCalls"]![0]!["arguments"]!["operations"]![0]!["section"]!
            .GetValue<string>().Should().Be("pricing");
    }

    [Fact]
    public void Make_it_shorter_after_an_edit_means_the_section_just_edited()
    {
        var context = PlanContext.Sample with { LastEditedSectionId = "s3" };

        Planner.Plan("make it shorter", context).Calls.Single().Arguments["operations"]![0]!["section"]!
            .GetValue<string>().Should().Be("testimonials");
    }

    [Fact]
    public void An_unclear_message_gets_a_question_and_no_guessed_edit()
    {
        var plan = Planner.Plan("make it shorter", PlanContext.Sample);

        plan.Calls.Should().BeEmpty();
        plan.Reply.Should().EndWith("Click it in the preview or name it.");
    }

    [Fact]
    public void Yes_and_no_answer_a_pending_question()
    {
        var pending = PlanContext.Sample with { ApprovalPending = true };

        Planner.Plan("yes please", pending).Intent.Should().Be("yes");
        Planner.Plan("no, cancel", pending).Intent.Should().Be("no");
        Planner.Plan("yes", PlanContext.Sample).Calls.Should().BeEmpty();
    }

    [Fact]
    public void Without_a_site_an_edit_asks_for_a_business_first()
    {
        var plan = Planner.Plan("make it dark", PlanContext.Empty);

        plan.Calls.Should().BeEmpty();
        plan.Reply.Should().StartWith("There is no site yet.");
    }

    [Fact]
    public void The_same_message_always_gives_the_same_plan()
    {
        var first = Planner.Plan("remove the pricing and add an FAQ", PlanContext.Sample).ToJson().ToJsonString();

        LocalPlanner.FromPrompts().Plan("remove the pricing and add an FAQ", PlanContext.Sample).ToJson().ToJsonString().Should().Be(first);
    }
}
