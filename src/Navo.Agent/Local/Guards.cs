using System.Text.RegularExpressions;

namespace Navo.Agent.Local;

/// <summary>
/// What the local client says before trying to understand a message: nothing written, only symbols, too long to
/// be one request, or in a language it does not read. Each gets a plain answer and no tool call.
/// </summary>
public static partial class Guards
{
    /// <summary>The longest message read as one request when there is a site (a first description may be longer).</summary>
    public const int LongestRequest = 1500;

    /// <summary>The text without markup, control and direction characters, and runs of white space.</summary>
    public static string Clean(string message)
    {
        var text = Tags().Replace(Scripts().Replace(message, " "), " ");
        text = new string([.. text.Where(c => !char.IsControl(c) || c == '\n').Where(c => c is not ('\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069')))]);
        return Spaces().Replace(text, " ").Trim();
    }

    public static Plan? Refuse(string text, PlanContext context, Lexicon lexicon)
    {
        if (text.Length == 0)
        {
            return Plan.Ask("What would you like to do with your site?", "empty");
        }

        var letters = text.Count(char.IsLetter);
        if (letters == 0)
        {
            return lexicon.Answers.ContainsKey(text) ? null : Plan.Ask("I read words rather than symbols: tell me what you'd like to change, for example \"make it dark\".", "no_words");
        }

        var latin = text.Count(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '\u00c0' and <= '\u024f'));
        if (latin < letters / 2)
        {
            return Plan.Ask("Sorry, I only understand English for now. Please write to me in English.", "language");
        }

        var words = Words().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        foreach (var language in lexicon.Languages)
        {
            var marked = words.Count(language.Markers.Contains);
            if (marked >= 2 && marked * 3 >= words.Count && words.Count(EnglishMarkers.Contains) * 2 < marked)
            {
                return Plan.Ask($"Sorry, I only understand English for now. Please write to me in English.\n\n{language.Answer}", "language");
            }
        }

        if (context.HasSite && text.Length > LongestRequest)
        {
            return Plan.Ask("That's a long message. Tell me in a sentence or two what you'd like to change, and I'll do it.", "too_long");
        }

        return null;
    }

    private static readonly HashSet<string> EnglishMarkers = new(
        ["the", "and", "my", "to", "is", "it", "make", "please", "site", "change", "can", "you", "a", "of", "for", "we", "our", "add", "i", "with", "website", "page"],
        StringComparer.Ordinal);

    [GeneratedRegex(@"<[^<>]{0,300}>")]
    private static partial Regex Tags();

    /// <summary>A script or style element pasted with the text: its code is no part of what the person said.</summary>
    [GeneratedRegex(@"<(?<tag>script|style)\b[^>]{0,300}>.{0,4000}?</\k<tag>\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex(@"[ \t\r\f\v]+|\n{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();
}
