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
        var target = TextTarget(u, context);
        if (target is null)
        {
            return Ask("Which part should say that? Click a section in the preview, or name it (\"the FAQ title\").", "set_text");
        }

        var value = Slots.Value(u, target.Value.After);
        if (value is null)
        {
            return Ask("What should it say? Put the new text in quotes, like 'Fresh bread daily'.", "set_text");
        }

        var (section, field, item, _) = target.Value;
        return Edit($"Changing the {Describe(field)}.", "set_text", new SetText(section, field, value, item));
    }

    /// <summary>Which section, field and item "the headline", "the about text", "the answer to the second question" or "this" means.</summary>
    private (string Section, string Field, int? Item, int After)? TextTarget(Utterance u, PlanContext context)
    {
        var words = _lexicon.Fields.Where(f => Lexicon.Contains(u.Text, f.Phrase)).ToList();
        var named = u.Sections.Count > 0 ? u.Sections[0].Type : null;
        var type = named
            ?? words.Select(w => w.ImpliedSection).FirstOrDefault(s => s is not null && context.FirstOf(s) is not null)
            ?? Selected(u, context);
        if (type is null || (context.FirstOf(type) ?? context.Sections.FirstOrDefault(s => s.Id == type)) is not { } section)
        {
            return null;
        }

        var field = words.Where(w => w.SectionTypes.Count == 0 || w.SectionTypes.Contains(section.Type)).Select(w => w.Field).FirstOrDefault()
            ?? DefaultField(section.Type, Slots.Value(u));
        if (field == "title" && section.Type is "hero" or "cta")
        {
            field = "headline";
        }

        var item = ItemFields.TryGetValue(section.Type, out var itemFields) && (itemFields.Contains(field) || Ordinal(u) is not null)
            ? ItemIndex(u, section)
            : null;
        if (item is not null && field == "title")
        {
            field = section.Type switch { "faq" => "question", "pricing" or "team" => "name", "testimonials" => "quote", "gallery" => "caption", _ => "title" };
        }

        return (context.Reference(section.Id), field, item, TargetEnd(u));
    }

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
    private static string? Selected(Utterance u, PlanContext context) =>
        context.SelectedSectionId is { } selected && context.TypeOf(selected) is not null ? selected
        : u.Has("it", "this", "that", "this section", "that section") && context.TypeOf(context.LastEditedSectionId) is not null ? context.LastEditedSectionId
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
        var field = u.Has("description", "meta description", "snippet", "summary") ? "description" : "title";
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
