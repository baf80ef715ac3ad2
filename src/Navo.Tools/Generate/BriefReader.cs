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
        var text = description.Trim();
        var named = Clean(businessName) ?? BusinessMention.Name(text);
        var name = named ?? PlaceholderName;
        var where = Clean(place) ?? BusinessMention.Place(text);
        var (kind, label) = ResolveKind(Clean(industry), text, named, where);
        var facts = FactReader.Read(text, named);
        var offerings = FindOfferings(text, name, where, label);
        return new Brief(
            BusinessName: name,
            Industry: kind?.Pack ?? "general",
            Place: where,
            Offerings: offerings.Count > 0 ? offerings : [.. facts.Prices.Select(p => p.Item).Where(i => i.Length > 1).Distinct(StringComparer.OrdinalIgnoreCase).Take(5)],
            Audience: FindAudience(text),
            Tone: Clean(tone)?.ToLowerInvariant() ?? FindTone(text),
            Description: text)
        {
            Kind = kind?.Id,
            KindLabel = label,
            NameGiven = named is not null,
            Facts = facts,
            OnePage = OnePage().IsMatch(text),
        };
    }

    /// <summary>
    /// The kind of business: the one the user named ("industry"), else the one nearest in meaning to the words that
    /// say what it is ("a dog groomer", "we're a little tattoo studio"), else to the whole description. Null, with the
    /// owner's own words as the label, when nothing in the taxonomy is close enough.
    /// </summary>
    public static (BusinessKind? Kind, string? Label) ResolveKind(string? industry, string text, string? name = null, string? place = null)
    {
        if (industry is not null)
        {
            var exact = Kinds.Taxonomy.FirstOrDefault(k => k.Id.Equals(industry, StringComparison.OrdinalIgnoreCase) || k.Label.Equals(industry, StringComparison.OrdinalIgnoreCase));
            if (exact is not null)
            {
                return (exact, exact.Label);
            }

            var best = Kinds.Shared.Rank(Kinds.Corrected(industry)!, 1)[0];
            if (best.Score >= Kinds.Threshold)
            {
                return (best.Kind, best.Kind.Label);
            }
        }

        // Every short clause is a candidate for what the business is ("… - Chinese takeaway in Bury, all the
        // classics, …"), the words after "is a" most of all; the nearest kind over all of them wins.
        // The name often says the trade too ("Hillside Kennels & Cattery", "Hartley Wynn Solicitors").
        var said = Kinds.Corrected(industry?.ToLowerInvariant() ?? BusinessMention.Kind(text));
        var candidates = Candidates(Strip(text, name, place)).Prepend(name).Prepend(said).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (candidates.Count == 0)
        {
            return (null, null);
        }

        // Each kind scores its nearest candidate (the words after "is a" count a little more) plus half its
        // similarity to the whole description, so one stray clause ("private hire available") cannot outvote the rest.
        var whole = Strip(text, null, place);
        var vectors = SentenceEmbedder.Shared.Embed([.. candidates, whole]);
        var context = Kinds.Shared.Scores(vectors[^1]);
        var nearest = new float[context.Length];
        var raw = new float[context.Length];
        Array.Fill(nearest, -1f);
        Array.Fill(raw, -1f);
        for (var c = 0; c < candidates.Count; c++)
        {
            var scores = Kinds.Shared.Scores(vectors[c]);

            // The words after "is a" count a little more; later clauses a little less than the first ones.
            var bonus = (candidates[c] == said ? 0.05f : 0f) - (0.01f * c);
            for (var k = 0; k < scores.Length; k++)
            {
                nearest[k] = Math.Max(nearest[k], scores[k] + bonus);
                raw[k] = Math.Max(raw[k], scores[k]);
            }
        }

        var top = Enumerable.Range(0, nearest.Length).MaxBy(k => nearest[k] + (0.5f * context[k]));
        if (raw[top] < Kinds.Threshold)
        {
            top = Enumerable.Range(0, raw.Length).MaxBy(k => raw[k]);
        }

        var chosen = new KindMatch(Kinds.Shared.All[top], raw[top]);
        return chosen.Score >= Kinds.Threshold ? (chosen.Kind, chosen.Kind.Label) : (null, said);
    }

    /// <summary>The clauses of a description short enough to name a kind of business: up to ten words.</summary>
    private static IEnumerable<string> Candidates(string text) =>
        Clause().Split(text).Concat(ItemSplit().Split(text))
            .Select(c => c.Trim(' ', ',', '.', '!', '?'))
            .Where(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is var n && (n is >= 2 and <= 10 || (n == 1 && c.Length >= 5)) && !Request().IsMatch(c))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(16);

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
                facts.Languages.Count > 0 ? facts.Languages : kept.Languages),
        };
    }

    /// <summary>The town, city or area the text names ("in Porto", "based in East London"), or null.</summary>
    public static string? PlaceIn(string text) => BusinessMention.Place(text.Trim());

    /// <summary>The description without the name, the place and the request for a website: what is left says what the business is.</summary>
    private static string Strip(string text, string? name, string? place)
    {
        var rest = SiteRequest().Replace(text, " ");
        foreach (var known in new[] { name, place }.OfType<string>())
        {
            rest = rest.Replace(known, " ", StringComparison.OrdinalIgnoreCase);
        }

        return Spaces().Replace(rest, " ").Trim(' ', ',', '.', ':', '-');
    }

    private static IReadOnlyList<string> FindOfferings(string text, string name, string? place, string? kind)
    {
        // "Build a site for Casa Azul, ... serving fish": the request to build the site is not what the business does.
        var source = SiteRequest().Replace(text, string.Empty);
        var offerings = new List<string>();
        foreach (Match match in Offering().Matches(source))
        {
            // "bread and coffee in Porto for families": the offerings end where the place, audience or a price begins.
            var list = TrailingPhrase().Replace(match.Groups["list"].Value, string.Empty);
            offerings.AddRange(Items(ItemSplit().Split(list), name, place, kind));
        }

        offerings.AddRange(ListedOfferings(source, name, place, kind));
        return [.. offerings.Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxOfferings)];
    }

    /// <summary>
    /// Offerings listed without a verb: "… a cafe in Frome - good coffee, toasties, homemade soup and cakes." The
    /// clauses that say who the business is, or give hours, prices, contacts or requests, are not lists of offerings.
    /// </summary>
    private static IEnumerable<string> ListedOfferings(string text, string name, string? place, string? kind)
    {
        var single = new List<string>();
        var priced = new List<string>();
        var index = 0;
        text = text.Replace(name, ",", StringComparison.OrdinalIgnoreCase);
        foreach (var clause in Clause().Split(text).Select(c => c.Trim()).Where(c => c.Length > 2))
        {
            index++;
            // "Shadows of York ghost walks — …": what follows the name is what they do; a price ends an item
            // ("wedding cakes from £350, birthday cakes from £45 and cupcakes £2.50 each").
            var unnamed = clause.Replace(name, ",", StringComparison.OrdinalIgnoreCase);
            var hasPrice = PriceOrNumber().IsMatch(unnamed);
            var items = Items(ItemSplit().Split(PriceOrNumber().Replace(unnamed, ",")).Select(o => WithWhat().Match(o) is { Success: true } with ? with.Groups["what"].Value : o), name, place, kind, first: index <= 1).ToList();
            if (items.Count >= 2 || (items.Count == 1 && unnamed.Contains(',', StringComparison.Ordinal) && !clause.Contains(name, StringComparison.OrdinalIgnoreCase)))
            {
                // Lists with prices come after the others: their items are often sizes or tickets ("A4", "adults").
                if (hasPrice)
                {
                    priced.AddRange(items);
                    continue;
                }

                foreach (var item in items)
                {
                    yield return item;
                }
            }
            else if (items.Count == 1 && items[0].Contains(' ', StringComparison.Ordinal) && (index <= 3 || Templates.IsPlural(items[0])))
            {
                // "— guided sea kayak tours along the coast": one thing said on its own, early on.
                single.Add(items[0]);
            }
        }

        foreach (var item in single.Concat(priced))
        {
            yield return item;
        }
    }

    /// <summary>
    /// The parts of a list that are offerings, tidied: not the business's name or what it is ("a little wine bar in
    /// Lewes", "freelance graphic designer"), not hours, contacts or places, without "available" or "welcome" after them.
    /// </summary>
    private static IEnumerable<string> Items(IEnumerable<string> parts, string name, string? place, string? kind, bool first = true) =>
        parts.Select(o => Article().IsMatch(o) ? Described(o, kind) ?? (first || IsWhatItIs(o, place, kind) ? o : Article().Replace(o, string.Empty)) : o)
            .Where(o => !o.Contains(name, StringComparison.OrdinalIgnoreCase) && !Identity().IsMatch(o) && !NotAList().IsMatch(o) && !Request().IsMatch(o)
                && !(DayWord().IsMatch(o) && o.Any(char.IsDigit)) && o.Count(char.IsDigit) < 5)
            .Select(o => Clean(Afterthought().Replace(ItemEnd().Replace(LeadingFiller().Replace(o.Trim(), string.Empty), string.Empty), string.Empty)))
            .OfType<string>()
            .Where(o => o.Length is > 2 and <= 70 && o.Split(' ').Length <= 9 && (place is null || !o.Equals(place, StringComparison.OrdinalIgnoreCase)) && !NotOffering().IsMatch(o)
                && !Leftover().IsMatch(o) && (kind is null || !o.EndsWith(kind, StringComparison.OrdinalIgnoreCase)))
            .Select(LowerUnlessProper);

    /// <summary>"a little wine bar in Lewes" says what the business is; "a children's corner", later in a list, is an offering.</summary>
    private static bool IsWhatItIs(string part, string? place, string? kind) =>
        (place is not null && part.Contains(place, StringComparison.OrdinalIgnoreCase)) || (kind is not null && part.Contains(kind, StringComparison.OrdinalIgnoreCase))
        || ForTail().IsMatch(part);

    [GeneratedRegex(@"^\s*(?:a|an)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Article();

    /// <summary>
    /// What a description of the business says it offers: "a maths and physics tutor" offers maths and physics, "a
    /// converted barn for weddings" is for weddings; "a friendly dog groomer" says nothing more than its kind.
    /// </summary>
    private static string? Described(string part, string? kind)
    {
        var head = ForTail().Replace(part, string.Empty).Trim();
        if (kind is not null && head.EndsWith(kind, StringComparison.OrdinalIgnoreCase))
        {
            var words = head[..^kind.Length].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .SkipWhile(w => Describing().IsMatch(w)).ToList();
            if (words.Count > 0 && !words.All(w => Describing().IsMatch(w)))
            {
                return string.Join(' ', words);
            }
        }

        return ForWhat().Match(part) is { Success: true } forWhat ? forWhat.Groups["what"].Value : null;
    }

    [GeneratedRegex(@"^(?:a|an)\s.*?\sfor\s+(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ForWhat();

    [GeneratedRegex(@"\s(?:for|in|near|based|covering|serving|around)\s.*$", RegexOptions.IgnoreCase)]
    private static partial Regex ForTail();

    [GeneratedRegex(@"^(?:small|little|local|independent|family|family-run|friendly|new|professional|experienced|qualified|certified|busy|quiet|cosy|cozy|traditional|modern|boutique|award-winning|lovely|tiny|big|large|established|registered|ofsted|outstanding|fully|insured|mobile|freelance|self-employed|one-woman|one-man|two-person|husband-and-wife|proper|good|great|best|the|and|&)$", RegexOptions.IgnoreCase)]
    private static partial Regex Describing();

    /// <summary>"Sourdough" stays as typed in "Sourdough Bread" only when it is a name; common words go lower case.</summary>
    private static string LowerUnlessProper(string offering) =>
        string.Join(' ', offering.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((w, i) => w.Length > 1 && w.Skip(1).Any(char.IsUpper) ? w : i == 0 || !char.IsUpper(w[0]) ? w.ToLowerInvariant() : w));

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

    [GeneratedRegex(@"\b(?:sell|sells|selling|offer|offers|offering|specialis(?:e|es|ing)\s+in|specializ(?:e|es|ing)\s+in|serving|serve|serves|make|makes|making|bake|bakes|baking|do|does|doing|provide|provides|providing|teach|teaches|teaching|fix|fixes|fixing|build|builds|building|repair|repairs|repairing|grow|grows|growing|brew|brews|brewing|cook|cooks|cooking|stock|stocks|hire out|rent out|clean|cleans|cleaning|walk|walks|groom|grooms|train|trains|host|hosts|hosting|organise|organises|organize|organizes|design|designs|designing|create|creates|sew|sews|knit|knits|roast|roasts|deliver|delivers|delivering|cater|caters|paint|paints|painting|photograph|photographs|tutor|tutors|coach|coaches|rescue|rescues|rehome|rehomes|restore|restores|restoring|install|installs|installing|supply|supplies|print|prints|stock|stocks)\s+(?!(?:is|are|a|an)\b)(?<list>[^.!?;:()\n]+)")]
    private static partial Regex Offering();

    [GeneratedRegex(@"\b(?:build|make|create|draft|design|generate|do|need|want)\s+(?:me\s+|us\s+)?(?:a\s+|an\s+|my\s+|our\s+|the\s+)?(?:new\s+|quick\s+|simple\s+|nice\s+|one[- ]page\s+|single[- ]page\s+)?(?:web\s*site|site|landing\s+page|home\s*page|page|webpage)\b(?:\s+for\s+(?:me|us|my\s+\w+|our\s+\w+))?", RegexOptions.IgnoreCase)]
    private static partial Regex SiteRequest();

    [GeneratedRegex(@"\s+(?:in|for|to|with|since|at|near|around|across|from|on|based|serving|covering|called|named|who|which|that|because|so|every|all|seven|7|open|from|by)\s+.*$|\s*[£€$]\s?\d.*$|\s+\d+(?:[.,]\d+)?\s*(?:euros?|pounds?|dollars?).*$|\s*[—–-]\s.*$|\s+(?:from|at|each|only|just)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingPhrase();

    [GeneratedRegex(@"^(?:(?:some|all|lots of|loads of|plenty of|great|lovely|amazing|the best|really good|good|fresh|also|too|things like|stuff like|mainly|mostly|mostly just|just|only|a|an|the|our|my|your|their|any|every|all kinds of|all sorts of|plus|and|we|i|do|our own|a small|a little|all the classics)\s+)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFiller();

    [GeneratedRegex(@"^(?:per|a|an|in|near|around|on|at|from|for|with|to|by|covering|serving|based|across|throughout|all over)(?:\s|$)|\b(?:we|i|you|us)\b|^\d+\s*(?:weeks?|hours?|hrs?|h|mins?|minutes?|days?|nights?|months?|years?)?$|\b(?:needed|required|possible)$|^(?:open|closed|open daily|every day|month|week|year|hour|day|night|session|person|company|business|firm|shop|place|store|each|only|available|welcome|included|free|online|sold online|appointments only|by appointment|and more|etc|more|it|this|that|them|a website|a site|the website|the site|website|site|business|everything|anything|stuff|things|a lot|lots|more|you|us|me|people|our best|well|good|what we can|what we do)$|\b(?:website|site)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotOffering();

    [GeneratedRegex(@"\bfor\s+(?<who>(?!over\b|more\b|about\b|a\b|an\b|the\b|my\b|our\b|me\b|us\b|you\b|it\b|this\b|\d)[\p{L}-]+(?:\s+(?!in\b|at\b|with\b|and\b|on\b|from\b|near\b)[\p{L}-]+){0,3})", RegexOptions.IgnoreCase)]
    private static partial Regex Audience();

    [GeneratedRegex(@"\b(?:one|single|1)[- ]?pager?\b|\b(?:one|single|1)[- ]page\b|\bjust\s+(?:a|one)\s+(?:landing\s+)?page\b|\blanding\s+page\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnePage();

    [GeneratedRegex(@"[.!?](?!\d)|\n|;|\s[—–-]\s|—|–|:\s")]
    private static partial Regex Clause();

    [GeneratedRegex(@"\b(?:open|opens|closed|call|phone|ring|text|email|e-mail|book|bookings?|hours)\b.*\d|@|\d{1,2}\s*(?:am|pm)\b|\b(?:since|established|based|located|speak|no contract|order by)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotAList();

    [GeneratedRegex(@"\b(?:web\s*site|(?:a|the|my|our|new|one[- ]page)\s+site|site (?:name|for)|web page|can you|could you|please|need a|want a|make me|build me|hi|hello|hey|thanks)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Request();

    /// <summary>A list of offerings splits at commas and slashes; "custom and flash tattoos" stays one offering.</summary>
    [GeneratedRegex(@"(?:\s*,)+\s*(?:and\s+|&\s+)?|\s*/\s*|\s+plus\s+")]
    private static partial Regex ItemSplit();

    [GeneratedRegex(@"\b(?:mon|tue|tues|wed|weds|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day|days|s)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayWord();

    /// <summary>Where an item ends: at its place, its time or its manner; "boarding for dogs and cats" keeps who it is for.</summary>
    [GeneratedRegex(@"\s+(?:in|at|near|around|round|across|from|on|based|serving|covering|called|named|who|which|that|because|so|every|all|open|by|while|out to|along|during)\s+.*$|\s*[£€$]\s?\d.*$|\s*[—–-]\s.*$|\s+(?:from|at|each|only|just)\s*$|\s+for\s+(?:ages?|all|kids|children|adults|beginners|small|busy|local|the|your|everyone|people|families|women|men)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex ItemEnd();

    [GeneratedRegex(@"\s+(?:available|welcome|included|provided|taken|only|on request|too|as well)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Afterthought();

    /// <summary>"The Still Water is a day spa in Bath with thermal pools": what comes with it is offered.</summary>
    [GeneratedRegex(@"\s(?:with|offering|selling|doing|serving|treating|teaching|specialising in|specializing in)\s+(?<what>.+)$")]
    private static partial Regex WithWhat();

    [GeneratedRegex(@"^\s*(?:a|an|i|we|i'm|we're|im|is|are|was)(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Identity();

    /// <summary>What is left of a sentence naming the business ("the venue is called"), or of one about time ("51 weeks a year").</summary>
    [GeneratedRegex(@"\b(?:called|named|trading as|known as|is|go by)$|\ba (?:year|week|day|month)$|^(?:up to|while|includes?|including)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Leftover();

    [GeneratedRegex(@"[£€$]\s?\d+(?:[.,]\d+)?|\b\d+(?:[.,]\d+)?\s*(?:%|euros?|pounds?|dollars?)|\bfrom\s*$")]
    private static partial Regex PriceOrNumber();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
