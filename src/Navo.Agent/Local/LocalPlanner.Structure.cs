using System.Globalization;
using System.Text.RegularExpressions;
using Navo.Tools.Edit;

namespace Navo.Agent.Local;

public sealed partial class LocalPlanner
{
    private Plan Rewrite(Utterance u, PlanContext context)
    {
        // The last style named is the one wanted: "the faq is too formal, make it more casual".
        var style = _lexicon.Styles.Select(p => (p.Value, At: Lexicon.LastIndexOf(u.Text, p.Phrase))).Where(p => p.At >= 0)
            .OrderByDescending(p => p.At).Select(p => p.Value).FirstOrDefault();
        if (style is null)
        {
            return Ask("How should I rewrite it: shorter, longer, more formal, more casual or punchier?", "rewrite");
        }

        var fieldWord = _lexicon.Fields.FirstOrDefault(f => f.Field is "headline" or "subheadline" or "body" or "text" or "title" && Lexicon.Contains(u.Text, f.Phrase));
        var section = u.SectionTypes.FirstOrDefault(t => context.FirstOf(t) is not null)
            ?? (fieldWord?.ImpliedSection is { } implied && fieldWord.Field is "headline" or "subheadline" ? implied : null)
            ?? Selected(u, context) ?? context.SelectedSectionId ?? context.LastEditedSectionId;
        if (section is null || (context.FirstOf(section)?.Id ?? (context.TypeOf(section) is not null ? section : null)) is not { } id)
        {
            return Ask($"Which section should I make {StyleWord(style)}? Click it in the preview or name it.", "rewrite");
        }

        var type = context.TypeOf(id)!;
        var field = fieldWord is not null && SectionField(type, fieldWord.Field, out var named) ? named : null;
        return Edit($"Making it {StyleWord(style)}.", "rewrite", new Rewrite(context.Reference(id), style, field));
    }

    private Plan AddSection(Utterance u, PlanContext context)
    {
        var topic = Topic(u.Original);
        if (u.SectionTypes.Count == 0 && topic is null)
        {
            return Ask("Which kind of section? For example an FAQ, pricing, testimonials, a gallery or a contact form.", "add_section");
        }

        // "a section on the wedding cakes we do": no type named, so every section named says where it goes.
        var type = u.SectionTypes.Count == 0 ? "about" : u.SectionTypes[0];
        var (before, after, to) = Position(u, u.SectionTypes.Count == 0 ? 0 : 1, context);
        if (type == "about" && topic is not null)
        {
            // "add a section about our gluten free range": a section of its own on that, not a second about-us.
            var fields = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["title"] = char.ToUpperInvariant(topic[0]) + topic[1..],
                ["body"] = $"Ask us about {topic}.",
            };
            return Edit($"Adding a section about {topic}.", "add_section",
                new AddSection(type, before, after, to, Fields: fields));
        }

        var items = type == "faq" ? Questions(u.Original) : [];
        return Edit(items.Count > 0 ? $"Adding an FAQ with your {items.Count} question{(items.Count == 1 ? string.Empty : "s")}." : $"Adding {Article(type)}.", "add_section",
            new AddSection(type, before, after, to, Items: items.Count > 0 ? items : null));
    }

    /// <summary>What a section is to be about ("a section about our gluten free range"), or null for the business itself.</summary>
    private static string? Topic(string text)
    {
        var match = SectionTopic().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var topic = Slots.Clean(TopicPosition().Replace(match.Groups["topic"].Value, string.Empty));
        return topic is null || topic.Length < 3 || TopicIsTheBusiness().IsMatch(topic) ? null : topic;
    }

    [GeneratedRegex(@"\b(?:section|part|bit|block|paragraph|panel)\s+(?:all\s+)?(?:about|on|for|covering|describing|explaining|to\s+(?:show|explain|describe|talk\s+about))\s+(?<topic>[^,.;!?\n]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SectionTopic();

    [GeneratedRegex(@"(?:^|\s+)(?:(?:at|to)\s+the\s+(?:top|bottom|end|start)|(?:above|below|before|after|under|underneath|beneath|near|next\s+to|on\s+the\s+\w+\s+page)\b).*$", RegexOptions.IgnoreCase)]
    private static partial Regex TopicPosition();

    [GeneratedRegex(@"^(?:top|bottom|the top|the bottom|(?:the|my|our)\s+(?:\w+\s+)?page|(?:\w+\s+)?page|us|me|myself|ourselves|the (?:business|company|shop|team|owner|owners)|our (?:business|company|shop)|my (?:business|company|shop)|who (?:we are|i am)|what we do|what i do)$", RegexOptions.IgnoreCase)]
    private static partial Regex TopicIsTheBusiness();

    /// <summary>Questions and answers given after a colon: "can kids come? yes if they're over 8. when are you open? april to october".</summary>
    private static List<Navo.Tools.Sites.SectionItem> Questions(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return [];
        }

        var items = new List<Navo.Tools.Sites.SectionItem>();
        var rest = text[(colon + 1)..];
        foreach (Match pair in QuestionAnswer().Matches(rest))
        {
            var question = pair.Groups["q"].Value.Trim().TrimStart('.', ';', ',', ' ');
            var answer = Slots.Clean(pair.Groups["a"].Value.Trim().TrimEnd(',', ';'));
            if (question.Length > 1 && answer is not null)
            {
                items.Add(new Navo.Tools.Sites.SectionItem(new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["question"] = char.ToUpperInvariant(question[0]) + question[1..],
                    ["answer"] = char.ToUpperInvariant(answer[0]) + answer[1..],
                }, []));
            }
        }

        return items;
    }

    private Plan RemoveSection(Utterance u, PlanContext context)
    {
        var named = u.SectionTypes.Count > 0 ? u.SectionTypes[0] : null;
        if (named is not null && context.FirstOf(named) is null)
        {
            return Ask($"There is no {Label(named)} on the site, so there is nothing to remove.", "remove_section");
        }

        if (named is not null && Ordinal(u) is not null && !u.Has(_lexicon.Words("section.whole")))
        {
            // "delete the fourth review" is about one item, which no operation removes: never the whole section.
            return Ask($"I can't remove a single item yet. I can change its text, or remove the whole {Label(named)} if you say \"remove the {Label(named)}\".", "remove_section");
        }

        var id = named is not null ? context.FirstOf(named)!.Id : Selected(u, context);
        return id is null
            ? Ask("Which section should I remove? Name it, or click it in the preview.", "remove_section")
            : Edit($"Removing the {Label(context.TypeOf(id)!)}.", "remove_section", new RemoveSection(context.Reference(id)));
    }

    private Plan MoveSection(Utterance u, PlanContext context)
    {
        var named = u.SectionTypes.Count > 0 ? u.SectionTypes[0] : null;
        var id = named is not null ? context.FirstOf(named)?.Id : Selected(u, context);
        if (id is null && named is not null && AddVerb().IsMatch(u.Original))
        {
            // "put an about us section above the pricing" when there is none: adding it there is what was meant.
            return AddSection(u, context);
        }

        if (id is null)
        {
            return Ask(named is null ? "Which section should I move?" : $"There is no {Label(named)} on the site.", "move_section");
        }

        var (before, after, to) = Position(u, named is null ? 0 : 1, context);
        if (before is null && after is null && to is null)
        {
            return Ask("Where should it go: to the top, to the bottom, or before or after another section?", "move_section");
        }

        return Edit($"Moving the {Label(context.TypeOf(id)!)}.", "move_section", new MoveSection(context.Reference(id), before, after, to));
    }

    /// <summary>A field of the section itself (not of its items) that a field word names, or null.</summary>
    private static bool SectionField(string type, string field, out string sectionField) =>
        (sectionField = SectionFieldOrEmpty(type, field)).Length > 0;

    private static string SectionFieldOrEmpty(string type, string field) => (type, field) switch
    {
        ("hero", "title") or ("cta", "title") => "headline",
        ("hero", "headline" or "subheadline" or "ctaText") or ("cta", "headline" or "text") => field,
        ("about" or "text", "text" or "body") => "body",
        ("about" or "text", "title") => "title",
        ("contact", "title" or "text" or "email" or "phone" or "address" or "submitText") or ("footer", "text") => field,
        (_, "title") => "title",
        _ => string.Empty,
    };

    /// <summary>"at the top", "after the hero", "above the pricing": the anchor is the section named after the moved one.</summary>
    private (string? Before, string? After, string? To) Position(Utterance u, int anchorIndex, PlanContext context)
    {
        // The anchor is the next section named that is not the one moving ("a photo gallery below the pricing").
        var moving = anchorIndex > 0 ? u.SectionTypes[0] : null;
        var anchorType = u.SectionTypes.Skip(anchorIndex).FirstOrDefault(t => t != moving);
        var anchor = anchorType is not null && context.FirstOf(anchorType) is { } s ? context.Reference(s.Id) : null;
        return anchor is not null && u.Has(_lexicon.Words("position.after"))
            ? (null, anchor, null)
            : anchor is not null && u.Has(_lexicon.Words("position.before"))
            ? (anchor, null, null)
            : u.Has(_lexicon.Words("position.top"))
            ? (null, null, "top")
            : u.Has(_lexicon.Words("position.bottom"))
            ? (null, null, "bottom")
            : (null, null, null);
    }

    /// <summary>The item a message means in a section: an ordinal ("the second", "the last") or words of its name ("the large cake").</summary>
    private int? ItemIndex(Utterance u, SectionInfo section)
    {
        if (Ordinal(u) is { } ordinal)
        {
            return ordinal == -1 ? Math.Max(section.Items.Count - 1, 0) : ordinal - 1;
        }

        var words = u.Text.Split(' ').ToHashSet(StringComparer.Ordinal);
        var scored = section.Items.Select((name, i) => (i, Score: NameWords(name).Count(words.Contains))).Where(x => x.Score > 0).OrderByDescending(x => x.Score).ToList();
        return scored.Count > 0 && (scored.Count == 1 || scored[0].Score > scored[1].Score) ? scored[0].i : null;
    }

    /// <summary>1-based ordinal the message names ("second", "2nd", "number 2", "#2"), -1 for "last", or null.</summary>
    private int? Ordinal(Utterance u)
    {
        if (u.Has(_lexicon.Words("item.last")))
        {
            return -1;
        }

        var match = OrdinalWord().Match(u.Text);
        return match.Success ? (_lexicon.Numbers.TryGetValue(match.Groups["n"].Value, out var n) ? n : int.Parse(match.Groups["n"].Value.TrimStart('#'), CultureInfo.InvariantCulture)) : null;
    }

    private static IEnumerable<string> NameWords(string name) =>
        Regex.Split(name.ToLowerInvariant(), @"[^\p{L}\p{N}]+").Where(w => w.Length > 2 && w is not ("the" or "and" or "you" or "can" or "for" or "our"));

    private static string Label(string type) => type switch { "faq" => "FAQ", "cta" => "call to action", var t => t + " section" };

    private static string StyleWord(string style) => style switch { "formal" => "more formal", "casual" => "more casual", _ => style };

    private static string Article(string type) => type switch
    {
        "faq" => "an FAQ",
        "about" => "an about section",
        "cta" => "a call to action",
        "hours" => "opening hours",
        _ => $"a {type} section",
    };

    [GeneratedRegex(@"^\s*(?:(?:please|pls|can you|could you|can u|i want to|i'd like to|let's)\s+)*(?:put|add|insert|include|stick|pop)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AddVerb();

    [GeneratedRegex(@"(?<q>[^?]+\?)\s*(?<a>[^?]+?)(?=(?:[.;]\s+|\s+)(?:[^?.;]+\?)|$)")]
    private static partial Regex QuestionAnswer();

    [GeneratedRegex(@"\b(?<n>first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)\b|(?:number|no|#)\s*(?<n>\d{1,2})\b|\b(?:item|question|plan|feature|review|faq|testimonial)\s+(?<n>\d{1,2})\b(?![.,]\d)")]
    private static partial Regex OrdinalWord();
}
