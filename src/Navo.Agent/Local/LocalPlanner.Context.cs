using System.Text.Json;
using System.Text.Json.Nodes;
using Navo.Tools.Edit;
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

        var last = JsonNode.Parse(context.LastOperationsJson) is JsonArray array
            ? EditOperationJson.Read([.. array.Select(o => JsonSerializer.SerializeToElement(o))]).Operations
            : [];
        var section = context.Reference(target.Id);
        var repeated = last.Select(EditOperation? (operation) => operation switch
        {
            Rewrite rewrite => rewrite with { Section = section },
            MoveSection move => move with { Section = section },
            Navo.Tools.Edit.RemoveSection => new Navo.Tools.Edit.RemoveSection(section),
            SetText text when text.Item is null && SectionField(target.Type, text.Field, out _) => text with { Section = section },
            _ => null,
        }).OfType<EditOperation>().ToArray();

        return repeated.Length == 0
            ? Ask("I can repeat a rewrite, a move or a text change on another section, but not the last change. What should I do there?", "same_again")
            : Edit($"Doing the same for the {Label(target.Type)}.", "same_again", repeated);
    }

    /// <summary>
    /// How many versions the last request made: "undo" after "drop the FAQ and the team" takes back both, as the
    /// person asked for them together.
    /// </summary>
    private static int LastRequestSteps(PlanContext context) =>
        context.LastOperationsJson is { } json && JsonNode.Parse(json) is JsonArray last && last.Count > 1
            && last.All(o => o?["op"]?.GetValue<string>() is not ("undo" or "revert"))
            ? last.Count
            : 1;

    [GeneratedRegex(@"^(?:(?:now|ok|okay|great|nice|and|please|pls|can you|could you)[,!]?\s+)*(?:do|same|make|apply)\s+(?:the\s+)?(?:same|that|this|it)(?:\s+thing)?(?:\s+again)?\s+(?:for|to|with|on|in)\s+(?<rest>.+)$|^(?:same|likewise|ditto)\s+(?:for|with)\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SameFor();
}
