namespace Navo.Tools.Reading;

/// <summary>Edit distance, for reading "headine" as "headline" and "bleu" as "blue".</summary>
public static class Typos
{
    /// <summary>Damerau-Levenshtein distance (optimal string alignment).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>
    /// The closest of <paramref name="candidates"/> within one edit (two for words of eight letters or more), or null;
    /// between equally close ones, the one of most <paramref name="weight"/> (how often it is used), then the first in order.
    /// </summary>
    public static string? Closest(string word, IEnumerable<string> candidates, Func<string, int>? weight = null)
    {
        if (word.Length < 4)
        {
            return null;
        }

        var allowed = word.Length >= 8 ? 2 : 1;
        return candidates
            .Where(c => Math.Abs(c.Length - word.Length) <= allowed)
            .Select(c => (Candidate: c, Distance: Distance(word, c)))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance).ThenByDescending(c => weight?.Invoke(c.Candidate) ?? 0).ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Select(c => c.Candidate)
            .FirstOrDefault();
    }
}
