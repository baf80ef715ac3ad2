using System.Globalization;
using System.Text.Json.Nodes;

namespace Navo.Agent.Local;

/// <summary>
/// Replies to a list of suggestions, as a busy owner types them: "do the 2nd", "yes 1 and 3 pls", "nah not that one",
/// "apply them all". Read before the intent model, because such a reply is mostly numbers and a yes or a no, which the
/// model reads as an answer to a question that is not there. Only after a list was shown, only with nothing waiting
/// for a yes or no, and only when every word of the message is a number, a yes or a no, a pointer ("that one", "the
/// last") or a filler word (prompts/local/slots/words.tsv): "use a serif font" or "do the same for the FAQ" are edits.
/// </summary>
public sealed partial class LocalPlanner
{
    /// <summary>"any suggestions?", "ideas to improve it?": the report, whose reply lists the suggestions.</summary>
    private Plan? SuggestionsAsked(Utterance u, PlanContext context) =>
        context.HasSite && u.Has(_lexicon.Words("suggestion.ask")) && !NamesThePage(u) && SuggestionNumbers(u, int.MaxValue).Count == 0
        && !u.Has(_lexicon.Words("suggestion.apply")) && !u.Has(_lexicon.Words("suggestion.dismiss"))
            ? Call("analyze_site", new JsonObject { ["period"] = "30d" }, "Looking at your site and its visitors…", "analyze")
            : null;

    /// <summary>An apply or a dismissal by reply to the last list, or null when the message is not one.</summary>
    private Plan? SuggestionByReply(Utterance u, PlanContext context)
    {
        if (context.SuggestionCount == 0 || context.ApprovalPending || u.Words.Count > 12 || NamesThePage(u) || !OnlyReplyWords(u))
        {
            return null;
        }

        var tool = u.Has(_lexicon.Words("suggestion.dismiss")) ? "dismiss_suggestion"
            : u.Has(_lexicon.Words("suggestion.apply")) ? "apply_suggestion"
            : null;
        var numbers = SuggestionNumbers(u, context.SuggestionCount);
        var pointing = u.Has(_lexicon.Words("suggestion.that"));
        return tool is null || (numbers.Count == 0 && !pointing) ? null : Suggestion(tool, u, context);
    }

    /// <summary>Whether every word is one a reply to a list is made of.</summary>
    private bool OnlyReplyWords(Utterance u)
    {
        var allowed = new[] { "suggestion.apply", "suggestion.dismiss", "suggestion.that", "suggestion.all", "suggestion.both", "suggestion.filler", "item.last" }
            .SelectMany(g => _lexicon.Words(g)).SelectMany(p => p.Split(' ')).ToHashSet(StringComparer.Ordinal);
        return u.Words.Select(w => w.Trim(',', '.', '!', '?', ';', ':')).Where(w => w.Length > 0)
            .All(w => allowed.Contains(w) || _lexicon.Numbers.ContainsKey(w) || int.TryParse(w.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out _));
    }

    /// <summary>Whether the message names a section or a field: "do the second one in the FAQ" is an edit, not a reply to a list.</summary>
    private bool NamesThePage(Utterance u) => u.Sections.Count > 0 || _lexicon.Fields.Any(f => u.Has(f.Phrase));

    /// <summary>
    /// Applies or dismisses each suggestion the message points at, one call each ("do 1 and 3"); "that one" is the only
    /// one shown, else Navo asks which.
    /// </summary>
    private Plan Suggestion(string tool, Utterance u, PlanContext context)
    {
        if (context.SuggestionCount == 0)
        {
            return Ask("There are no suggestions to choose from yet. Ask \"how can I improve my site?\" for some.", tool);
        }

        var numbers = SuggestionNumbers(u, context.SuggestionCount);
        if (numbers.Count == 0 && context.SuggestionCount == 1)
        {
            numbers = [1];
        }

        if (numbers.Count == 0 || numbers.Any(n => n < 1 || n > context.SuggestionCount))
        {
            return Ask($"Which one? Say a number from 1 to {context.SuggestionCount}.", tool);
        }

        var written = numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList();
        var said = written.Count == 1 ? written[0] : string.Join(", ", written[..^1]) + " and " + written[^1];
        var verb = tool == "apply_suggestion" ? "Applying" : "Dismissing";
        return new Plan(
            [.. numbers.Select(n => new PlannedCall(tool, new JsonObject { ["suggestion"] = n.ToString(CultureInfo.InvariantCulture) }))],
            $"{verb} suggestion{(numbers.Count == 1 ? string.Empty : "s")} {said}.", tool);
    }

    /// <summary>
    /// The suggestions a message points at, in its order, each once: numbers and ordinals ("3", "third", "3rd", "#2"),
    /// "the last one", "both", "all of them". "one" is a number only after "suggestion" or "number": in "that one" and
    /// "the first one" it stands for the suggestion.
    /// </summary>
    private List<int> SuggestionNumbers(Utterance u, int count)
    {
        if (u.Has(_lexicon.Words("suggestion.all")) && count != int.MaxValue)
        {
            return [.. Enumerable.Range(1, count)];
        }

        if (u.Has(_lexicon.Words("suggestion.both")) && count == 2)
        {
            return [1, 2];
        }

        var numbers = new List<int>();
        for (var i = 0; i < u.Words.Count; i++)
        {
            var word = u.Words[i];
            var n = word == "one" && (i == 0 || u.Words[i - 1] is not ("suggestion" or "number" or "idea"))
                ? 0
                : _lexicon.Numbers.TryGetValue(word, out var named) ? named
                : int.TryParse(word.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var digits) && digits is > 0 and < 1000 ? digits
                : 0;
            if (n > 0 && !numbers.Contains(n))
            {
                numbers.Add(n);
            }
        }

        if (numbers.Count == 0 && count != int.MaxValue && u.Has(_lexicon.Words("item.last")))
        {
            numbers.Add(count);
        }

        return numbers;
    }
}
