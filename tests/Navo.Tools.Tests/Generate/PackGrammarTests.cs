using System.Text.RegularExpressions;
using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// Every template of every pack, filled for businesses whose offerings are one singular thing, one plural thing and a
/// list, reads as a person would write it: verbs agree, no leftover placeholders, no stray spaces or doubled words.
/// </summary>
public sealed partial class PackGrammarTests
{
    public static TheoryData<string> Packs() => [.. ContentPack.All.Select(p => p.Industry)];

    [Theory]
    [MemberData(nameof(Packs))]
    public void Every_template_reads_right_with_singular_and_plural_offerings(string industry)
    {
        var pack = ContentPack.For(industry);
        var templates = pack.Headlines.Concat(pack.Subheadlines).Concat(pack.About).Concat(pack.FeatureTexts).Concat(pack.CallsToAction)
            .Concat(pack.Testimonials.Concat(pack.Faq).Concat(pack.Stats).SelectMany(i => i.Fields.Values))
            .Concat(pack.Pricing.SelectMany(p => p.Features.Append(p.Name).Append(p.Period)))
            .ToList();
        var problems = new List<string>();
        foreach (var (offerings, plural, singular) in new (string[] Offerings, string? Plural, string? Singular)[]
        {
            (["sourdough bread"], null, "bread"),
            (["wedding cakes"], "cakes", null),
            (["lock changes", "key cutting", "emergency call-outs"], "call-outs", null),
        })
        {
            foreach (var place in new[] { "Leeds", null })
            {
                var brief = new Brief("Hook & Line", industry, place, offerings, null, "friendly", "test") { KindLabel = "optician" };
                foreach (var template in templates)
                {
                    foreach (var offering in offerings)
                    {
                        var text = Templates.Fill(template, brief, offerings, offering);
                        problems.AddRange(Problems(text, plural, singular).Select(p => $"{p}: \"{text}\" (from \"{template}\")"));
                    }
                }
            }
        }

        problems.Distinct().Should().BeEmpty();
    }

    private static IEnumerable<string> Problems(string text, string? plural, string? singular)
    {
        if (text.Contains('{', StringComparison.Ordinal) || text.Contains('}', StringComparison.Ordinal))
        {
            yield return "a placeholder is left";
        }

        if (text.Contains("  ", StringComparison.Ordinal) || StrayPunctuation().IsMatch(text))
        {
            yield return "stray space or punctuation";
        }

        if (DoubledWord().Match(text) is { Success: true } doubled && doubled.Value.ToLowerInvariant() is not ("that that" or "had had"))
        {
            yield return $"doubled word '{doubled.Value}'";
        }

        if (text.Length > 0 && char.IsLower(text[0]))
        {
            yield return "starts in lower case";
        }

        if (plural is not null && Regex.IsMatch(text, $@"\b{Regex.Escape(plural)} (?:is|has|was|does)\b|\ban? {Regex.Escape(plural)}\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)))
        {
            yield return "a plural offering with a singular verb or article";
        }

        if (singular is not null && Regex.IsMatch(text, $@"\b{Regex.Escape(singular)} (?:are|have|were|do)\b|\b{Regex.Escape(singular)}(?: \w+)? them\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)))
        {
            yield return "a singular offering with a plural verb";
        }

        if (Regex.IsMatch(text, @"\ban? (?:a|an|the)\b|\b(?:a [aeiou]\w*pt)|\ban optician optician\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)))
        {
            yield return "article trouble";
        }
    }

    [GeneratedRegex(@"\s[,.;:!?]|[,;:]\S(?<!\d[,:]\d)|\.\.(?!\.)")]
    private static partial Regex StrayPunctuation();

    [GeneratedRegex(@"\b(\w+) \1\b", RegexOptions.IgnoreCase)]
    private static partial Regex DoubledWord();
}
