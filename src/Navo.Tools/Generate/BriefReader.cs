using System.Text.RegularExpressions;
using Navo.Tools.Reading;

namespace Navo.Tools.Generate;

/// <summary>
/// Reads a brief out of free text: the business's name and place (<see cref="BusinessMention"/>), what kind of
/// business it is (by meaning, <see cref="Kinds"/>), what it offers in the owner's words, who it is for, its tone,
/// and the facts the owner gave (<see cref="FactReader"/>). The user's own words win over anything guessed; what
/// cannot be found is left out rather than invented.
/// </summary>
public static partial class BriefReader
{
    /// <summary>The most offerings a brief keeps (the services section shows them all).</summary>
    public const int MaxOfferings = 8;

    /// <summary>The name a site carries until the owner says what the business is called.</summary>
    public const string PlaceholderName = "Your business name";

    /// <summary>
    /// The brief of <paramref name="description"/>. What the user named wins: <paramref name="businessName"/>,
    /// <paramref name="industry"/> (free words such as "dog groomer", matched by meaning), <paramref name="tone"/>
    /// and <paramref name="place"/>.
    /// </summary>
    public static Brief Read(string description, string? businessName = null, string? industry = null, string? tone = null, string? place = null)
    {
        // "- self assessment\n- bookkeeping": a bulleted list is a list.
        // "we r Vleis Meester butchery", "4 my dog grooming biz": text-speak is read as what it stands for.
        var text = Said.Spelled(Bullets().Replace(description.Trim(), ", "));
        // "PLUMBER IN BRIDGETOWN … CLARKE & SONS PLUMBING SINCE 1990": a message typed in capitals is read as one typed in
        // lower case, and its name written as a name is.
        if (text.Count(char.IsUpper) is var upper && upper > 20 && upper > 4 * text.Count(char.IsLower))
        {
            text = text.ToLowerInvariant();
        }

        var read = NameOf(text)
            ?? BusinessMention.UnmarkedName(text, Kinds.IsTradeWord, Kinds.DescribesATrade, TradesWork)
            ?? BusinessMention.DashedName(text, w => Kinds.IsTaxonomyWord(w.ToLowerInvariant()), Kinds.DescribesATrade)
            ?? BusinessMention.WithName(text, w => SaysTheTrade(w) || (w.EndsWith('s') && SaysTheTrade(w[..^1])));
        var placeSaid = BusinessMention.Place(text, read);
        if (read is null && BusinessMention.NameBeforeItsPlace(text, placeSaid, SaysTheTrade, Kinds.DescribesATrade) is { } beforeItsPlace)
        {
            read = beforeItsPlace;
            placeSaid = BusinessMention.Place(text, read);
        }

        var town = read is null || placeSaid is not null ? null : TownAfterTrade(text, read) ?? KnownTownAfterTrade(read);
        if (town is not null)
        {
            read = read![..^(town.Length + 1)];
            placeSaid = BusinessMention.Place(text, read);
        }

        // "wick & wonder (all lower case, please - that's the brand)": written as the owner asks.
        var named = Clean(businessName) ?? (read is null ? null : BusinessMention.KeepsItsCase(text) ? read : BusinessMention.AsWritten(read));
        var name = named ?? PlaceholderName;
        var where = Clean(place) ?? placeSaid ?? town;
        var (kind, label) = ResolveKind(Clean(industry), text, named, where);
        var facts = FactReader.Read(text, named);
        var offerings = FindOfferings(text, name, where, label);
        return new Brief(
            BusinessName: name,
            Industry: kind?.Pack ?? "general",
            Place: where,
            Offerings: offerings.Count > 0 ? offerings : [.. facts.Prices.Select(p => p.Item).Where(i => i.Length > 1).Distinct(StringComparer.OrdinalIgnoreCase).Take(5)],
            Audience: FindAudience(text, named),
            Tone: Clean(tone)?.ToLowerInvariant() ?? FindTone(text),
            Description: description.Trim())
        {
            Kind = kind?.Id,
            KindLabel = label,
            NameGiven = named is not null,
            Facts = facts,
            OnePage = OnePage().IsMatch(text),
        };
    }

    /// <summary>
    /// A correction's brief with what the earlier brief knew and the correction did not say: the offerings, the
    /// facts, the audience and the description (the correction is added to it).
    /// </summary>
    public static Brief Keep(Brief corrected, Brief earlier)
    {
        var facts = corrected.Facts;
        var kept = earlier.Facts;
        return corrected with
        {
            Offerings = corrected.Offerings.Count > 0 ? corrected.Offerings : earlier.Offerings,
            Audience = corrected.Audience ?? earlier.Audience,
            Description = earlier.Description + "\n" + corrected.Description,
            OnePage = corrected.OnePage || earlier.OnePage,
            Facts = new BusinessFacts(
                facts.Prices.Count > 0 ? facts.Prices : kept.Prices,
                facts.Hours.Count > 0 ? facts.Hours : kept.Hours,
                facts.Address ?? kept.Address,
                facts.Phone ?? kept.Phone,
                facts.Email ?? kept.Email,
                facts.Since ?? kept.Since,
                facts.Languages.Count > 0 ? facts.Languages : kept.Languages)
            {
                HoursSaid = facts.Hours.Count > 0 || facts.HoursSaid is not null ? facts.HoursSaid : kept.HoursSaid,
                Social = facts.Social.Count > 0 ? facts.Social : kept.Social,
                Highlights = facts.Highlights.Count > 0 ? facts.Highlights : kept.Highlights,
            },
        };
    }

    /// <summary>The town, city or area the text names ("in Porto", "based in East London"), or null.</summary>
    public static string? PlaceIn(string text) => BusinessMention.Place(text.Trim());

    /// <summary>
    /// The first name the text gives (<see cref="BusinessMention.Names"/>, read lazily: the later ways of finding one cost
    /// more). "Luthier in Montreal - Atelier Boisvert Guitares": a trade and its place say what and where, not who, while
    /// anything else names the business ("Keys in Tune - piano tuning in Galway" has nothing else).
    /// </summary>
    private static string? NameOf(string text)
    {
        string? tradeInPlace = null;
        foreach (var name in BusinessMention.Names(text))
        {
            if (!TradeInPlace(name))
            {
                return name;
            }

            tradeInPlace ??= name;
        }

        return tradeInPlace;
    }

    /// <summary>
    /// "FixAm Phones Abuja - screen replacement", "Suds Up Laundry Davao City - wash dry fold": a heading of the name,
    /// then its town after the trade word that ends the name, then what it does. The town is the last one or two words
    /// after that trade word, where the heading is set off by a dash or a colon and the text names no other place; words
    /// that end names ("Co", "Express") are not towns.
    /// </summary>
    private static string? TownAfterTrade(string text, string name)
    {
        var words = name.Split(' ');
        if (words.Length < 3 || !Regex.IsMatch(text, @"(?<![\p{L}\p{N}])" + Regex.Escape(name) + @"\s*(?:[—–:|]|\s-\s)", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            return null;
        }

        for (var after = Math.Max(1, words.Length - 3); after < words.Length - 1; after++)
        {
            var town = words[(after + 1)..];
            if (words[after].Length >= 4 && char.IsUpper(words[after][0]) && SaysTheTrade(words[after].ToLowerInvariant())
                && town.All(w => char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower) && !NameEndings.Contains(w) && CouldBeATown(w.ToLowerInvariant())))
            {
                return string.Join(' ', town);
            }
        }

        return null;

        // "Pawsome Pet Sitters": a trade's word, or its plural, ends a name; "Davao City" is a town.
        static bool CouldBeATown(string word) =>
            word is "city" or "town" || !(SaysTheTrade(word) || (word.EndsWith('s') && SaysTheTrade(word[..^1])));
    }

    /// <summary>"spin cycle records belfast": a name typed in lower case that runs on past its trade's word into a town Navo knows.</summary>
    private static string? KnownTownAfterTrade(string name)
    {
        var words = name.Split(' ');
        if (name.Any(char.IsUpper) || words.Length < 3)
        {
            return null;
        }

        var length = Enumerable.Range(1, Math.Min(2, words.Length - 2)).Reverse().FirstOrDefault(n => Towns.Knows(string.Join(' ', words[^n..])));
        return length > 0 && words[^(length + 1)] is var last && (SaysTheTrade(last) || (last.EndsWith('s') && SaysTheTrade(last[..^1])))
            ? string.Join(' ', words[^length..]) : null;
    }

    private static bool SaysTheTrade(string word) => Kinds.IsTradeWord(word) || Kinds.IsTaxonomyWord(word);

    /// <summary>The work of a trade: "plumbing" of a plumber, "decorating" of a decorator, "electrical" of an electrician.</summary>
    private static bool TradesWork(string word) =>
        WorkEndings.Any(ending => word.Length >= ending.Length + 4 && word.EndsWith(ending, StringComparison.Ordinal) && Kinds.HasTradeStartingWith(word[..^ending.Length]));

    private static readonly string[] WorkEndings = ["ing", "al"];

    /// <summary>Words that end a business's name after its trade and are not a town: "Quick Fix Plumbing Direct".</summary>
    private static readonly HashSet<string> NameEndings = new(
        ["Co", "Company", "Ltd", "Limited", "Inc", "Llc", "Group", "Express", "Direct", "Plus", "Pro", "Pros", "Online", "International", "Deluxe",
         "Centre", "Center", "Studio", "Studios", "Hub", "House", "Club", "Collective", "Works", "Lab", "Labs", "Bar", "Kitchen", "Bros", "Brothers",
         "Sisters", "Family", "Partners", "Associates", "Solutions", "Services", "Supplies", "Mobile", "Team", "Crew", "Boutique", "Emporium"],
        StringComparer.Ordinal);

    private static bool TradeInPlace(string name) =>
        TradeThenPlace().Match(name) is { Success: true } match
        && match.Groups["trade"].Value.Split(' ') is var trade && (trade.Length == 1 || trade.All(w => Kinds.IsTradeWord(w) || Kinds.IsTaxonomyWord(w)));

    /// <summary>Who the business is for ("for dog owners"), never its own name: "a site for Casa Azul, a restaurant" says whose site.</summary>
    private static string? FindAudience(string text, string? name)
    {
        var said = name is null ? text : BusinessMention.Without(text, name, "it");
        var match = Audience().Match(said);
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

    [GeneratedRegex(@"\b(?:build|make|create|draft|design|generate|do|need|want)\s+(?:me\s+|us\s+)?(?:a\s+|an\s+|my\s+|our\s+|the\s+)?(?:new\s+|quick\s+|simple\s+|nice\s+|one[- ]page\s+|single[- ]page\s+)?(?:web\s*site|site|landing\s+page|home\s*page|page|webpage)\b(?:\s+(?:asap|quickly|urgently|please|pls|plz|today|now))?(?:\s+for\s+(?:me|us|(?:my|our)(?:\s+[\w'’-]+){1,3}?(?=\s*[,.;!\n]|\s+(?:in|at|near|based|called|named)\b|$)|my\s+\w+|our\s+\w+))?", RegexOptions.IgnoreCase)]
    private static partial Regex SiteRequest();

    [GeneratedRegex(@"\bfor\s+(?<who>(?!over\b|more\b|about\b|a\b|an\b|the\b|my\b|our\b|me\b|us\b|you\b|it\b|this\b|\d)[\p{L}-]+(?:\s+(?!in\b|at\b|with\b|and\b|on\b|from\b|near\b)[\p{L}-]+){0,3})", RegexOptions.IgnoreCase)]
    private static partial Regex Audience();

    [GeneratedRegex(@"\b(?:one|single|1)[- ]?pager?\b|\b(?:one|single|1)[- ]page\b|\bjust\s+(?:a|one)\s+(?:landing\s+)?page\b|\blanding\s+page\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnePage();

    [GeneratedRegex(@"\s*\n\s*(?:[-•*·]|\d+[.)])\s+")]
    private static partial Regex Bullets();

    [GeneratedRegex(@"^(?<trade>[\p{L}-]+(?: [\p{L}-]+)?) (?:in|near) \p{Lu}")]
    private static partial Regex TradeThenPlace();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
