using System.Globalization;
using System.Text.RegularExpressions;

namespace Navo.Agent.Local;

/// <summary>
/// A message made ready for the classifier: quoted text, colours, section names and numbers are taken out as
/// slots, in reading order, and replaced by class tokens (QUOTE, COLOR, SECTION, NUM), so "change the pricing
/// title to 'X'" and "change the faq title to 'Y'" look alike to the classifier.
/// </summary>
public sealed partial record Utterance(
    string Original,
    IReadOnlyList<string> Tokens,
    IReadOnlyList<string> Quotes,
    IReadOnlyList<string> Colors,
    IReadOnlyList<string> Sections,
    IReadOnlyList<int> Numbers)
{
    private static readonly Regex SectionPhrases = new(
        @"(?<![\w#])(" + string.Join('|', Vocabulary.Sections.Select(s => Regex.Escape(s.Phrase))) + @")(?!\w)",
        RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    private static readonly Dictionary<string, string> SectionByPhrase =
        Vocabulary.Sections.ToDictionary(s => s.Phrase, s => s.Type, StringComparer.Ordinal);

    // Words one letter from a colour name (same length, same first letter) that are not colours.
    private static readonly HashSet<string> CommonWords = new(["read", "reds", "bred", "blog", "glue", "blues", "grew", "greet", "pinky", "tale", "teal"], StringComparer.Ordinal);

    public string Text => string.Join(' ', Tokens);

    /// <summary>True when any of the words (or multi-word phrases) occurs.</summary>
    public bool Has(params string[] words) => words.Any(w => w.Contains(' ', StringComparison.Ordinal)
        ? $" {Text} ".Contains($" {w} ", StringComparison.Ordinal)
        : Tokens.Contains(w, StringComparer.Ordinal));

    public static Utterance Parse(string text)
    {
        var quotes = new List<string>();
        var rest = QuotedText().Replace(text, m =>
        {
            quotes.Add(m.Groups["q"].Value.Trim());
            return " QUOTE ";
        });

        var lower = rest.Replace("’", "'", StringComparison.Ordinal).ToLowerInvariant().Replace("quote", "QUOTE", StringComparison.Ordinal);
        var sections = new List<string>();
        lower = SectionPhrases.Replace(lower, m =>
        {
            sections.Add(SectionByPhrase[m.Value]);
            return " SECTION ";
        });

        var tokens = new List<string>();
        var colors = new List<string>();
        var numbers = new List<int>();
        foreach (var word in Words().Matches(lower).Select(m => m.Value.Trim('\'', '-')).Where(w => w.Length > 0))
        {
            if (HexColor().IsMatch(word))
            {
                colors.Add(word.Length == 4 ? $"#{word[1]}{word[1]}{word[2]}{word[2]}{word[3]}{word[3]}" : word);
                tokens.Add("COLOR");
            }
            else if (Vocabulary.Colors.TryGetValue(word, out var hex)
                || (!CommonWords.Contains(word) && Typos.Closest(word, Vocabulary.Colors.Keys.Where(c => c.Length == word.Length && c[0] == word[0])) is { } near
                    && Vocabulary.Colors.TryGetValue(near, out hex)))
            {
                colors.Add(hex);
                tokens.Add("COLOR");
            }
            else if (Vocabulary.Numbers.TryGetValue(word, out var n) || TryNumber(word, out n))
            {
                numbers.Add(n);
                tokens.Add("NUM");
            }
            else
            {
                tokens.Add(word);
            }
        }

        return new Utterance(text, tokens, quotes, colors, sections, numbers);
    }

    private static bool TryNumber(string word, out int number)
    {
        var digits = word.StartsWith('v') && word.Length > 1 ? word[1..] : word;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number is > 0 and < 100000;
    }

    [GeneratedRegex("[\"“”](?<q>[^\"“”]+)[\"“”]|(?<!\\w)'(?<q>[^']+)'(?!\\w)")]
    private static partial Regex QuotedText();

    [GeneratedRegex(@"^#([0-9a-f]{6}|[0-9a-f]{3})$")]
    private static partial Regex HexColor();

    [GeneratedRegex(@"QUOTE|SECTION|#[0-9a-f]{3,6}\b|[\p{L}\p{N}&'-]+")]
    private static partial Regex Words();
}
