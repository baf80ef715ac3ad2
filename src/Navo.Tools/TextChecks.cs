namespace Navo.Tools;

/// <summary>What no text Navo accepts may hold, in a site, a message, a name or a form.</summary>
public static class TextChecks
{
    /// <summary>
    /// True for control characters and the bidirectional embedding, override and isolate controls (U+202A–U+202E,
    /// U+2066–U+2069), which make text display differently from what it is. Marks such as U+200E and U+200F, which
    /// right-to-left writing needs, are fine.
    /// </summary>
    public static bool IsHidden(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>True when <paramref name="text"/> holds a hidden character other than line breaks and tabs, if those are allowed.</summary>
    public static bool HasHiddenCharacters(string text, bool allowLineBreaks = false) =>
        text.Any(c => IsHidden(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'));
}
