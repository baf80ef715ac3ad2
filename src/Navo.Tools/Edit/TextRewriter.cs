using System.Text.RegularExpressions;
using Navo.Tools.Generate;

namespace Navo.Tools.Edit;

/// <summary>
/// The local engine's rewriting: rule-based, deterministic, and always a real change. Shorter drops clauses and
/// filler but keeps names and facts; longer adds a supporting clause from the brief; formal and casual change
/// register; punchier cuts to a short, direct line.
/// </summary>
public static partial class TextRewriter
{
    public static readonly IReadOnlyList<string> Styles = ["shorter", "longer", "formal", "casual", "punchier"];

    private static readonly (string Casual, string Formal)[] Register =
    [
        ("we're", "we are"), ("you're", "you are"), ("it's", "it is"), ("don't", "do not"), ("can't", "cannot"),
        ("won't", "will not"), ("isn't", "is not"), ("aren't", "are not"), ("we'll", "we will"), ("you'll", "you will"),
        ("let's", "let us"), ("that's", "that is"), ("there's", "there is"), ("get", "receive"), ("buy", "purchase"),
        ("help", "assist"), ("kids", "children"), ("awesome", "excellent"), ("great", "exceptional"), ("pick", "select"),
        ("check out", "explore"), ("a lot of", "many"), ("lots of", "many"), ("hey", "hello"), ("need", "require"),
        ("start", "commence"), ("show", "demonstrate"), ("try", "attempt"), ("about", "regarding"),
    ];

    private static readonly string[] Filler =
    [
        "really", "very", "just", "truly", "simply", "actually", "basically", "totally", "quite", "so", "incredibly",
        "absolutely", "genuinely", "carefully", "lovingly", "always", "every single",
    ];

    /// <summary>The text rewritten in <paramref name="style"/>; never equal to the input for non-empty text.</summary>
    public static string Rewrite(string text, string style, Brief? brief)
    {
        var source = text.Trim();
        if (source.Length == 0)
        {
            return source;
        }

        var result = style switch
        {
            "shorter" => Shorter(source),
            "longer" => Longer(source, brief),
            "formal" => Formal(source),
            "casual" => Casual(source),
            "punchier" => Punchier(source),
            _ => throw new ArgumentOutOfRangeException(nameof(style), style, "Unknown style."),
        };
        return Tidy(result);
    }

    private static string Shorter(string text)
    {
        var sentences = Sentences(text);
        // Keep the first half of the sentences (at least one), then drop filler and asides.
        var kept = string.Join(' ', sentences.Take(Math.Max(1, sentences.Count / 2)));
        kept = AsideOrDash().Replace(kept, string.Empty);
        kept = WithoutFiller(kept);
        if (kept.Length >= text.Length - 2)
        {
            // One sentence without filler: cut its trailing clause, keeping what comes before the first comma.
            var comma = kept.IndexOf(',', StringComparison.Ordinal);
            var and = kept.IndexOf(" and ", StringComparison.Ordinal);
            var cut = comma > 10 ? comma : and > 10 ? and : -1;
            kept = cut > 0 ? kept[..cut] + EndOf(kept) : DropLastWord(kept);
        }

        return kept;
    }

    private static string Longer(string text, Brief? brief)
    {
        var name = brief?.BusinessName;
        var place = brief?.Place;
        var offering = brief?.Offerings.FirstOrDefault();
        var clause = (name, place, offering) switch
        {
            ({ } n, { } p, _) when !text.Contains(p, StringComparison.OrdinalIgnoreCase) => $"{n} is proud to serve {p}",
            (_, _, { } o) when !text.Contains(o, StringComparison.OrdinalIgnoreCase) => $"Ask us about our {o}",
            ({ } n, _, _) => $"Everything at {n} is done with care, from the first hello to the last detail",
            _ => "Every detail is handled with care, from the first hello to the last detail",
        };
        return $"{EnsureEnd(text)} {clause}.";
    }

    private static string Formal(string text)
    {
        var result = text.Replace("!", ".", StringComparison.Ordinal);
        foreach (var (casual, formal) in Register)
        {
            result = ReplaceWord(result, casual, formal);
        }

        return result == text ? $"We are pleased to share: {LowerFirst(text)}" : result;
    }

    private static string Casual(string text)
    {
        var result = text;
        foreach (var (casual, formal) in Register)
        {
            result = ReplaceWord(result, formal, casual);
        }

        return result == text ? $"{EnsureEnd(text).TrimEnd('.')} — come say hi!" : result;
    }

    private static string Punchier(string text)
    {
        var first = Sentences(text)[0];
        first = AsideOrDash().Replace(first, string.Empty);
        first = WithoutFiller(first);
        foreach (var opener in new[] { "We offer ", "We provide ", "We are ", "We're ", "Our team offers ", "Welcome to " })
        {
            if (first.StartsWith(opener, StringComparison.OrdinalIgnoreCase))
            {
                first = UpperFirst(first[opener.Length..]);
            }
        }

        var words = first.TrimEnd('.', '!', '?').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var punchy = string.Join(' ', words.Take(8)) + "!";
        return punchy == text ? string.Join(' ', words.Take(Math.Max(1, words.Length - 1))) + "!" : punchy;
    }

    private static List<string> Sentences(string text) =>
        [.. SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0)];

    private static string WithoutFiller(string text)
    {
        foreach (var word in Filler)
        {
            text = Regex.Replace(text, $@"\b{Regex.Escape(word)}\s+", string.Empty, RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        }

        return text;
    }

    private static string ReplaceWord(string text, string from, string to) =>
        Regex.Replace(text, $@"\b{Regex.Escape(from)}\b", m => MatchCase(m.Value, to), RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    private static string MatchCase(string original, string replacement) =>
        char.IsUpper(original[0]) ? UpperFirst(replacement) : replacement;

    /// <summary>
    /// Shortens one clause without leaving it hanging: its last phrase goes whole ("Baked in Leeds since 1987" ->
    /// "Baked in Leeds"), and a cut never ends on a word that needs another after it ("since", "and", "the").
    /// </summary>
    private static string DropLastWord(string text)
    {
        var words = text.TrimEnd('.', '!', '?').Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var phrase = words.FindLastIndex(w => PhraseStarts.Contains(w.ToLowerInvariant()));
        var keep = phrase >= 2 ? phrase : words.Count - 1;
        while (keep > 1 && Dangling.Contains(words[keep - 1].ToLowerInvariant().TrimEnd(',', ';', ':')))
        {
            keep--;
        }

        return keep < 1 ? text : string.Join(' ', words.Take(keep)).TrimEnd(',', ';', ':', ' ') + EndOf(text);
    }

    private static readonly HashSet<string> PhraseStarts = new(
        ["since", "in", "for", "with", "from", "at", "on", "by", "near", "across", "around", "throughout", "every", "to", "of", "that", "which", "who", "where"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> Dangling = new(
        ["since", "in", "for", "with", "from", "at", "on", "by", "near", "across", "around", "to", "of", "and", "or", "but", "the", "a", "an", "our", "your", "my", "their", "its", "that", "which", "who", "&", "-", "—"],
        StringComparer.Ordinal);

    private static string EndOf(string text) => text.EndsWith('!') ? "!" : text.EndsWith('?') ? "?" : text.EndsWith('.') ? "." : string.Empty;

    private static string EnsureEnd(string text) => EndOf(text).Length > 0 ? text : text + ".";

    private static string UpperFirst(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string Tidy(string text) => MultipleSpaces().Replace(SpaceBeforePunctuation().Replace(text, "$1"), " ").Trim();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\s*(\([^)]*\)|—[^—.!?]*(—|(?=[.!?]))|–[^–.!?]*(–|(?=[.!?])))")]
    private static partial Regex AsideOrDash();

    [GeneratedRegex(@"\s+([,.!?])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleSpaces();
}
