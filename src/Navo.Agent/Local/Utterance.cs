using System.Text.RegularExpressions;
using Navo.Tools.Reading;

namespace Navo.Agent.Local;

/// <summary>
/// A message made ready for understanding. <see cref="Original"/> keeps the user's text for values;
/// <see cref="Text"/> is lower case, with quoted text replaced by <c>qtext</c> and misspelt words corrected, which
/// is what the classifier reads; <see cref="Quotes"/> and <see cref="Sections"/> are slots found in reading order.
/// </summary>
public sealed partial record Utterance(string Original, string Text, IReadOnlyList<string> Quotes, IReadOnlyList<(int At, string Type)> Sections)
{
    /// <summary>What a quoted value becomes in <see cref="Text"/>.</summary>
    public const string QuoteToken = "qtext";

    public IReadOnlyList<string> Words { get; } = Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The section types named, in reading order.</summary>
    public IReadOnlyList<string> SectionTypes { get; } = [.. Sections.Select(s => s.Type)];

    /// <summary>True when any of the phrases occurs as whole words.</summary>
    public bool Has(params string[] phrases) => phrases.Any(p => Lexicon.Contains(Text, p));

    /// <summary>Reads a message: quotes out, lower case, words corrected by <paramref name="correct"/>, sections found.</summary>
    public static Utterance Parse(string text, Lexicon lexicon, Func<string, string> correct)
    {
        var quotes = new List<string>();
        var rest = QuotedText().Replace(text, m =>
        {
            // An empty quote ("", '  ') is no value: it is read as nothing at all.
            var quoted = m.Groups["q"].Value.Trim();
            if (quoted.Length == 0)
            {
                return " ";
            }

            quotes.Add(quoted);
            return $" {QuoteToken} ";
        });

        rest = MaskValueAfterColon(rest, lexicon);
        var words = WordText().Matches(rest.Replace('’', '\'').Replace('‘', '\'').ToLowerInvariant())
            .Select(m => m.Value.Trim('\'', '-', '.'))
            .Select(w => w.Length > 4 && w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w)
            .Where(w => w.Length > 0)
            .Select(correct);
        var lower = string.Join(' ', words);
        return new Utterance(text, lower, quotes, FindSections(lower, lexicon));
    }

    /// <summary>
    /// "headline: Breathe out", "hours: by appointment only": what follows a colon after a few words naming a field
    /// or section is a value, and reads as one (its words would otherwise pull the meaning: "out", "appointment").
    /// </summary>
    private static string MaskValueAfterColon(string text, Lexicon lexicon)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            return text;
        }

        var head = text[..colon].ToLowerInvariant();
        var names = head.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8
            && (lexicon.Fields.Any(f => Lexicon.Contains(head, f.Phrase)) || lexicon.Sections.Any(s => Lexicon.Contains(head, s.Phrase)));
        // A list of prices after the colon stays readable: it is what tells a price list from a heading.
        return names && Facts.Prices(text[(colon + 1)..]).Count == 0
            ? $"{text[..(colon + 1)]} {QuoteToken}"
            : text;
    }

    private static List<(int, string)> FindSections(string text, Lexicon lexicon)
    {
        var found = new List<(int At, int End, string Type)>();
        foreach (var (phrase, type) in lexicon.Sections)
        {
            for (var at = Lexicon.IndexOf(text, phrase); at >= 0; at = NextIndex(text, phrase, at))
            {
                if (!found.Any(f => at < f.End && f.At < at + phrase.Length))
                {
                    found.Add((at, at + phrase.Length, type));
                }
            }
        }

        // A misspelt section name ("galery", "testimonals"): one edit from a one-word name of five letters or more.
        foreach (Match word in WordText().Matches(text))
        {
            if (word.Length >= 5 && !found.Any(f => word.Index < f.End && f.At < word.Index + word.Length)
                && lexicon.Sections.Where(p => p.Phrase.Length >= 5 && !p.Phrase.Contains(' ', StringComparison.Ordinal))
                    .FirstOrDefault(p => Typos.Distance(word.Value, p.Phrase) == 1 && word.Value[0] == p.Phrase[0]) is { Phrase: not null } near)
            {
                found.Add((word.Index, word.Index + word.Length, near.Value));
            }
        }

        return [.. found.OrderBy(f => f.At).Select(f => (f.At, f.Type))];
    }

    private static int NextIndex(string text, string phrase, int after)
    {
        var next = Lexicon.IndexOf(text[(after + 1)..], phrase);
        return next < 0 ? -1 : next + after + 1;
    }

    /// <summary>Quoted text: in double or curly quotes, or in single quotes that are not apostrophes ("Rosa's" is not a quote).</summary>
    [GeneratedRegex("[\"“”](?<q>[^\"“”]+)[\"“”]|(?<![\\w])['‘](?<q>(?:[^'’‘\n]|['’](?=\\w))+?)['’](?![\\w])")]
    internal static partial Regex QuotedText();

    [GeneratedRegex(@"#[0-9a-f]{3,6}\b|[\p{L}\p{N}&'@.+-]*[\p{L}\p{N}]|[\p{So}]")]
    private static partial Regex WordText();
}
