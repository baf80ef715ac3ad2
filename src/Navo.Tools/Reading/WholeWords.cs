namespace Navo.Tools.Reading;

/// <summary>Finding a phrase as whole words ("sat" in "open sat", not in "satisfied").</summary>
public static class WholeWords
{
    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="text"/> as whole words.</summary>
    public static bool Contains(string text, string phrase) => IndexOf(text, phrase) >= 0;

    /// <summary>Where <paramref name="phrase"/> starts in <paramref name="text"/> as whole words, or -1.</summary>
    public static int IndexOf(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !IsWordChar(text[at - 1]);
            var end = at + phrase.Length;
            var after = end == text.Length || !IsWordChar(text[end]);
            if (before && after)
            {
                return at;
            }
        }

        return -1;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '&' or '-' or '\'';
}
