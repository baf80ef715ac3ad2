using System.Text.RegularExpressions;
using Navo.Tools.Reading;

namespace Navo.Tools.Generate;

/// <summary>What a business offers, in the owner's words: lists with or without a verb, tidied into items.</summary>
public static partial class BriefReader
{
    private static IReadOnlyList<string> FindOfferings(string text, string name, string? place, string? kind)
    {
        // "Build a site for Casa Azul, ... serving fish": the request to build the site is not what the business does.
        // "cellar door open weekends for tastings": what it opens for is offered.
        var source = OpenFor().Replace(SiteRequest().Replace(text, string.Empty), ", ");
        var offerings = new List<string>();
        foreach (Match match in Offering().Matches(source))
        {
            // "bread and coffee in Porto for families": the offerings end where the place, audience or a price begins.
            var list = TrailingPhrase().Replace(match.Groups["list"].Value, string.Empty);
            offerings.AddRange(Items(ItemSplit().Split(list), name, place, kind));
        }

        offerings.AddRange(ListedOfferings(source, name, place, kind));
        // "I paint house portraits in watercolour or ink": the media a piece can be made in are a choice offered.
        offerings.AddRange(Media().Matches(source).Select(m => m.Groups["media"].Value.ToLowerInvariant()));
        if (OfferedByWhatTheyHave(source) is { } had)
        {
            offerings.InsertRange(0, Items([had], name, place, kind, first: false));
        }

        // "a site for my carpet fitting business": the business's work is said inside the request for a site.
        if ((OfferedByWhatItIs(source) ?? OfferedByWhatItIs(text)) is { } said)
        {
            // What the owner says the business is comes first: it is what all the rest is part of.
            offerings.InsertRange(0, Items([said], name, place, kind, first: false));
        }

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
        text = BusinessMention.Without(text, name, ",");
        foreach (var clause in Clause().Split(text).Select(c => c.Trim()).Where(c => c.Length > 2))
        {
            index++;
            // "Shadows of York ghost walks — …": what follows the name is what they do; a price ends an item
            // ("wedding cakes from £350, birthday cakes from £45 and cupcakes £2.50 each").
            var unnamed = BusinessMention.Without(clause, name, ",");
            var hasPrice = PriceOrNumber().IsMatch(unnamed);
            var items = Items(ItemSplit().Split(PriceOrNumber().Replace(unnamed, ",")).Select(o => Identity().IsMatch(o) && WithWhat().Match(o) is { Success: true } with ? with.Groups["what"].Value : o), name, place, kind, first: index <= 1).ToList();
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
            else if (items.Count == 1 && (items[0].Contains(' ', StringComparison.Ordinal) || OnOffer().IsMatch(unnamed)) && (index <= 3 || Templates.IsPlural(items[0])))
            {
                // "— guided sea kayak tours along the coast": one thing said on its own, early on; "commissions
                // taken": one word that the owner says is on offer.
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
    /// Lewes", "freelance graphic designer"), not hours, contacts, places or how the work is done ("mobile", "weekly"),
    /// without "available" or "welcome" after them.
    /// </summary>
    private static IEnumerable<string> Items(IEnumerable<string> parts, string name, string? place, string? kind, bool first = true) =>
        parts.Select(o => IAmA().Replace(WeDo().Replace(Bracketed().Replace(o, string.Empty), string.Empty), string.Empty))
            .Select(o => !Article().IsMatch(o) && kind is not null && ForTail().Replace(o, string.Empty).Trim().EndsWith(kind, StringComparison.OrdinalIgnoreCase)
                ? Described("a " + o.Trim(), kind) ?? o : o)
            .Select((o, i) => Article().IsMatch(o) ? Described(o, kind) ?? ((first && i == 0) || IsWhatItIs(o, place, kind) ? o : Article().Replace(o, string.Empty)) : o)
            .Where(o => !o.Contains(name, StringComparison.OrdinalIgnoreCase) && !Identity().IsMatch(o) && !NotAList().IsMatch(ItemEnd().Replace(o, string.Empty)) && !Request().IsMatch(o) && o.Count(char.IsDigit) < 5)
            .Select(o => Clean(Afterthought().Replace(ItemEnd().Replace(LeadingFiller().Replace(o.Trim(), string.Empty), string.Empty), string.Empty)))
            // "tap classes in Omagh every thursday 7pm" is an item once its place and time are cut; "open mon-fri 9-5" is none.
            .Where(o => o is null || !(Hours.NamesADay(o) && (o.Any(char.IsDigit) || OnlyWhen(o))))
            .Select(o => o is null || place is null ? o : Said.Clean(BeforePlace(o, place)))
            .Select(o => o is not null && o.Split(' ').Length > 8 && LongFor().Match(o) is { Success: true } tail ? o[..tail.Index] : o)
            .OfType<string>()
            .Where(o => o.Length is > 2 and <= 70 && o.Split(' ').Length <= 9 && (place is null || !o.Equals(place, StringComparison.OrdinalIgnoreCase)) && !NotOffering().IsMatch(o)
                && !Leftover().IsMatch(o) && (kind is null || !o.EndsWith(kind, StringComparison.OrdinalIgnoreCase))
                && !LanguagesSpoken(o) && !FactReader.IsManner(o))
            .Select(LowerUnlessProper);

    /// <summary>"(translations in French,) English and Spanish": the languages a business works in are a fact, not an offering; "Spanish" taught alone is one.</summary>
    private static bool LanguagesSpoken(string item) =>
        item.Split(' ').Where(w => w is not ("and" or "or" or "&")).ToList() is { Count: >= 2 } words && words.All(FactReader.IsLanguage);

    /// <summary>"(Tampa FL) termite inspections": what is in brackets is an aside, not part of an offering.</summary>
    [GeneratedRegex(@"^\s*\([^)]*\)\s*")]
    private static partial Regex Bracketed();

    /// <summary>"mon-fri evenings" says when, not what ("Saturday volunteer mornings" is an offering).</summary>
    private static bool OnlyWhen(string item) =>
        item.Split([' ', '-', '–', '/'], StringSplitOptions.RemoveEmptyEntries)
            .All(w => Hours.NamesADay(w) || TimesOfDay().IsMatch(w) || w is "and" or "&" or "to" or "til" or "till" or "every" or "only" or "late" or "early");

    [GeneratedRegex(@"\b(?:mornings?|afternoons?|evenings?|nights?|lunchtimes?|weekends?|weekdays?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimesOfDay();

    /// <summary>"we rescue and rehome retired greyhounds": what they do is the offering, not "we".</summary>
    [GeneratedRegex(@"^\s*(?:we|i)\s+(?:also\s+)?(?:do|make|sell|offer|run|grow|bake|brew|cook|fix|repair|rescue|rehome|teach|paint|build|clean|walk|groom|host|hire out|supply|stock|deliver|cater|restore|roast|print|design|plan|organise|organize|sharpen|mend|alter|service|install|fit|lay|tile|plaster|wash|detail|polish|frame|tune|upholster|engrave|carve|weld|forge|decorate|cut|style|colour|color|braid|thread|wax|tattoo|pierce|massage|treat|shoot|film|edit|record|sew|knit|crochet|weave|stitch|embroider|distil|smoke|cure|mill|grind|rent|hire|fix up|look after|care for|specialise in|specialize in|buy)\s+(?:and\s+\w+\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex WeDo();

    /// <summary>"I am a maths and science tutor": what the business is, read as <see cref="Described"/>, after "I am".</summary>
    [GeneratedRegex(@"^\s*(?:i\s+am|i'm|i’m|im|we\s+are|we're|we’re)\s+(?=(?:a|an)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex IAmA();

    /// <summary>"full wedding planning and on-the-day coordination for couples getting married": a long item ends before "for".</summary>
    [GeneratedRegex(@"\s+for\s+.*$")]
    private static partial Regex LongFor();

    /// <summary>"sea fishing trips out of Brixham" is "sea fishing trips"; "Sheffield S3 8UL" is nothing.</summary>
    private static string BeforePlace(string item, string place)
    {
        var at = Regex.Match(item, $@"(?:\s+(?:in|near|around|out of|from|at|of|on|just outside|outside|covering|serving))?\s*(?<!\p{{L}}){Regex.Escape(place)}(?!\p{{L}})", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return at.Success ? item[..at.Index] : item;
    }

    /// <summary>"Sourdough" stays as typed in "Sourdough Bread" only when it is a name; common words go lower case.</summary>
    private static string LowerUnlessProper(string offering) =>
        string.Join(' ', offering.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((w, i) =>
            w.Length > 1 && w.Skip(1).Any(char.IsUpper) ? w
            : FactReader.IsLanguage(w) ? char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()
            : i == 0 || !char.IsUpper(w[0]) ? w.ToLowerInvariant() : w));

    [GeneratedRegex(@"\b(?:sell|sells|selling|offer|offers|offering|specialis(?:e|es|ing)\s+in|specializ(?:e|es|ing)\s+in|serving|serve|serves|make|makes|making|bake|bakes|baking|do|does|doing|provide|provides|providing|teach|teaches|teaching|fix|fixes|fixing|build|builds|building|repair|repairs|repairing|grow|grows|growing|brew|brews|brewing|cook|cooks|cooking|stock|stocks|hire out|rent out|clean|cleans|cleaning|walk|walks|groom|grooms|train|trains|host|hosts|hosting|organise|organises|organize|organizes|design|designs|designing|create|creates|sew|sews|knit|knits|roast|roasts|deliver|delivers|delivering|cater|caters|paint|paints|painting|photograph|photographs|tutor|tutors|coach|coaches|rescue|rescues|rehome|rehomes|restore|restores|restoring|install|installs|installing|supply|supplies|print|prints|stock|stocks|shoot|shoots|shooting|carry|carries|(?:have|has|'ve)\s+got|run|runs|taking)\s+(?!(?:is|are|a|an|by|from|out|it|this|the business|my own)\b)(?<list>[^.!?;:()\n]+)")]
    private static partial Regex Offering();

    [GeneratedRegex(@"\s+(?:" + InNotAfterAVerb + "|for|to|with|since|at|near|around|across|from|" + OnWhere + @"|based|serving|covering|called|named|who|which|that|because|so|every|all|seven|7|open|from|by)\s+.*$|\s*" + Facts.PriceBegins + @"\s?\d.*$|\s+\d+(?:[.,]\d+)?\s*" + Facts.PriceEnds + @".*$|\s*[—–-]\s.*$|\s+(?:from|at|each|only|just)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingPhrase();

    /// <summary>
    /// Words before an item that are not part of it: "perfect for hen dos" offers hen dos; "The" before a capital begins a
    /// name ("The Bunker", a room).
    /// </summary>
    [GeneratedRegex(@"^(?:(?:(?:great|perfect|ideal|brilliant|good)\s+for|some|all|lots of|loads of|plenty of|great|lovely|amazing|the best|really good|good|also|too|things like|stuff like|mainly|mostly|mostly just|just|only|a|an|the(?!\s+(?-i:\p{Lu}))|our|my|your|their|any|every|all kinds of|all sorts of|plus|and|we|i|do|our own|a small|a little|all the classics)\s+)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFiller();

    /// <summary>
    /// Words that are not offerings; "on the day coordination" is one, though it begins like a place ("on Anglesey"), and
    /// so are "cover ups", though "cover most of the Wirral" says where.
    /// </summary>
    [GeneratedRegex(@"^(?:per|a|an|in|near|around|on(?!\s+the\s+day\b)|at|from|for|with|to|by|covers?(?=\s+(?:most|all|much|parts|the|within|up)\b)|covering|serving|based|across|throughout|all over|no|not|incl|including|open(?!\s+(?!(?:on|at|in|from|to|till|until|til|by|for|every|all|most|late|early|now|daily|weekly|seven|7|24|year|weekends?|weekdays?|days?|nights?|mornings?|afternoons?|evenings?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:days?|s)?)\b)\p{L})|closed|season|been|being)(?:\s|\.|$)|\b(?:we|i|you|us|welcome|charge|rate|deposit|fee|fees|minimum|needed)\b|(?-i:\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|^\d+\s+\p{Lu})|^\d+\s*(?:weeks?|hours?|hrs?|h|mins?|minutes?|days?|nights?|months?|years?)?$|\b(?:needed|required|possible)$|^(?:hiya|hi|hello|hey|morning|evening|afternoon|yo|cheers|thanks|metre|meter|yard|kilo|kg|litre|beginners|kids|children|families|dogs|everyone|newcomers|walk-ins|walk ins|bookings|orders|donations|enquiries|workshop|studio|kit|van|unit|premises|home|online|open|closed|open daily|every day|month|week|year|hour|day|night|session|person|company|business|firm|shop|place|store|each|only|available|welcome|included|free|online|sold online|appointments only|by appointment|and more|etc|more|it|this|that|them|a website|a site|the website|the site|website|site|business|everything|anything|stuff|things|a lot|lots|more|you|us|me|people|our best|well|good|what we can|what we do)$|\b(?:website|site)\b" + NotSiteWork, RegexOptions.IgnoreCase)]
    private static partial Regex NotOffering();

    /// <summary>"website localisation", "site clearance": work on websites and sites is an offering, not a request for one.</summary>
    private const string NotSiteWork = @"(?!\s+(?:design|localisation|localization|translation|hosting|builds?|building|development|audits?|copy|copywriting|maintenance|visits?|surveys?|clearance|preparation|management))";

    [GeneratedRegex(@"\b(?:open|opens|closed|call|phone|ring|text|email|e-mail|book|bookings?|hours)\b.*\d|@|\d{1,2}\s*(?:am|pm)\b|\b(?:since|established|based|located|speak|no contract|order by)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotAList();

    /// <summary>
    /// "on" where it starts a place or a time ("on Anglesey", "on weekends", "on request"), not where it says what the
    /// work is on ("gold leaf on glass", "restoration work on listed buildings") or in "on the day coordination".
    /// </summary>
    private const string OnWhere = @"on(?!\s+the\s+day\b)(?!(?-i:\s+(?!(?:the|a|an|my|our|your|their|his|her|its|all|any|every|each|some|most|both|one|two|site|location|locations|request|demand|call|tap|foot|time|offer|sale|display|hand|arrival|board|top|line|air|wheels|budget|holiday|holidays|appointment|weekends?|weekdays?|days?|nights?|mornings?|afternoons?|evenings?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:days?)?|instagram|facebook|etsy|zoom|whatsapp)\b)\p{Ll}[\p{Ll}'-]*(?:\s+\p{Ll}[\p{Ll}'-]*){0,2}\s*(?:[,;]|$)))";

    /// <summary>"in" where it starts a place or a manner ("in Leeds", "in person"), not after a verb it belongs to ("move in cleans", "drop in class").</summary>
    internal const string InNotAfterAVerb = @"(?<!\b(?:move|moving|drop|dropping|check|walk|dine|sleep|plug|lock|log|sign|pop|break|built|fitted|live|stay)\s+)in";

    /// <summary>Where an item ends: at its place, its time or its manner; "boarding for dogs and cats" keeps who it is for.</summary>
    [GeneratedRegex(@"\s+(?:" + InNotAfterAVerb + "|at|near|around|round|across|from|" + OnWhere + @"|based|serving|covering|called|named|who|which|that|because|so|every|all|open|by|while|out to|along|during|once|twice)\s+.*$|\s+(?:weekly|monthly|daily|nightly|upstairs|downstairs)\b.*$|\s*" + Facts.PriceBegins + @"\s?\d.*$|\s*[—–-]\s.*$|\s+(?:from|at|each|only|just)\s*$|\s+for\s+(?:ages?|all|kids|children|adults|beginners|small|busy|local|the|your|everyone|people|families|women|men)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex ItemEnd();

    /// <summary>"open weekends for", "open saturdays and sundays for": when it opens, before what it opens for.</summary>
    [GeneratedRegex(@"\s+open\s+(?:(?:on|at|every|most|all|late|daily|year[- ]round|weekends?|weekdays?|evenings?|mornings?|afternoons?|nights?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:days?|s)?|and|&|to|till|until)\s+)+for\s+(?=\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex OpenFor();

    /// <summary>"gift vouchers available", "bikes for hire", "dogs welcome": words after an item that are not part of it.</summary>
    [GeneratedRegex(@"\s+(?:available|welcome|included|provided|taken|only|on request|too|as well|for hire|to hire)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Afterthought();

    /// <summary>"repairs available", "commissions taken", "bikes for hire (across Kent)": the owner says that what comes before is on offer.</summary>
    [GeneratedRegex(@"\s(?:available|taken|on request|for hire|to hire)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnOffer();

    /// <summary>"in watercolour or ink", "in oils, pastel and charcoal": the media of a painting or drawing.</summary>
    [GeneratedRegex(@"\bin\s+(?<media>" + Medium + @"(?:\s*(?:,|or|and|&|/)\s*" + Medium + @"){0,4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Media();

    private const string Medium = @"(?:watercolou?rs?|acrylics?|oils?|oil\s+paints?|pastels?|charcoal|gouache|graphite|pencil|coloured\s+pencils?|colored\s+pencils?|pen\s+and\s+ink|ink)";

    /// <summary>"The Still Water is a day spa in Bath with thermal pools": what comes with it is offered.</summary>
    [GeneratedRegex(@"\s(?:with|offering|selling|doing|serving|treating|teaching|specialising in|specializing in)\s+(?<what>.+)$")]
    private static partial Regex WithWhat();

    [GeneratedRegex(@"^\s*(?:a|an|i|we|i'm|we're|im|is|are|was)(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Identity();

    /// <summary>
    /// What is left of a sentence naming the business ("the venue is called", "vintage clothing shop"), or of one about
    /// time ("51 weeks a year").
    /// </summary>
    [GeneratedRegex(@"\b(?:called|named|trading as|known as|is|go by|shop|store|boutique|business|company|firm|agency|name|call me|call us|(?:it's|it’s|its)(?:\s+the)?)$|^(?:small|little|tiny|cosy|cozy|home|own|new|friendly)\s+(?:studio|space|place|practice|salon|clinic|workshop)$|\ba (?:year|week|day|month)$|^(?:up to|while|includes?|including)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Leftover();

    [GeneratedRegex(Facts.PriceBegins + @"\s?\d+(?:[.,]\d+)?|\b\d+(?:[.,]\d+)?\s*(?:%|" + Facts.PriceEnds + @")|\bfrom\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PriceOrNumber();

}
