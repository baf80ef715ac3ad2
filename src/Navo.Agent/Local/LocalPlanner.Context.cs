using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Navo.Agent.Local;

public sealed partial class LocalPlanner
{
    /// <summary>
    /// "do the same for the FAQ": the last change again, on the section named. Null when the message is not such a
    /// request, or there is no last change to repeat on a section.
    /// </summary>
    private Plan? SameAgain(string text, PlanContext context)
    {
        var match = SameFor().Match(text);
        if (!match.Success || context.LastOperationsJson is null)
        {
            return null;
        }

        var target = Utterance.Parse(match.Groups["rest"].Value, _lexicon, Correct).SectionTypes.Select(context.FirstOf).FirstOrDefault(s => s is not null);
        if (target is null)
        {
            return Ask("Which section should I do that for? Name it, or click it in the preview.", "same_again");
        }

        var operations = JsonNode.Parse(context.LastOperationsJson) as JsonArray ?? [];
        var repeated = new JsonArray();
        foreach (var operation in operations.OfType<JsonObject>().Where(o => o["section"] is not null && o["op"]?.GetValue<string>() is "rewrite" or "set_text" or "move_section"))
        {
            var copy = operation.DeepClone().AsObject();
            copy["section"] = context.Reference(target.Id);
            if (copy["op"]!.GetValue<string>() == "set_text" && (copy["item"] is not null || !SectionField(target.Type, copy["field"]!.GetValue<string>(), out _)))
            {
                continue;
            }

            repeated.Add(copy);
        }

        return repeated.Count == 0
            ? Ask("I can repeat a rewrite, a move or a text change on another section, but not the last change. What should I do there?", "same_again")
            : Call("edit_site", new JsonObject { ["operations"] = repeated }, $"Doing the same for the {Label(target.Type)}.", "same_again");
    }

    [GeneratedRegex(@"^(?:(?:now|ok|okay|great|nice|and|please|pls|can you|could you)[,!]?\s+)*(?:do|same|make|apply)\s+(?:the\s+)?(?:same|that|this|it)(?:\s+thing)?(?:\s+again)?\s+(?:for|to|with|on|in)\s+(?<rest>.+)$|^(?:same|likewise|ditto)\s+(?:for|with)\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SameFor();
}
