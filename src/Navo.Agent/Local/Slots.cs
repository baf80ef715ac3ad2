using System.Globalization;
using System.Text.RegularExpressions;
using Navo.Tools.Reading;

namespace Navo.Agent.Local;

/// <summary>Slot values read from a message: the new text, numbers and ordinals, versions, colours, and the style words.</summary>
public static partial class Slots
{
    /// <summary>
    /// The new text: the first quoted value, else what follows "to", ":", "is", "say" or "read" after the part of the
    /// message that names the target (<paramref name="after"/> characters into the original), to the end of the clause.
    /// </summary>
    public static string? Value(Utterance u, int after = 0)
    {
        if (u.Quotes.Count > 0)
        {
            return u.Quotes[0];
        }

        var text = u.Original;
        var match = ValueMarker().Match(text, Math.Clamp(after, 0, text.Length));
        if (!match.Success)
        {
            match = ValueMarker().Match(text);
        }

        return match.Success ? Clean(LeadingFiller().Replace(text[(match.Index + match.Length)..].TrimStart(' ', ':', '-', '–'), string.Empty)) : null;
    }

    /// <summary>A value as typed, without the surrounding quotes, a final full stop or a trailing "please".</summary>
    public static string? Clean(string? value) => Said.Clean(value);

    /// <summary>Numbers and ordinals ("3", "third", "#2", "3rd"), in reading order.</summary>
    public static IReadOnlyList<int> Numbers(Utterance u, Lexicon lexicon) =>
        [.. u.Words.Select(w => lexicon.Numbers.TryGetValue(w, out var n) ? n : int.TryParse(w.TrimStart('#', 'v'), NumberStyles.None, CultureInfo.InvariantCulture, out n) && n is > 0 and < 100000 ? n : 0)
            .Where(n => n > 0)];

    /// <summary>A version number: "version 3", "v3", "number 3", or the only number of the message.</summary>
    public static long? Version(Utterance u, Lexicon lexicon)
    {
        var match = VersionWords().Match(u.Text);
        if (match.Success)
        {
            return long.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        }

        var numbers = Numbers(u, lexicon);
        return numbers.Count == 1 ? numbers[0] : null;
    }

    /// <summary>The theme colour asked for: a #code, else a colour name ("dark green", "darker green" -> the "dark green" entry).</summary>
    public static string? Color(Utterance u, Lexicon lexicon) =>
        Color(u.Original.ToLowerInvariant().Replace('’', '\''), lexicon) ?? Color(u.Text, lexicon);

    private static string? Color(string text, Lexicon lexicon)
    {
        var hex = HexColor().Match(text);
        if (hex.Success)
        {
            var code = hex.Groups["hex"].Value;
            return code.Length == 3 ? $"#{code[0]}{code[0]}{code[1]}{code[1]}{code[2]}{code[2]}" : "#" + code;
        }

        text = ShadeWords().Replace(text, m => m.Groups["shade"].Value switch
        {
            "darker" or "deep" or "deeper" => "dark ",
            _ => "light ",
        });
        return lexicon.Colors.Keys.OrderByDescending(k => k.Length).FirstOrDefault(k => Lexicon.Contains(text, k)) is { } name ? lexicon.Colors[name] : null;
    }

    [GeneratedRegex(@"(?:\b(?:to|say|says|read|reads|be|with|is|are)\b|:)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ValueMarker();

    [GeneratedRegex(@"^\s*(?:(?:say|says|read|reads|be|something like|something along the lines of|instead)\b\s*:?\s*)+")]
    private static partial Regex LeadingFiller();

    [GeneratedRegex(@"\b(?:version|v|number|no)\s*(?<n>\d{1,5})\b")]
    private static partial Regex VersionWords();

    [GeneratedRegex(@"#(?<hex>[0-9a-f]{6}|[0-9a-f]{3})\b")]
    private static partial Regex HexColor();

    [GeneratedRegex(@"\b(?<shade>darker|deeper|deep|lighter|paler|pale|brighter)\s+")]
    private static partial Regex ShadeWords();
}
