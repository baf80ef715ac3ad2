using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Navo.Agent.Local;

/// <summary>
/// Navo's own language understanding: classifies a message, extracts its slots and resolves them against the
/// conversation (the selected section, the last edit, the last list of suggestions, a pending question), then
/// says which tool calls to make. Several edits in one message ("remove the pricing and add an FAQ") become one
/// <c>edit_site</c> call. A message it is unsure of gets a question back, never a guessed edit.
/// </summary>
public sealed partial class LocalPlanner(Classifier classifier)
{
    private const double Confident = 0.55;

    private static readonly HashSet<string> EditIntents = new(StringComparer.Ordinal)
    {
        "set_theme_mode", "set_theme_color", "set_theme_font", "set_theme_radius", "set_text", "rewrite", "add_section",
        "remove_section", "move_section", "add_page", "remove_page", "rename_page", "set_seo", "undo", "revert",
    };

    /// <summary>Loads the phrasings from <c>prompts/local/intents</c> beside the assembly and trains on them.</summary>
    public static LocalPlanner FromPrompts(string? promptsFolder = null) =>
        new(Classifier.Train(Path.Combine(promptsFolder ?? Path.Combine(AppContext.BaseDirectory, "prompts"), "local", "intents")));

    public Plan Plan(string message, PlanContext context)
    {
        var text = message.Trim();
        if (text.Length == 0)
        {
            return Local.Plan.Ask("What would you like to do with your site?");
        }

        var clauses = SplitClauses(text);
        if (clauses.Count > 1)
        {
            var plans = clauses.Select(c => PlanOne(c, context)).ToList();
            if (plans.All(p => p.Intent is var i && EditIntents.Contains(i) && p.Calls.Count == 1))
            {
                var operations = new JsonArray([.. plans.SelectMany(p => p.Calls[0].Arguments["operations"]!.AsArray().Select(o => o!.DeepClone()))]);
                return new([new PlannedCall("edit_site", new JsonObject { ["operations"] = operations })],
                    string.Join(" ", plans.Select(p => p.Reply)), "edit");
            }
        }

        return PlanOne(text, context);
    }

    private Plan PlanOne(string text, PlanContext context)
    {
        var parsed = Utterance.Parse(text);
        // Slots are read from the corrected words too: "chnage the headine" is about the headline.
        var utterance = parsed with { Tokens = [.. parsed.Tokens.Select(classifier.Correct)] };
        var ranked = classifier.Classify(utterance.Tokens);
        var (intent, probability) = ranked[0];
        if (probability < Confident)
        {
            return Local.Plan.Ask("I'm not sure what to change. You can say things like \"make it dark\", \"change the headline to 'Fresh bread daily'\" or \"add an FAQ\".");
        }

        if (!context.HasSite && (EditIntents.Contains(intent) || intent is "publish" or "unpublish" or "rollback" or "analyze" or "show_history"))
        {
            return Local.Plan.Ask("There is no site yet. Tell me about your business — for example \"Build a site for my bakery in Lisbon\".", intent);
        }

        return intent switch
        {
            "generate" => Call("generate_site", new JsonObject { ["description"] = text }, "Drafting your site…", intent),
            "list_projects" => Call("list_projects", [], "Here are your sites.", intent),
            "show_leads" => Call("show_leads", [], "Here are the messages from your site.", intent),
            "help" => Call("help", [], "Here is what I can do.", intent),
            "open_project" => OpenProject(utterance),
            "show_history" => History(utterance),
            "publish" => Call("publish_site", new JsonObject { ["action"] = "publish" }, "Publishing needs your yes.", intent),
            "unpublish" => Call("publish_site", new JsonObject { ["action"] = "unpublish" }, "Taking the site offline needs your yes.", intent),
            "rollback" => Call("publish_site", new JsonObject { ["action"] = "rollback" }, "Rolling back needs your yes.", intent),
            "analyze" => Call("analyze_site", new JsonObject { ["period"] = Period(utterance) }, "Looking at your visitors…", intent),
            "apply_suggestion" => Suggestion("apply_suggestion", utterance, context),
            "dismiss_suggestion" => Suggestion("dismiss_suggestion", utterance, context),
            "yes" or "no" => context.ApprovalPending
                ? new Plan([], intent == "yes" ? "Confirmed." : "Okay, I left everything as it was.", intent)
                : Local.Plan.Ask("There is nothing waiting for a yes or no right now. What would you like to change?", intent),
            _ => Edit(intent, utterance, context),
        };
    }

    private static Plan Call(string name, JsonObject arguments, string reply, string intent) => new([new PlannedCall(name, arguments)], reply, intent);

    private static Plan EditCall(JsonObject operation, string reply, string intent) =>
        Call("edit_site", new JsonObject { ["operations"] = new JsonArray(operation) }, reply, intent);

    /// <summary>"remove the pricing and add an FAQ" -> two clauses; quoted text is never split.</summary>
    private static List<string> SplitClauses(string text)
    {
        var quotes = new List<string>();
        var masked = MaskQuotes().Replace(text, m =>
        {
            quotes.Add(m.Value);
            return $"\u0001{quotes.Count - 1}\u0001";
        });
        return [.. ClauseBreak().Split(masked)
            .Select(c => Regex.Replace(c, "\u0001(\\d+)\u0001", m => quotes[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)], RegexOptions.None, TimeSpan.FromSeconds(1)).Trim())
            .Where(c => c.Length > 0)];
    }

    [GeneratedRegex("\"[^\"]*\"|“[^”]*”|(?<!\\w)'[^']*'(?!\\w)")]
    private static partial Regex MaskQuotes();

    [GeneratedRegex(@"\s*(?:,?\s+and then\s+|,?\s+then\s+|;\s*|\.\s+|,\s+and\s+|\s+and\s+(?=(?:also\s+)?(?:add|remove|delete|move|make|change|set|put|use|rename|undo|switch|drop|get rid|insert|include|create)\b))", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();
}
