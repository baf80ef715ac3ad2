using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Navo.Tools.Edit;
using Navo.Tools.Reading;

namespace Navo.Agent.Local;

public sealed partial class LocalPlanner
{
    /// <summary>Intents that change the site's document: they need a site, and several of them can share a message.</summary>
    private static readonly HashSet<string> EditIntents = new(StringComparer.Ordinal)
    {
        "set_theme_mode", "set_theme_color", "set_theme_font", "set_theme_radius", "set_text", "set_contact", "set_price", "add_prices",
        "set_hours", "set_name", "rewrite", "add_section", "remove_section", "move_section", "add_page", "remove_page", "rename_page",
        "set_seo", "undo", "revert",
    };

    /// <summary>Intents whose message may hold several changes ("a darker green and rounder corners").</summary>
    private static readonly HashSet<string> SplitIntents = new(StringComparer.Ordinal)
    {
        "set_theme_mode", "set_theme_color", "set_theme_font", "set_theme_radius", "set_text", "rewrite", "add_section",
        "remove_section", "move_section", "add_page", "remove_page", "rename_page", "set_seo", "set_price", "set_name",
    };

    /// <summary>Intents that take something away: they need more confidence, and a named target.</summary>
    private static readonly HashSet<string> Destructive = new(StringComparer.Ordinal)
    {
        "remove_section", "remove_page", "unpublish", "delete_project", "revert", "rollback",
    };

    private const string Unsure = "I'm not sure what you'd like me to do. You can say things like \"make it dark\", \"change the headline to 'Fresh bread daily'\", \"we're open Tue-Sat 9-5\" or \"add an FAQ\".";

    private Plan Decide((string Intent, double Probability, Utterance Utterance) understood, PlanContext context)
    {
        var (intent, probability, u) = understood;
        // The draft asked "What's the business called?": a few plain words that ask for nothing else are the answer.
        if (context.HasSite && context.ProjectName == Navo.Tools.Generate.BriefReader.PlaceholderName
            && (probability < Confident || intent is "generate" or "redraft" or "other" or "question" or "set_text" or "set_name")
            && NameAnswer(u.Original) is { } answer)
        {
            return Edit($"Renaming the business to {answer}.", "set_name", new SetName(answer));
        }

        if (probability < Confident || (Destructive.Contains(intent) && probability < ConfidentToDestroy))
        {
            return Ask(Unsure, "unclear");
        }

        if (!context.HasSite && (EditIntents.Contains(intent) || intent is "publish" or "unpublish" or "rollback" or "analyze" or "show_history" or "delete_project"))
        {
            return Ask("There is no site yet. Tell me about your business — for example \"Build a site for my bakery in Lisbon\".", intent);
        }

        return intent switch
        {
            "generate" => !context.HasSite || !context.SiteChosen || NewSite().IsMatch(u.Original) || NewSite().IsMatch(u.Text) ? Generate(u, redraft: false)
                : Correction().IsMatch(u.Original) ? Generate(u, redraft: true)
                : Ask("Is that about this site, or a new one? Say \"new site: …\" with a line about the business, or tell me what to change here.", intent),
            "redraft" => Generate(u, redraft: context.HasSite && context.SiteChosen),
            "list_projects" => Call("list_projects", [], "Here are your sites.", intent),
            "show_leads" => Call("show_leads", [], "Here are the messages from your site.", intent),
            "help" => Call("help", [], "Here is what I can do.", intent),
            "question" => new Plan([], NavoAnswers.For(u), intent),
            "other" => Ask(Unsure, intent),
            "open_project" => OpenProject(u),
            "show_history" => History(u),
            "publish" => Call("publish_site", new JsonObject { ["action"] = "publish" }, "Publishing needs your yes.", intent),
            "unpublish" when !OfflineWords().IsMatch(u.Original) => Ask("Do you want to take the site offline? Say \"take the site offline\" and I'll ask you to confirm.", intent),
            "delete_project" when !SiteWords().IsMatch(u.Original) && !SiteWords().IsMatch(u.Text) => Ask("Do you want to delete this whole site? Say \"delete this site\" and I'll ask you to confirm.", intent),
            "unpublish" => Call("publish_site", new JsonObject { ["action"] = "unpublish" }, "Taking the site offline needs your yes.", intent),
            "rollback" => Rollback(u),
            "delete_project" => DeleteProject(u, context),
            "analyze" => Call("analyze_site", new JsonObject { ["period"] = Period(u) }, "Looking at your visitors…", intent),
            "apply_suggestion" => Suggestion("apply_suggestion", u, context),
            "dismiss_suggestion" => Suggestion("dismiss_suggestion", u, context),
            "yes" or "no" => context.ApprovalPending
                ? new Plan([], intent == "yes" ? "Confirmed." : "Okay, I left everything as it was.", intent)
                : Ask("There is nothing waiting for a yes or no right now. What would you like to change?", intent),
            _ => EditPlan(intent, u, context),
        };
    }

    /// <summary>
    /// "sean o'brien plumbing", "it's Crumbs &amp; Co", "the name is Bloom": one to six words after an optional "it's" or "the
    /// name is", as a name is written ("sean o'brien plumbing" is "Sean O'brien Plumbing"); null for a request or a
    /// sentence ("make it dark", "we're based in cork", "why?").
    /// </summary>
    private static string? NameAnswer(string text)
    {
        var said = NameAnswerLead().Replace(text.Trim().TrimEnd('.', '!'), string.Empty).Trim().Trim('"', '\'', '“', '”');
        var words = said.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 6 && said.Length <= 60 && !NotAName().IsMatch(said) && said.Any(char.IsLetter)
            ? BusinessMention.AsWritten(said) : null;
    }

    [GeneratedRegex(@"^(?:(?:it's|its|it is|we're|we are|were|the name is|name is|name's|names|it's called|its called|called|call it)\s+)", RegexOptions.IgnoreCase)]
    private static partial Regex NameAnswerLead();

    /// <summary>Words of a request or a sentence, not of a name.</summary>
    [GeneratedRegex(@"[?@:/<>{}]|\d{5,}|\b(?:in|near|based|from|at|make|change|add|remove|delete|put|move|publish|undo|show|can|could|would|please|pls|site|website|page|section|colou?r|font|headline|i|we|you|my|our|not|no|yes|yeah|ok|okay|thanks|what|why|how|where|when|is|are|do|does)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotAName();

    private Plan EditPlan(string intent, Utterance u, PlanContext context) => intent switch
    {
        "set_theme_mode" => ThemeMode(u),
        "set_theme_color" => ThemeColor(u),
        "set_theme_font" => ThemeFont(u),
        "set_theme_radius" => ThemeRadius(u),
        "set_text" => SetText(u, context),
        "set_contact" => ContactAndHours(u, context, intent),
        "set_price" => SetPrice(u, context),
        "add_prices" => AddPrices(u, context),
        "set_hours" => ContactAndHours(u, context, intent),
        "set_name" => SetName(u, context),
        "rewrite" => Rewrite(u, context),
        "add_section" => AddSection(u, context),
        "remove_section" => RemoveSection(u, context),
        "move_section" => MoveSection(u, context),
        "add_page" => AddPage(u),
        "remove_page" => RemovePage(u, context),
        "rename_page" => RenamePage(u, context),
        "set_seo" => SetSeo(u),
        "undo" => Edit("Undoing.", intent, new Undo(Slots.Numbers(u, _lexicon) is [var steps, ..] && steps <= 20 ? steps : LastRequestSteps(context))),
        "revert" => Slots.Version(u, _lexicon) is { } version
            ? Edit($"Restoring version {version}.", intent, new Revert(version))
            : Ask("Which version should I go back to? \"show history\" lists them.", intent),
        _ => Ask(Unsure, intent),
    };

    [GeneratedRegex(@"\b(?:new|another|second|other|separate|extra|additional|fresh)\s+(?:web\s*)?(?:site|website|project|one|business|shop)\b|\b(?:build|create|make|set up|start|draft|need|want|would like|get)\b.{0,40}\b(?:web\s*)?(?:site|website|page)\b|^\s*(?:i\s+(?:own|run|have)|we\s+(?:own|run))\b", RegexOptions.IgnoreCase)]
    private static partial Regex NewSite();

    [GeneratedRegex(@"\b(?:not|actually|wrong|instead|mistake|mistaken|isn't|aren't|confused|mixed up)\b|^\s*no\b", RegexOptions.IgnoreCase)]
    private static partial Regex Correction();

    [GeneratedRegex(@"\b(?:site|website|offline|off-line|down|live|public|private|online|unpublish\w*|hide|hidden|visible|internet|web)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OfflineWords();

    [GeneratedRegex(@"\b(?:site|website|project|this one|the whole thing)\b|[""“']", RegexOptions.IgnoreCase)]
    private static partial Regex SiteWords();
}
