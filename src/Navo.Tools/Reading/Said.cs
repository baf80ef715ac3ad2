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

    [GeneratedRegex(@"[\s,]*\b(?:please|pls|plz|thanks|thank you|thx|ta)\b[\s!.]*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingPoliteness();
}
