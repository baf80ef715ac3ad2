using Navo.Tools.Edit;

namespace Navo.Agent.Local;

public sealed partial class LocalPlanner
{
    /// <summary>Item fields, by section type: a word that names one of them makes the change about an item.</summary>
    private static readonly Dictionary<string, string[]> ItemFields = new(StringComparer.Ordinal)
    {
        ["pricing"] = ["name", "price", "period"],
        ["faq"] = ["question", "answer"],
        ["features"] = ["text"],
        ["services"] = ["text"],
        ["testimonials"] = ["quote", "author", "role"],
        ["team"] = ["name", "role", "bio"],
        ["gallery"] = ["caption"],
    };

    private Plan SetText(Utterance u, PlanContext context)
    {
        if (u.SectionTypes.FirstOrDefault() == "hours" && context.FirstOf("hours") is null)
        {
            return SetHours(u);
        }

        if (context.SelectedSectionId is null && u.SectionTypes.Count == 0 && u.Has(_lexicon.Words("business.name")))
        {
            return SetName(u, context, fromText: true);
        }

        var target = TextTarget(u, context);
        if (target is null && NameIs().IsMatch(u.Original))
        {
            // "we've renamed the shop to Bakehouse 1990": no part of the page, the business itself.
            return SetName(u, context, fromText: true);
        }

        if (target is null)
        {
            return Ask("Which part should say that? Click a section in the preview, or name it (\"the FAQ title\").", "set_text");
        }

        if (target.Problem is { } problem)
        {
            return Ask(problem, "set_text");
        }

        var value = target.ItemQuote is { } quote
            ? (u.Quotes.Count >= 2 ? u.Quotes[^1] : Slots.Value(u with { Quotes = [] }, u.Original.IndexOf(quote, StringComparison.Ordinal) + quote.Length + 1))
            : Slots.Value(u, TargetEnd(u));
        if (value is null)
        {
            return Ask("What should it say? Put the new text in quotes, like 'Fresh bread daily'.", "set_text");
        }

        return Edit($"Changing the {Describe(target.Field)}.", "set_text", new SetText(target.Section, target.Field, value, target.Item));
    }

    /// <summary>Where a text change goes, or why it cannot: the item named does not exist.</summary>
    private sealed record TextPlace(string Section, string Field, int? Item, string? ItemQuote = null, string? Problem = null);

    /// <summary>Which section, field and item "the headline", "the about text", "the answer to the second question" or "this" means.</summary>
    private TextPlace? TextTarget(Utterance u, PlanContext context)
    {
        var words = _lexicon.Fields.Select(f => (Word: f, At: Lexicon.IndexOf(u.Text, f.Phrase))).Where(f => f.At >= 0)
            .OrderBy(f => f.At).ThenByDescending(f => f.Word.Phrase.Length).Select(f => f.Word).ToList();
        var byName = ItemByName(u, context);
        // Only sections named before the new value count: "change the stats title to Our numbers" names stats, not "numbers".
        var headEnd = Head(u.Text).Length;
        var namedTypes = u.Sections.Where(s => s.At < headEnd).Select(s => s.Type).ToList();
        var named = namedTypes.Select(context.FirstOf).FirstOrDefault(s => s is not null);
        if (named is null && namedTypes.Count > 0 && byName is null)
        {
            return new TextPlace(namedTypes[0], "title", null, Problem: $"There is no {Label(namedTypes[0])} on the site. Say \"add {Article(namedTypes[0])}\" first, then what it should say.");
        }

        var sectionWord = words.FirstOrDefault(w => w.ImpliedSection is { } s && context.FirstOf(s) is { } implied && SectionField(implied.Type, w.Field, out _) && !ItemFields.ContainsKey(implied.Type));
        var section = named
            ?? (sectionWord is not null ? context.FirstOf(sectionWord.ImpliedSection!) : null)
            ?? byName?.Section
            ?? words.Select(w => w.ImpliedSection is { } s ? context.FirstOf(s) : null).FirstOrDefault(s => s is not null)
            ?? (Selected(u, context) is { } id ? context.Sections.First(s => s.Id == id) : null);
        if (section is null)
        {
            return u.SectionTypes.Count > 0 && byName is null
                ? new TextPlace(u.SectionTypes[0], "title", null, Problem: $"There is no {Label(u.SectionTypes[0])} on the site. Say \"add {Article(u.SectionTypes[0])}\" first, then what it should say.")
                : null;
        }

        var fields = words.Where(w => w.SectionTypes.Count == 0 || w.SectionTypes.Contains(section.Type)).Select(w => w.Field).ToList();
        var field = fields.Contains("answer") && fields.Contains("question") ? "answer" : fields.FirstOrDefault();
        var itemFields = ItemFields.GetValueOrDefault(section.Type) ?? [];
        int? item = Ordinal(u) is not null && itemFields.Length > 0 ? ItemIndex(u, section)
            : byName is not null && byName.Section == section ? byName.Item
            : itemFields.Length > 0 && (field is not null && itemFields.Contains(field) || Ordinal(u) is not null) ? ItemIndex(u, section)
            : null;
        if (item is null && field is not null && itemFields.Contains(field) && !SectionField(section.Type, field, out _))
        {
            if (section.Items.Count != 1)
            {
                return new TextPlace(section.Id, field, null, Problem: $"Which one? The {Label(section.Type)} has {string.Join(", ", section.Items.Select(i => $"\"{i}\""))}.");
            }

            item = 0;
        }

        if (item is { } index && (index < 0 || index >= section.Items.Count))
        {
            return new TextPlace(section.Id, field ?? "title", item, Problem: $"The {Label(section.Type)} has {section.Items.Count} item{(section.Items.Count == 1 ? string.Empty : "s")}, so there is no item {index + 1}.");
        }

        field = item is not null
            ? (field is null || field == "title" || !itemFields.Contains(field) && field != "title" ? ItemTitle(section.Type) : field)
            : field is not null && SectionField(section.Type, field, out var sectionField) ? sectionField : DefaultField(section.Type, Slots.Value(u));
        return new TextPlace(context.Reference(section.Id), field, item, byName?.Quote);
    }

    /// <summary>The field that names an item: a plan's name, an FAQ's question, a feature's title.</summary>
    private static string ItemTitle(string type) => type switch
    {
        "faq" => "question",
        "pricing" or "team" => "name",
        "testimonials" => "quote",
        "gallery" => "caption",
        _ => "title",
    };

    /// <summary>The field a section's text means when no field is named: a title for a short value, the main text for a long one.</summary>
    private static string DefaultField(string type, string? value) => type switch
    {
        "hero" => "headline",
        "cta" => value is { Length: > 60 } ? "text" : "headline",
        "footer" => "text",
        "about" or "text" => value is { Length: > 60 } ? "body" : "title",
        "contact" => value is { Length: > 60 } ? "text" : "title",
        "hours" => "note",
        _ => "title",
    };

    /// <summary>"it", "this", "that": the section selected in the studio, else the one changed last.</summary>
    private string? Selected(Utterance u, PlanContext context) =>
        context.SelectedSectionId is { } selected && context.TypeOf(selected) is not null ? selected
        : u.Has(_lexicon.Words("reference.this")) && context.TypeOf(context.LastEditedSectionId) is not null ? context.LastEditedSectionId
        : null;

    /// <summary>
    /// Where the words naming the target end in the original text ("change the answer to the second question | to …"):
    /// the last section, field or ordinal word before a colon, or among the first eight words.
    /// </summary>
    private int TargetEnd(Utterance u)
    {
        var lower = u.Original.ToLowerInvariant();
        var colon = lower.IndexOf(':', StringComparison.Ordinal);
        var region = colon >= 0 ? colon : EighthWordEnd(lower);
        var phrases = _lexicon.Fields.Select(f => f.Phrase).Concat(_lexicon.Sections.Select(s => s.Phrase)).Concat(_lexicon.Numbers.Keys).Concat(["last", "page"]);
        var end = 0;
        foreach (var phrase in phrases)
        {
            var at = Lexicon.IndexOf(lower, phrase);
            if (at >= 0 && at < region)
            {
                end = Math.Max(end, at + phrase.Length);
            }
        }

        return end;
    }

    private static int EighthWordEnd(string text)
    {
        var words = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == ' ' && text[i - 1] != ' ' && ++words == 8)
            {
                return i;
            }
        }

        return text.Length;
    }

    private Plan SetSeo(Utterance u)
    {
        var field = u.Has(_lexicon.Words("seo.description")) ? "description" : "title";
        var value = Slots.Value(u, TargetEnd(u));
        return value is null
            ? Ask("What should search engines show? Put it in quotes.", "set_seo")
            : Edit($"Changing the search {field}.", "set_seo", field == "title" ? new SetSeo(Title: value) : new SetSeo(Description: value));
    }

    private static string Describe(string field) => field switch
    {
        "ctaText" or "buttonText" => "button text",
        "subheadline" => "tagline",
        _ => field,
    };
}
