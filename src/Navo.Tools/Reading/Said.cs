using System.Text.RegularExpressions;

namespace Navo.Tools.Reading;

/// <summary>Values as people type them, tidied the same way wherever they are read.</summary>
public static partial class Said
{
    /// <summary>A value as typed, without the surrounding quotes, a final full stop or a trailing "please".</summary>
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var cleaned = TrailingPoliteness().Replace(value.Trim(), string.Empty).Trim().Trim('"', '“', '”').Trim();
        cleaned = cleaned.EndsWith('.') && !cleaned.EndsWith("..", StringComparison.Ordinal) ? cleaned[..^1].TrimEnd() : cleaned;
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>
    /// Text-speak written out, so it is read, and shown on a site, as what it stands for: "4 my dog grooming biz" is
    /// "for my dog grooming business", "we r" is "we're", "u" is "you". Only in lower case between lower-case words:
    /// "U-Fix Motors" is a name, kept as written. "sourdough n cakes" stays: it is the owner's own name for what they sell.
    /// </summary>
    public static string Spelled(string text)
    {
        text = WeAre().Replace(text, "$1're");
        text = ForThem().Replace(text, "for");
        text = You().Replace(text, m => m.Value == "u" ? "you" : "your");
        return Business().Replace(text, "business");
    }

    [GeneratedRegex(@"\b([Ww]e)\s+r\b")]
    private static partial Regex WeAre();

    [GeneratedRegex(@"(?<![\d.,£$€-]\s*)\b4(?=\s+(?:my|our|your|ur|u|you|us|me|appts?|appointments?|bookings?|info|details|more|orders?|quotes?|enquiries|prices)\b)")]
    private static partial Regex ForThem();

    // Only before words of English ("u need", "ur wedding", "come to u anywhere"): "u bend" and Dutch "help u graag" stay.
    [GeneratedRegex(@"(?<=(?:^|\p{Ll}[,.!?]?\s))(?:u|ur)(?=\s+(?:are|can|could|need|want|help|know|get|got|like|new|local|own|will|would|should|have|do|don't|dont|call|book|ring|text|come|live|next|wedding|party|birthday|event|house|home|place|business|pet|pets|dog|dogs|car|kids|family|guests|order|big|special|day|anywhere|at|in|on|for|with|through|all|guys|soon)\b|[,.!?]*\s*$)")]
    private static partial Regex You();

    // Not in an address: "info@sparkle.biz" stays as typed.
    [GeneratedRegex(@"(?<![.@\w])biz(?:ness)?(?![.\w@])")]
    private static partial Regex Business();

    [GeneratedRegex(@"[\s,]*\b(?:please|pls|plz|thanks|thank you|thx|ta)\b[\s!.]*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingPoliteness();
}
