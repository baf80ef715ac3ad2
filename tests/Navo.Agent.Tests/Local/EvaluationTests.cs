using System.Text.Json.Nodes;
using Navo.Agent.Local;
using Xunit.Abstractions;

namespace Navo.Agent.Tests.Local;

/// <summary>
/// The local client against evaluation sets of messages with the tool calls they should produce, in the sample
/// context of docs/understanding.md. Each set was written apart from the training phrasings under prompts/local
/// (and from each other): utterances.tsv first, understanding.tsv, holdout.tsv and fresh.tsv by people who never
/// saw them. fresh.tsv was written last and measured once, untouched (96.0%), when the issue closed.
/// </summary>
public sealed class EvaluationTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> DestructiveOps = new(["remove_section", "remove_page", "revert", "unpublish", "rollback", "delete_project"], StringComparer.Ordinal);

    [Theory]
    [InlineData("utterances.tsv", 300)]
    [InlineData("understanding.tsv", 600)]
    [InlineData("holdout.tsv", 300)]
    [InlineData("fresh.tsv", 300)]
    public void At_least_95_percent_of_an_evaluation_set_gives_exactly_the_expected_calls(string file, int atLeast)
    {
        var cases = Read(file);
        cases.Should().HaveCountGreaterThanOrEqualTo(atLeast);

        var results = cases.Select(c => (c.Utterance, c.Expected, Actual: PlanAssertions.Planner.Plan(c.Utterance, PlanContext.Sample).ToJson()["toolCalls"]!)).ToList();
        var misses = results.Where(r => !JsonNode.DeepEquals(r.Actual, r.Expected)).ToList();
        foreach (var kind in results.GroupBy(r => Kind(r.Expected)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{kind.Key,-28} {kind.Count(r => JsonNode.DeepEquals(r.Actual, r.Expected)),4}/{kind.Count(),-4}");
        }

        foreach (var miss in misses)
        {
            output.WriteLine($"{miss.Utterance}\n    expected {miss.Expected.ToJsonString()}\n    got      {miss.Actual.ToJsonString()}");
        }

        var accuracy = 1.0 - ((double)misses.Count / cases.Count);
        output.WriteLine($"{file}: {accuracy:P1} ({cases.Count - misses.Count}/{cases.Count})");
        accuracy.Should().BeGreaterThanOrEqualTo(0.95);
    }

    [Fact]
    public void No_message_that_did_not_ask_for_it_gets_a_destructive_operation()
    {
        var planned = Read("utterances.tsv").Concat(Read("understanding.tsv")).Concat(Read("holdout.tsv")).Concat(Read("fresh.tsv"))
            .Where(c => !Destructive(c.Expected))
            .Where(c => Destructive(PlanAssertions.Planner.Plan(c.Utterance, PlanContext.Sample).ToJson()["toolCalls"]!))
            .Select(c => c.Utterance)
            .ToList();

        planned.Should().BeEmpty();
    }

    private static List<(string Utterance, JsonNode Expected)> Read(string file) =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Eval", file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], JsonNode.Parse(p[1])!))];

    /// <summary>What a case is about: the tool, and for an edit its first operation; "none" for no call.</summary>
    private static string Kind(JsonNode calls) => calls.AsArray() switch
    {
        [] => "none",
        [var call, ..] when call!["name"]!.GetValue<string>() == "edit_site" =>
            "edit_site:" + string.Join('+', call["arguments"]!["operations"]!.AsArray().Select(o => o!["op"]!.GetValue<string>()).Distinct()),
        [var call, ..] => call!["name"]!.GetValue<string>() + (call["arguments"]?["action"] is { } action ? ":" + action : string.Empty),
    };

    private static bool Destructive(JsonNode calls) => calls.AsArray().Any(c =>
        c!["name"]!.GetValue<string>() == "delete_project"
        || c["arguments"]?["action"]?.GetValue<string>() is "unpublish" or "rollback"
        || c["arguments"]?["operations"]?.AsArray().Any(o => DestructiveOps.Contains(o!["op"]!.GetValue<string>())) == true);
}
