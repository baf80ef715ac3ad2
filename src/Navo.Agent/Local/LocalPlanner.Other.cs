using System.Globalization;
using System.Text.Json.Nodes;

namespace Navo.Agent.Local;

public sealed partial class LocalPlanner
{
    private static Plan OpenProject(Utterance u)
    {
        var name = u.Quotes.FirstOrDefault() ?? After(u.Original, "open", "to", "on", "project");
        name = name?.Replace(" site", string.Empty, StringComparison.OrdinalIgnoreCase).Replace(" project", string.Empty, StringComparison.OrdinalIgnoreCase).Trim();
        return string.IsNullOrEmpty(name)
            ? Local.Plan.Ask("Which site should I open? \"list my sites\" shows them.", "open_project")
            : Call("open_project", new JsonObject { ["name"] = name }, $"Opening {name}.", "open_project");
    }

    private static Plan History(Utterance u)
    {
        var arguments = new JsonObject();
        if (u.Numbers.Count >= 2)
        {
            arguments["from"] = u.Numbers[0];
            arguments["to"] = u.Numbers[1];
        }
        else if (u.Numbers.Count == 1)
        {
            arguments["limit"] = u.Numbers[0];
        }

        return Call("show_history", arguments, "Here is what changed.", "show_history");
    }

    private static Plan Suggestion(string tool, Utterance u, PlanContext context)
    {
        if (context.SuggestionCount == 0)
        {
            return Local.Plan.Ask("There are no suggestions to choose from yet. Ask \"how is my site doing\" for some.", tool);
        }

        var number = u.Numbers.Count > 0 ? u.Numbers[0] : context.SuggestionCount == 1 ? 1 : 0;
        if (number < 1 || number > context.SuggestionCount)
        {
            return Local.Plan.Ask($"Which one? Say a number from 1 to {context.SuggestionCount}.", tool);
        }

        var n = number.ToString(CultureInfo.InvariantCulture);
        return Call(tool, new JsonObject { ["suggestion"] = n },
            tool == "apply_suggestion" ? $"Applying suggestion {n}." : $"Dismissing suggestion {n}.", tool);
    }
}
