using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Navo.Agent.Local;

public sealed partial class LocalPlanner
{
    /// <summary>
    /// Several changes in one message ("a darker green and rounder corners", "drop the FAQ and the team"): each
    /// clause planned on its own — one with no verb borrows the first clause's — and, when every clause is a
    /// confident edit, all their operations go into one <c>edit_site</c> call. Otherwise null: the message is one request.
    /// </summary>
    private Plan? TrySplit(string text, PlanContext context)
    {
        // "add a faq: can kids come? yes. when are you open? april to october": after a short head and a colon comes
        // content, not more requests.
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var clauses = colon > 0 && text[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8 ? [text] : Clauses(text);
        // A message of more than six clauses is a description, not a list of changes (and each clause costs an embedding).
        if (clauses.Count is < 2 or > 6)
        {
            return null;
        }

        var verb = LeadingVerb().Match(clauses[0]) is { Success: true } m ? m.Groups["verb"].Value : null;
        var plans = new List<Plan>();
        PlannedCall? thenPublish = null;
        foreach (var (clause, index) in clauses.Select((c, i) => (c, i)))
        {
            var plan = PlanClause(clause, context);
            if ((plan is null || plan.Calls.Count == 0) && verb is not null && !LeadingVerb().IsMatch(clause))
            {
                plan = PlanClause($"{verb} {clause}", context);
            }

            if (plan is null || plan.Calls.Count != 1 || plan.Calls[0].Name != "edit_site")
            {
                // "make it dark and publish it": a publish said last comes after the edits, and asks for its yes as
                // any publish does.
                if (index == clauses.Count - 1 && plans.Count > 0 && PublishClause(clause, context) is { } publish)
                {
                    thenPublish = publish;
                    break;
                }

                return null;
            }

            plans.Add(plan);
        }

        var operations = new JsonArray([.. plans.SelectMany(p => p.Calls[0].Arguments["operations"]!.AsArray().Select(o => o!.DeepClone()))]);
        if (operations.GroupBy(Target, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            // Two changes of the same thing ("the faq feels short, make the faq longer") are one request said twice.
            return null;
        }

        PlannedCall[] calls = [new PlannedCall("edit_site", new JsonObject { ["operations"] = operations }), .. thenPublish is null ? [] : new[] { thenPublish }];
        return new Plan(calls, string.Join(" ", plans.Select(p => p.Reply)), "edit");
    }

    /// <summary>A clause that asks to publish ("publish it", "then put it live"), planned as any publish is.</summary>
    private PlannedCall? PublishClause(string clause, PlanContext context)
    {
        var understood = Understand(clause);
        return understood.Intent == "publish" && Decide(understood, context) is { Calls: [{ Name: "publish_site" } call] } ? call : null;
    }

    /// <summary>What an operation changes: its kind, section, item, field, and which theme setting.</summary>
    private static string Target(JsonNode? operation) => operation is not JsonObject o ? string.Empty
        : string.Join('|', o["op"], o["section"], o["item"], o["field"], o["title"], o["type"], o["page"], string.Join(',', o.Where(p => p.Key is "mode" or "primaryColor" or "font" or "radius").Select(p => p.Key)));

    private Plan? PlanClause(string clause, PlanContext context)
    {
        var understood = Understand(clause);
        return EditIntents.Contains(understood.Intent) && understood.Intent is not ("undo" or "revert") ? Decide(understood, context) : null;
    }

    /// <summary>The clauses of a message, split at "and", "then", commas and semicolons outside quotes.</summary>
    private static List<string> Clauses(string text)
    {
        var quotes = new List<string>();
        var masked = Utterance.QuotedText().Replace(text, q =>
        {
            quotes.Add(q.Value);
            return $"\u0001{quotes.Count - 1}\u0001";
        });
        return [.. ClauseBreak().Split(masked)
            .Select(c => Regex.Replace(c, "\u0001(\\d+)\u0001", q => quotes[int.Parse(q.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)], RegexOptions.None, TimeSpan.FromSeconds(1)).Trim(' ', ',', '.'))
            .Where(c => c.Length > 0)];
    }

    [GeneratedRegex(@"\s*(?:,?\s+and\s+then\s+|,?\s+then\s+|;\s*|\.\s+|,\s*(?:and\s+|also\s+|plus\s+)?|\s+and\s+(?:also\s+)?|\s+plus\s+|\s*\+\s*|\s+&\s+|\s+also\s+|\s+with\s+(?=(?:a|an|the|some)?\s*(?:\S+\s+)?(?:accent|colou?r|font|corners|edges|background|theme|mode|type|typeface)\b))", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"^(?:(?:please|pls|can you|could you|can u|i want to|i'd like to|id like to|let's|lets)\s+)*(?<verb>add|remove|delete|drop|move|make|change|set|put|use|rename|switch|get rid of|insert|include|create|ditch|lose|kill|bin|swap|turn|give|go)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingVerb();
}
