using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Navo.Tools.Generate;

/// <summary>
/// Fills copy templates from a brief. Placeholders: <c>{name}</c>, <c>{kind}</c> ("dog groomer"), <c>{aKind}</c>
/// ("a dog groomer"), <c>{place}</c>, <c>{inPlace}</c> (" in Porto" or nothing), <c>{offering}</c> and
/// <c>{Offering}</c> (one offering), <c>{offerings}</c> and <c>{Offerings}</c> (up to three, "a, b and c"),
/// <c>{audience}</c>, <c>{audienceOrYou}</c>. Words that agree with the last offering written: <c>{is}</c>
/// (is/are), <c>{has}</c> (has/have) and <c>{it}</c> (it/them), so "Our {offering} {is}" reads "Our cakes are".
/// </summary>
public static partial class Templates
{
    public static string Fill(string template, Brief brief, IReadOnlyList<string> offerings, string? offering)
    {
        var first = offering ?? offerings.FirstOrDefault() ?? "what we do";
        var list = JoinList([.. offerings.Take(3)]);
        var kind = brief.KindLabel ?? "business";
        var plural = false;
        var filled = Placeholder().Replace(template, m =>
        {
            switch (m.Groups[1].Value)
            {
                case "name": return brief.BusinessName;
                case "kind": return kind;
                case "aKind": return Article(kind) + " " + kind;
                case "place": return brief.Place ?? "your area";
                case "inPlace": return brief.Place is null ? string.Empty : $" in {brief.Place}";
                case "offering": plural = IsPlural(first); return first;
                case "Offering": plural = IsPlural(first); return UpperFirst(first);
                case "offerings": plural = offerings.Count > 1 || IsPlural(list); return list;
                case "Offerings": plural = offerings.Count > 1 || IsPlural(list); return UpperFirst(list);
                case "audience": return brief.Audience ?? "everyone";
                case "audienceOrYou": return brief.Audience ?? "you";
                case "is": return plural ? "are" : "is";
                case "has": return plural ? "have" : "has";
                case "it": return plural ? "them" : "it";
                default: return m.Value;
            }
        });
        return UpperFirst(filled);
    }

    public static string JoinList(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "what we do",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>
    /// True when a noun phrase is plural by its last word: "cakes", "lock changes", "children" are; "bread",
    /// "dog walking", "glass", "hummus" are not.
    /// </summary>
    public static bool IsPlural(string phrase)
    {
        var last = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.ToLowerInvariant().Trim('.', ',', ')') ?? string.Empty;
        if (last is "people" or "children" or "men" or "women" or "feet" or "teeth" or "mice" or "geese" or "clothes" or "goods" or "supplies")
        {
            return true;
        }

        return last.Length > 2 && last.EndsWith('s') && !last.EndsWith("ss", StringComparison.Ordinal) && !last.EndsWith("us", StringComparison.Ordinal)
            && !last.EndsWith("is", StringComparison.Ordinal) && last is not ("news" or "physics" or "maths" or "yes" or "gas" or "bus" or "lens" or "series" or "species" or "chess" or "fitness" or "business" or "wellness");
    }

    /// <summary>"a" or "an" by how the word sounds: "an optician", "a university", "an MOT", "a DJ".</summary>
    public static string Article(string word)
    {
        var first = word.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        if (first.Length == 0)
        {
            return "a";
        }

        if (first.Length > 1 && first.All(c => char.IsUpper(c) || char.IsDigit(c)))
        {
            return "AEFHILMNORSX".Contains(first[0], StringComparison.Ordinal) ? "an" : "a";
        }

        var lower = first.ToLowerInvariant();
        if (lower.StartsWith("uni", StringComparison.Ordinal) || lower.StartsWith("use", StringComparison.Ordinal) || lower.StartsWith("eu", StringComparison.Ordinal)
            || lower.StartsWith("one", StringComparison.Ordinal) || lower.StartsWith("uk", StringComparison.Ordinal))
        {
            return "a";
        }

        return lower.StartsWith("hour", StringComparison.Ordinal) || lower.StartsWith("honest", StringComparison.Ordinal) || "aeiou".Contains(lower[0], StringComparison.Ordinal) ? "an" : "a";
    }

    public static string UpperFirst(string text)
    {
        if (text.Length == 0 || char.IsUpper(text[0]))
        {
            return text;
        }

        var builder = new StringBuilder(text);
        builder[0] = char.ToUpper(text[0], CultureInfo.InvariantCulture);
        return builder.ToString();
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
