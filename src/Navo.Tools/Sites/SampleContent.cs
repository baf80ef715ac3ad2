namespace Navo.Tools.Sites;

/// <summary>
/// What of a site is sample content (design.md section 4): written by Navo without the owner's facts, marked in the
/// preview and left off the live site. Publishing says what is left out, in these words.
/// </summary>
public static class SampleContent
{
    /// <summary>
    /// "3 reviews, 4 answers and 1 figure" for what the live site leaves out, or null when the site has no sample
    /// content.
    /// </summary>
    public static string? LeftOut(Site site)
    {
        var counts = site.Pages.SelectMany(p => p.Sections)
            .SelectMany(s => s.Sample ? Math.Max(1, s.Items.Count) is var n ? Enumerable.Repeat(s.Type, n) : [] : s.Items.Where(i => i.Sample).Select(_ => s.Type))
            .GroupBy(Noun, StringComparer.Ordinal)
            .Select(g => Count(g.Count(), g.Key))
            .ToList();
        return counts.Count switch
        {
            0 => null,
            1 => counts[0],
            _ => string.Join(", ", counts.Take(counts.Count - 1)) + " and " + counts[^1],
        };
    }

    private static string Noun(string sectionType) => sectionType switch
    {
        "testimonials" => "review",
        "team" => "team member",
        "stats" => "figure",
        "faq" => "answer",
        "pricing" => "price",
        _ => "other item",
    };

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
