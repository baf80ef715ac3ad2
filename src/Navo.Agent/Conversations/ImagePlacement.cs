using System.Text.RegularExpressions;

namespace Navo.Agent.Conversations;

/// <summary>
/// Where a photo attached to a chat message goes, and what it shows, in the owner's words: "use this as the main
/// photo, it's our shop front" is the hero, with the alt text "Our shop front"; "make it our logo" is the logo.
/// Whatever was not said stays null, and Navo asks.
/// </summary>
public static partial class ImagePlacement
{
    /// <summary>The place (<c>hero</c>, <c>about</c>, <c>gallery</c> or <c>logo</c>) and the alt text said, each or both null.</summary>
    public static (string? Place, string? Alt) Read(string text)
    {
        var place = Logo().IsMatch(text) ? "logo"
            : Hero().IsMatch(text) ? "hero"
            : About().IsMatch(text) ? "about"
            : Gallery().IsMatch(text) ? "gallery"
            : null;
        return (place, AltIn(text));
    }

    /// <summary>"use my logo's colours", "match the colours to our logo", "colour scheme from the logo".</summary>
    public static bool AsksForLogoColours(string text) => LogoColours().IsMatch(text);

    [GeneratedRegex(@"\blogo(?:'s|’s|s)?\s+(?:colou?rs?|palette|colou?r\s+scheme)\b|\b(?:colou?rs?|palette|colou?r\s+scheme)\s+(?:of|from|in|like|to\s+match)\s+(?:my|our|the)\s+logo\b|\bmatch(?:es|ing)?\s+(?:my|our|the)\s+logo\b", RegexOptions.IgnoreCase)]
    private static partial Regex LogoColours();

    private static string? AltIn(string text)
    {
        var match = Shows().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var alt = Placement().Replace(match.Groups["what"].Value, string.Empty).Trim(' ', '.', ',', '!', '-', '—', '–', '"', '\'');
        return alt.Length is < 3 or > 300 || OnlyPlace().IsMatch(alt) ? null : char.ToUpperInvariant(alt[0]) + alt[1..];
    }

    [GeneratedRegex(@"\blogos?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Logo();

    [GeneratedRegex(@"\b(?:main|top|hero|banner|header|cover|big|first)\s+(?:photo|picture|pic|image|shot)\b|\bhero\b|\bbanner\b|\b(?:at|on)\s+the\s+top\b|\bhome\s*page\b|\bfront\s+page\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hero();

    [GeneratedRegex(@"\babout\b|\bour\s+story\b", RegexOptions.IgnoreCase)]
    private static partial Regex About();

    [GeneratedRegex(@"\bgallery\b|\b(?:with|to)\s+the\s+(?:other\s+)?(?:photos|pictures|pics)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Gallery();

    /// <summary>"it's our shop front", "this shows the team", "a photo of our bakes", "— the harbour at dawn".</summary>
    [GeneratedRegex(@"(?:\b(?:it|this|that)\s*(?:'s|’s|\s+is|\s+shows|\s+was)\s+(?:a\s+(?:photo|picture|pic|shot)\s+of\s+)?|\bshowing\s+|\b(?:photo|picture|pic|shot)\s+of\s+|\s[—–-]\s+|:\s+)(?<what>[^.!?\n]{3,300})", RegexOptions.IgnoreCase)]
    private static partial Regex Shows();

    /// <summary>"(this is) our logo": the place again, not what the photo shows.</summary>
    [GeneratedRegex(@"^(?:(?:the|our|my|a)\s+)?(?:new\s+)?(?:logo|main\s+(?:photo|picture|image)|gallery|hero(?:\s+photo)?|about\s+(?:section|photo))$", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyPlace();

    /// <summary>What says where rather than what: "… as the main photo", "in the gallery".</summary>
    [GeneratedRegex(@"\s*(?:,\s*)?(?:\b(?:use|put|add|make|set)\b.*$|\b(?:as|in|for|on|into|to)\s+(?:the|our|my)\s+(?:main|top|hero|banner|header|cover|big|first|about|gallery|logo)\b.*$)", RegexOptions.IgnoreCase)]
    private static partial Regex Placement();
}
