using System.Text.RegularExpressions;

namespace Navo.Agent.Local;

public sealed partial class LocalPlanner
{
    /// <summary>An item the message names by its own words ("the large cake", "\"Local flour\""), in whichever section holds it.</summary>
    private sealed record NamedItem(SectionInfo Section, int Item, string? Quote);

    /// <summary>The message before its new value: up to a colon, else up to the last "to", "should be/read", "is now" or "=".</summary>
    private static string Head(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            return text[..colon];
        }

        var marker = LastValueMarker().Match(text);
        return marker.Success ? text[..marker.Index] : text;
    }

    private static NamedItem? ItemByName(Utterance u, PlanContext context)
    {
        foreach (var quote in u.Quotes)
        {
            var key = quote.Trim().TrimEnd('?', '.', '!').ToLowerInvariant();
            foreach (var section in context.Sections)
            {
                var index = section.Items.ToList().FindIndex(i => i.Trim().TrimEnd('?', '.', '!').Equals(key, StringComparison.OrdinalIgnoreCase));
                if (index >= 0)
                {
                    return new NamedItem(section, index, quote);
                }
            }
        }

        // Only the words before the new value can name the item: "change the headline to Made by hand" names none.
        var lower = Head(u.Original).ToLowerInvariant();
        var whole = context.Sections.SelectMany(s => s.Items.Select((name, i) => (Section: s, Item: i, Name: name.ToLowerInvariant())))
            .Where(x => x.Name.Length >= 4 && Lexicon.Contains(lower, x.Name.TrimEnd('?', '.', '!')))
            .ToList();
        if (whole.Count == 1)
        {
            return new NamedItem(whole[0].Section, whole[0].Item, null);
        }

        // Words of one item's name that no other item shares: "the gluten free question", "the large one".
        var words = lower.Split([' ', ',', '.', ':', '?', '!', '"', '\''], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var scored = context.Sections.SelectMany(s => s.Items.Select((name, i) => (Section: s, Item: i, Score: NameWords(name).Count(words.Contains))))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ToList();
        return scored.Count > 0 && (scored.Count == 1 || scored[0].Score > scored[1].Score) && (u.SectionTypes.Count == 0 || u.SectionTypes.Contains(scored[0].Section.Type))
            ? new NamedItem(scored[0].Section, scored[0].Item, null)
            : null;
    }

    [GeneratedRegex(@"\s(?:to|should be|should read|should say|is now|now|=)\s", RegexOptions.RightToLeft | RegexOptions.IgnoreCase)]
    private static partial Regex LastValueMarker();
}
