using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Navo.Agent.Local;

public sealed partial class LocalPlanner
{
    private static Plan Edit(string intent, Utterance u, PlanContext context) => intent switch
    {
        "set_theme_mode" => EditCall(new JsonObject { ["op"] = "set_theme", ["mode"] = u.Has("dark", "darker", "darken", "night", "black") ? "dark" : "light" },
            u.Has("dark", "darker", "darken", "night", "black") ? "Switching to dark mode." : "Switching to light mode.", intent),
        "set_theme_color" => u.Colors.Count == 0
            ? Local.Plan.Ask("Which colour? Name one (\"blue\") or give a code like #2563eb.", intent)
            : EditCall(new JsonObject { ["op"] = "set_theme", ["primaryColor"] = u.Colors[0] }, $"Changing the main colour to {u.Colors[0]}.", intent),
        "set_theme_font" => EditCall(new JsonObject { ["op"] = "set_theme", ["font"] = Font(u) }, $"Switching to a {Font(u)} font.", intent),
        "set_theme_radius" => EditCall(new JsonObject { ["op"] = "set_theme", ["radius"] = Radius(u) }, "Changing the corners.", intent),
        "set_text" => SetText(u, context),
        "rewrite" => Rewrite(u, context),
        "add_section" => AddSection(u),
        "remove_section" => Target(u, context, 0) is { } removed
            ? EditCall(new JsonObject { ["op"] = "remove_section", ["section"] = removed }, $"Removing the {Label(removed, context)}.", intent)
            : Local.Plan.Ask("Which section should I remove?", intent),
        "move_section" => MoveSection(u, context),
        "add_page" => AddPage(u),
        "remove_page" => PageName(u) is { } page
            ? EditCall(new JsonObject { ["op"] = "remove_page", ["page"] = page }, $"Removing the page \"{page}\" needs your yes.", intent)
            : Local.Plan.Ask("Which page should I remove?", intent),
        "rename_page" => RenamePage(u),
        "set_seo" => SetSeo(u),
        "undo" => EditCall(new JsonObject { ["op"] = "undo", ["steps"] = u.Numbers.Count > 0 ? u.Numbers[0] : 1 }, "Undoing.", intent),
        "revert" => u.Numbers.Count > 0
            ? EditCall(new JsonObject { ["op"] = "revert", ["version"] = u.Numbers[0] }, $"Restoring version {u.Numbers[0]}.", intent)
            : Local.Plan.Ask("Which version should I go back to? \"show history\" lists them.", intent),
        _ => Local.Plan.Ask("I'm not sure what to change.", intent),
    };

    private static Plan SetText(Utterance u, PlanContext context)
    {
        var value = Value(u);
        if (value is null)
        {
            return Local.Plan.Ask("What should it say? Put the new text in quotes, like 'Fresh bread daily'.", "set_text");
        }

        var (section, field) = TextTarget(u, context);
        if (section is null)
        {
            return Local.Plan.Ask("Which part should say that? Click a section in the preview, or name it (\"the FAQ title\").", "set_text");
        }

        return EditCall(new JsonObject { ["op"] = "set_text", ["section"] = section, ["field"] = field, ["value"] = value },
            $"Changing the {Describe(field)}.", "set_text");
    }

    /// <summary>Which section and field "the headline", "the button", "the pricing title" or "this" means.</summary>
    private static (string? Section, string Field) TextTarget(Utterance u, PlanContext context)
    {
        if (u.Has("subheadline", "tagline", "subtitle", "subheading"))
        {
            return ("hero", "subheadline");
        }

        if (u.Has("email"))
        {
            return ("contact", "email");
        }

        if (u.Has("phone", "number"))
        {
            return ("contact", "phone");
        }

        if (u.Has("address"))
        {
            return ("contact", "address");
        }

        if (u.Has("button"))
        {
            return u.Sections.FirstOrDefault() == "cta" ? ("cta", "buttonText") : ("hero", "ctaText");
        }

        if (u.Sections.Count > 0)
        {
            var type = u.Sections[0];
            return (type, type switch
            {
                "hero" => u.Has("text", "body") ? "subheadline" : "headline",
                "cta" => u.Has("text", "body") ? "text" : "headline",
                "footer" => "text",
                "about" or "text" => u.Has("text", "body", "paragraph") ? "body" : "title",
                "contact" => u.Has("text") ? "text" : "title",
                _ => "title",
            });
        }

        if (u.Has("headline", "heading", "main title"))
        {
            return ("hero", "headline");
        }

        var selected = context.SelectedSectionId ?? (u.Has("this", "it") ? context.LastEditedSectionId : null);
        if (selected is not null && context.TypeOf(selected) is { } selectedType)
        {
            return (context.Reference(selected), selectedType switch
            {
                "hero" or "cta" => "headline",
                "footer" => "text",
                _ => u.Has("text", "body") ? MainText(selectedType) : "title",
            });
        }

        return u.Has("title") ? ("hero", "headline") : (null, string.Empty);
    }

    private static string MainText(string type) => type switch
    {
        "about" or "text" => "body",
        _ => "text",
    };

    private static Plan Rewrite(Utterance u, PlanContext context)
    {
        var style = u.Has("shorter", "shorten", "concise", "cut", "trim", "brief", "briefer", "down") ? "shorter"
            : u.Has("longer", "expand", "detail", "more detail", "lengthen") ? "longer"
            : u.Has("formal", "professional", "serious", "sound more professional") ? "formal"
            : u.Has("casual", "friendlier", "friendly", "relaxed", "warmer", "informal") ? "casual"
            : u.Has("punchier", "punchy", "snappier", "exciting", "punch", "bolder") ? "punchier"
            : null;
        if (style is null)
        {
            return Local.Plan.Ask("How should I rewrite it: shorter, longer, more formal, more casual or punchier?", "rewrite");
        }

        string? field = u.Has("headline", "heading") ? "headline" : u.Has("subheadline", "tagline") ? "subheadline" : null;
        var section = u.Sections.FirstOrDefault()
            ?? (field is not null ? "hero" : null)
            ?? (context.SelectedSectionId is { } s ? context.Reference(s) : null)
            ?? (context.LastEditedSectionId is { } l ? context.Reference(l) : null);
        if (section is null)
        {
            return Local.Plan.Ask($"Which section should I make {StyleWord(style)}? Click it in the preview or name it.", "rewrite");
        }

        var operation = new JsonObject { ["op"] = "rewrite", ["section"] = section, ["style"] = style };
        if (field is not null)
        {
            operation["field"] = field;
        }

        return EditCall(operation, $"Making it {StyleWord(style)}.", "rewrite");
    }

    private static Plan AddSection(Utterance u)
    {
        if (u.Sections.Count == 0)
        {
            return Local.Plan.Ask("Which kind of section? For example an FAQ, pricing, testimonials, a gallery or a contact form.", "add_section");
        }

        var operation = new JsonObject { ["op"] = "add_section", ["type"] = u.Sections[0] };
        Position(u, operation, anchorIndex: 1);
        return EditCall(operation, $"Adding {Article(u.Sections[0])}.", "add_section");
    }

    private static Plan MoveSection(Utterance u, PlanContext context)
    {
        if (Target(u, context, 0) is not { } section)
        {
            return Local.Plan.Ask("Which section should I move?", "move_section");
        }

        var operation = new JsonObject { ["op"] = "move_section", ["section"] = section };
        var anchorIndex = u.Sections.Count > 0 ? 1 : 0;
        if (!Position(u, operation, anchorIndex))
        {
            return Local.Plan.Ask("Where should it go: to the top, to the bottom, or before or after another section?", "move_section");
        }

        return EditCall(operation, $"Moving the {Label(section, context)}.", "move_section");
    }

    /// <summary>Reads "at the top", "after the hero", "above the pricing" into <paramref name="operation"/>.</summary>
    private static bool Position(Utterance u, JsonObject operation, int anchorIndex)
    {
        var anchor = u.Sections.Count > anchorIndex ? u.Sections[anchorIndex] : null;
        if (anchor is not null && u.Has("after", "below", "under", "beneath", "following"))
        {
            operation["after"] = anchor;
        }
        else if (anchor is not null && u.Has("before", "above", "over", "ahead"))
        {
            operation["before"] = anchor;
        }
        else if (u.Has("top", "beginning", "start", "first"))
        {
            operation["to"] = "top";
        }
        else if (u.Has("bottom", "end", "last"))
        {
            operation["to"] = "bottom";
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>The section a message is about: the one it names, else "this" (the selected one).</summary>
    private static string? Target(Utterance u, PlanContext context, int index) =>
        u.Sections.Count > index ? u.Sections[index]
        : context.SelectedSectionId is { } selected ? context.Reference(selected)
        : null;

    private static Plan AddPage(Utterance u)
    {
        var title = u.Quotes.FirstOrDefault()
            ?? After(u.Original, "called", "named", "titled")
            ?? PageWord(u.Original);
        return title is null
            ? Local.Plan.Ask("What should the new page be called?", "add_page")
            : EditCall(new JsonObject { ["op"] = "add_page", ["title"] = Cap(title) }, $"Adding the page \"{Cap(title)}\".", "add_page");
    }

    private static Plan RenamePage(Utterance u)
    {
        var page = u.Quotes.Count > 1 ? u.Quotes[0] : PageWord(u.Original);
        var title = u.Quotes.Count > 0 ? u.Quotes[^1] : After(u.Original, "to");
        return page is null || title is null
            ? Local.Plan.Ask("Which page, and what should it be called?", "rename_page")
            : EditCall(new JsonObject { ["op"] = "rename_page", ["page"] = Cap(page), ["title"] = Cap(title) }, $"Renaming the page to \"{Cap(title)}\".", "rename_page");
    }

    private static string? PageName(Utterance u) => (u.Quotes.FirstOrDefault() ?? PageWord(u.Original)) is { } page ? Cap(page) : null;

    private static Plan SetSeo(Utterance u)
    {
        var value = Value(u);
        if (value is null)
        {
            return Local.Plan.Ask("What should search engines show? Put it in quotes.", "set_seo");
        }

        var field = u.Has("description", "meta description") ? "description" : "title";
        return EditCall(new JsonObject { ["op"] = "set_seo", [field] = value }, $"Changing the search {field}.", "set_seo");
    }

    /// <summary>The new text: quoted, else what follows "to", "say" or "read".</summary>
    private static string? Value(Utterance u) =>
        u.Quotes.FirstOrDefault() ?? After(u.Original, "to", "say", "says", "read", "reads", "with", "be");

    private static string? After(string text, params string[] words)
    {
        var match = Regex.Match(text, $@"\b(?:{string.Join('|', words)})\s+(?<value>.+?)\s*[.!?]?$", RegexOptions.IgnoreCase | RegexOptions.RightToLeft, TimeSpan.FromSeconds(1));
        var value = match.Success ? match.Groups["value"].Value.Trim().Trim('"', '\'') : null;
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>"the about page" -> "about"; "a menu page" -> "menu".</summary>
    private static string? PageWord(string text)
    {
        // The last "the X page": in "change the name of the catering page" that is "catering".
        var match = Regex.Match(text, @"\b(?:the|a|an|new|our)\s+(?<name>[\p{L}\p{N}'-]+(?:\s+[\p{L}\p{N}'-]+){0,2}?)\s+page\b", RegexOptions.IgnoreCase | RegexOptions.RightToLeft, TimeSpan.FromSeconds(1));
        if (match.Success)
        {
            return match.Groups["name"].Value.Trim();
        }

        match = Regex.Match(text, @"\bpage\s+(?:for|about)\s+(?<name>[\p{L}\p{N}' -]{2,40})", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups["name"].Value.Trim() : null;
    }

    private static string Font(Utterance u) =>
        u.Has("serif", "classic", "elegant", "traditional") && !u.Has("sans", "sans-serif") ? "serif"
        : u.Has("mono", "monospace", "typewriter", "code") ? "mono"
        : u.Has("rounded", "round", "soft", "friendly") ? "rounded"
        : "sans";

    private static string Radius(Utterance u) =>
        u.Has("less rounded", "slightly", "little") ? "small"
        : u.Has("square", "sharp", "no rounded", "straight", "no") ? "none"
        : "large";

    private static string Period(Utterance u)
    {
        var days = u.Numbers.FirstOrDefault();
        return u.Has("week") || days is > 0 and <= 7 ? "7d"
            : u.Has("quarter") || days is > 30 and <= 90 ? "90d"
            : u.Has("ever", "all time", "all") ? "all"
            : "30d";
    }

    private static string Label(string section, PlanContext context) =>
        (context.TypeOf(section) ?? section) switch { "faq" => "FAQ", "cta" => "call to action", var t => t + " section" };

    private static string Describe(string field) => field switch
    {
        "ctaText" or "buttonText" => "button text",
        _ => field,
    };

    private static string StyleWord(string style) => style switch
    {
        "formal" => "more formal",
        "casual" => "more casual",
        _ => style,
    };

    private static string Article(string type) => type switch
    {
        "faq" => "an FAQ",
        "about" => "an about section",
        "cta" => "a call to action",
        _ => $"a {type} section",
    };

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
