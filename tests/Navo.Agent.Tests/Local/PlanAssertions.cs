using System.Text.Json.Nodes;
using Navo.Agent.Local;

namespace Navo.Agent.Tests.Local;

/// <summary>Short ways to read a plan in tests.</summary>
internal static class PlanAssertions
{
    public static readonly LocalPlanner Planner = LocalPlanner.FromPrompts();

    public static Plan Plan(string message, PlanContext? context = null) => Planner.Plan(message, context ?? PlanContext.Sample);

    /// <summary>The operations of the plan's edit_site call, as compact JSON, or empty.</summary>
    public static List<string> Operations(string message, PlanContext? context = null) =>
        [.. Plan(message, context).Calls.Where(c => c.Name == "edit_site")
            .SelectMany(c => c.Arguments["operations"]!.AsArray().Select(o => o!.ToJsonString(Json)))];

    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject OnlyCall(string message, string tool, PlanContext? context = null)
    {
        var plan = Plan(message, context);
        plan.Calls.Should().ContainSingle(because: plan.Reply);
        plan.Calls[0].Name.Should().Be(tool, plan.Reply);
        return plan.Calls[0].Arguments;
    }
}
