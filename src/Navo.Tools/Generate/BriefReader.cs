using System.Globalization;
using System.Text.RegularExpressions;

namespace Navo.Tools.Generate;

/// <summary>
/// Reads a brief out of free text: business name, industry, place, offerings, audience and tone. The user's own
/// words win over anything guessed; what cannot be found is left out rather than invented.
/// </summary>
public static partial class BriefReader
{
    /// <summary>
    /// The brief of <paramref name="description"/>. What the user named wins: <paramref name="businessName"/>,
    /// <paramref name="industry"/> (free words, resolved to a pack when one fits, else general), <paramref name="tone"/>
    /// and <paramref name="place"/>.
    /// </summary>
    public static Brief Read(string description, string? businessName = null, string? industry = null, string? tone = null, string? place = null)
    {
        var text = description.Trim();
        var pack = ResolveIndustry(industry, text);
        var where = Clean(place) ?? FindPlace(text);
        var name = Clean(businessName) ?? FindName(text) ?? FallbackName(where, pack);
        return new Brief(
            BusinessName: name,
            Industry: pack?.Industry ?? "general",
            Place: where,
            Offerings: FindOfferings(text, name),
            Audience: FindAudience(text),
            Tone: Clean(tone)?.ToLowerInvariant() ?? FindTone(text),
            Description: text);
    }

    /// <summary>
    /// The pack for the industry the user named — free words such as "dog groomer" or "hair salon", matched by id,
    /// label or keywords — or null (general copy) when none fits. Without a named industry, the pack whose keywords
    /// the text uses most. A named industry is never second-guessed from the text: "a dog groomer, not a salon" is
    /// not a salon.
    /// </summary>
    public static ContentPack? ResolveIndustry(string? industry, string text)
    {
        if (Clean(industry) is { } named)
        {
            var lower = named.ToLowerInvariant();
            return ContentPack.All.FirstOrDefault(p => p.Industry == lower || p.Label.Equals(named, StringComparison.OrdinalIgnoreCase))
                ?? BestByKeywords(lower);
        }

        return BestByKeywords(text.ToLowerInvariant());
    }

    private static ContentPack? BestByKeywords(string words) =>
        ContentPack.All
            .Select(p => (Pack: p, Score: p.Keywords.Sum(k => KeywordCount(words, k))))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Pack.Industry, StringComparer.Ordinal)
            .Select(x => x.Pack)
            .FirstOrDefault();

    /// <summary>How often a keyword starts a word ("hair" in "hairdresser"); a short one ("ai", "app") must be the whole word.</summary>
    private static int KeywordCount(string text, string keyword) =>
        Regex.Matches(text, keyword.Length <= 3 ? $@"\b{Regex.Escape(keyword)}\b" : $@"\b{Regex.Escape(keyword)}", RegexOptions.None, TimeSpan.FromSeconds(1)).Count;

    /// <summary>The town, city or area the text names ("in Porto", "based in East London"), or null.</summary>
    public static string? PlaceIn(string text) => FindPlace(text.Trim());

    private static string? FindName(string text)
    {
        foreach (var pattern in new[] { Quoted(), CalledOrNamed(), MyKindName(), ForNameA(), NameIsA(), NameDoes(), Possessive() })
        {
            var match = pattern.Match(text);
            if (match.Success && Clean(match.Groups["name"].Value) is { } name && !StopNames.Contains(name))
            {
                return name;
            }
        }

        return null;
    }

    private static readonly HashSet<string> StopNames = new(["I", "We", "My", "Our", "It", "This", "The", "A", "An"], StringComparer.OrdinalIgnoreCase);

    private static string FallbackName(string? place, ContentPack? pack)
    {
        var label = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(pack?.Label.Split(' ')[0] ?? "studio");
        return place is null ? $"The {label}" : $"{place} {label}";
    }

    private static string? FindPlace(string text)
    {
        var match = Place().Match(text);
        return match.Success ? Clean(match.Groups["place"].Value) : null;
    }

    private static IReadOnlyList<string> FindOfferings(string text, string name)
    {
        // "Build a site for Casa Azul, ... serving fish": the request to build the site is not what the business does.
        var match = Offering().Match(SiteRequest().Replace(text, string.Empty));
        if (!match.Success)
        {
            return [];
        }

        // "bread and coffee in Porto for families": the offerings end where the place or audience begins.
        var list = TrailingPhrase().Replace(match.Groups["list"].Value, string.Empty);
        return [.. ListSplit().Split(list)
            .Select(o => Clean(o.Replace(name, string.Empty, StringComparison.OrdinalIgnoreCase))?.ToLowerInvariant())
            .Where(o => o is { Length: > 1 and <= 40 })
            .Select(o => o!)
            .Distinct(StringComparer.Ordinal)
            .Take(5)];
    }

    private static string? FindAudience(string text)
    {
        var match = Audience().Match(text);
        return match.Success ? Clean(match.Groups["who"].Value)?.ToLowerInvariant() : null;
    }

    private static string FindTone(string text)
    {
        var lower = text.ToLowerInvariant();
        if (Regex.IsMatch(lower, @"\b(luxury|luxurious|elegant|premium|upscale|exclusive|refined)\b", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            return "elegant";
        }

        if (Regex.IsMatch(lower, @"\b(fun|playful|friendly|cosy|cozy|relaxed|laid-back|warm)\b", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            return "friendly";
        }

        if (Regex.IsMatch(lower, @"\b(bold|edgy|energetic|loud)\b", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            return "bold";
        }

        return "professional";
    }

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim().Trim('.', ',', ';', ':', '!', '?', '"', '\'', '“', '”').Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Any(char.IsControl) ? null : trimmed.Length > 80 ? trimmed[..80].Trim() : trimmed;
    }

    [GeneratedRegex("[\"“](?<name>[^\"”]{2,60})[\"”]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(?:called|named)\s+(?<name>[\p{Lu}0-9][\p{L}0-9'’&.-]*(?:\s+(?:&\s+)?[\p{Lu}0-9][\p{L}0-9'’&.-]*){0,4})")]
    private static partial Regex CalledOrNamed();

    [GeneratedRegex(@"^(?<name>[\p{Lu}0-9][\p{L}0-9'’&.-]*(?:\s+(?:&\s+|and\s+|of\s+|the\s+)?[\p{Lu}0-9][\p{L}0-9'’&.-]*){0,4})\s+(?:is|are)\s+(?:a|an|the|our|my)\b")]
    private static partial Regex NameIsA();

    [GeneratedRegex(@"^(?<name>[\p{Lu}0-9][\p{L}0-9'’&.-]*(?:\s+(?:&\s+|and\s+|of\s+|the\s+)?[\p{Lu}0-9][\p{L}0-9'’&.-]*){0,4})\s+(?:sells|makes|offers|bakes|runs|builds|provides|creates|designs|teaches|helps|serves|fixes|does|brings|organises|organizes|plans|cooks)\b")]
    private static partial Regex NameDoes();

    // "my bakery Pão Quente in Lisbon", "our studio Flow".
    [GeneratedRegex(@"\b(?:my|our)\s+(?:[\p{Ll}-]+\s+){1,2}(?:called\s+|named\s+)?(?<name>[\p{Lu}][\p{L}0-9'’&.-]*(?:\s+[\p{Lu}][\p{L}0-9'’&.-]*){0,4})")]
    private static partial Regex MyKindName();

    // "a site for Forno Azul, a bakery in Porto".
    [GeneratedRegex(@"\bfor\s+(?<name>[\p{Lu}][\p{L}0-9'’&.-]*(?:\s+[\p{Lu}][\p{L}0-9'’&.-]*){0,4}),?\s+(?:a|an|the)\s")]
    private static partial Regex ForNameA();

    [GeneratedRegex(@"(?<name>\b[\p{Lu}][\p{L}]+['’]s(?:\s+[\p{Lu}][\p{L}]+){1,3})")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\b(?:in|based in|located in|from)\s+(?<place>[\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+){0,2})")]
    private static partial Regex Place();

    [GeneratedRegex(@"\b(?:sell|sells|selling|offer|offers|offering|specialis(?:e|es|ing)\s+in|specializ(?:e|es|ing)\s+in|serving|serve|serves|make|makes|making|bake|bakes|baking|do|does|provide|provides|providing|teach|teaches|teaching|fix|fixes|fixing|build|builds|building)\s+(?<list>[^.!?;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Offering();

    [GeneratedRegex(@"\b(?:build|make|create|draft|design|generate)\s+(?:me\s+|us\s+)?(?:a\s+|an\s+|my\s+|our\s+)?(?:new\s+)?(?:web\s*site|site|landing\s+page|home\s*page|page)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SiteRequest();

    [GeneratedRegex(@"\s+(?:in|for|to|with|since|at|near|around|across|from|on)\s+.*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingPhrase();

    [GeneratedRegex(@",\s*(?:and\s+|&\s+)?|\s+and\s+|\s+&\s+|\s+or\s+")]
    private static partial Regex ListSplit();

    [GeneratedRegex(@"\bfor\s+(?<who>(?!over\b|more\b|about\b|\d)[\p{L}-]+(?:\s+(?!in\b|at\b|with\b)[\p{L}-]+){0,3})", RegexOptions.IgnoreCase)]
    private static partial Regex Audience();
}
