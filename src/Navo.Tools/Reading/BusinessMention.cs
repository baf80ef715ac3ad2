using System.Text.RegularExpressions;

namespace Navo.Tools.Reading;

/// <summary>
/// The business a first message describes, as far as the person said it: its name ("X is a …", "We're X, a …",
/// "a … called X", quoted), its kind in their words ("dog groomer") and its place ("in Leeds", "serving East
/// London"). Whatever was not said stays null: nothing is guessed.
/// </summary>
public static partial class BusinessMention
{
    private static readonly HashSet<string> NotNames = new(
        ["I", "We", "We're", "Hi", "Hello", "Hey", "My", "Our", "The", "This", "It", "Its", "It's", "Please", "Build", "Make", "Create", "New", "Site", "Website", "Need", "Can", "Could", "Yes", "No", "Ok", "Just", "Looking", "Want", "Help", "Setting", "Starting", "Do", "Would", "Hiya", "Morning", "Quick", "Yo", "G'day", "Howdy", "Greetings", "Evening", "Afternoon", "So", "Im", "Ive", "I've", "I'm", "Name", "Been", "Ph",
         // Greetings in other languages open messages written in English too ("Namaste, we are …", "Hallo! We are …").
         "Hallo", "Namaste", "Kia ora", "Bonjour", "Hola", "Ciao", "Salut", "Aloha", "Shalom", "Salaam", "Hej", "Moin", "Servus", "Olá", "Ola", "Heya", "Sup",
         "Howzit", "Jambo", "Habari", "Niaje", "Mambo", "Sawubona", "Kumusta", "Mabuhay", "Vanakkam", "Marhaba", "Salam", "Sannu", "Ekaabo",
         // Forms of address open messages too ("Sir I am running …", "Dear team").
         "Sir", "Madam", "Dear", "Ma", "Welcome", "Aye", "Howya", "Howaya", "Allo", "Shwmae", "Wagwan"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Greetings of other languages that also open names ("Shalom Table Catering", "Aloha Surf Co"): one is a greeting
    /// only where the text sets it off ("Shalom, we are …", "Aloha! …").
    /// </summary>
    private static readonly HashSet<string> NamingGreetings = new(["Namaste", "Bonjour", "Hola", "Ciao", "Salut", "Aloha", "Shalom", "Salaam", "Hej", "Moin", "Servus", "Olá", "Ola"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Generic = new(
        ["business", "shop", "company", "store", "firm", "site", "website", "web site", "page", "other business", "other shop", "brand", "thing",
         "studio", "home studio", "kitchen", "workshop", "unit", "van", "place", "little place", "house", "home", "own business", "practice"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> Fillers = new(["small", "little", "new", "local", "independent", "tiny", "family", "family-run", "friendly", "cosy", "cozy", "own", "other", "second", "another", "brand", "lovely", "busy"], StringComparer.Ordinal);

    public static (string? Name, string? Kind, string? Place) Read(string text) => (Name(text), Kind(text), Place(text));

    /// <summary>The business's name as the text says it, or null: the first of <see cref="Names"/>.</summary>
    public static string? Name(string text) => Names(text).FirstOrDefault();

    /// <summary>
    /// Every name the text may give, most certain first: said outright ("called X", "we're X", quoted), then set off at
    /// the end ("… in the Lakes. Fern &amp; Veil Weddings", "… — Paws &amp; Pastels"), then leading the message ("Golden
    /// Lotus - Chinese takeaway …"). A single word that opens the message ("Family &amp; newborn photographer, …") comes
    /// after any longer name set off later.
    /// </summary>
    public static IEnumerable<string> Names(string text)
    {
        // "• Derwent Valley Spirits⏎• small batch gin …": a list pasted from notes names the business on a line of its own.
        var plain = LineBullet().Replace(text, string.Empty);
        return Candidates(plain).Select(name => WithoutItsPhone(plain, name)).Where(name => !RegionWord().IsMatch(name) && !Season().IsMatch(name) && !HowItIsWritten().IsMatch(name) && !ServesAPlace().IsMatch(name) && !AsksToAct().IsMatch(name) && !SaidAsAPlace(plain, name) && !AThingCalled(plain, name));
    }

    /// <summary>"… Roisin's School of Motoring 086 555 0111": the first digits of a phone number that follows a name are not the name's.</summary>
    private static string WithoutItsPhone(string text, string name) =>
        PhoneStart().Match(name) is { Success: true } digits
        && Regex.IsMatch(text, Regex.Escape(name) + @"[\s-]*\(?\d", RegexOptions.None, TimeSpan.FromSeconds(1))
            ? name[..digits.Index].TrimEnd() : name;

    [GeneratedRegex(@"(?<=\p{L}[\p{L}.'’]*)\s+\+?\(?\d{2,5}\)?$")]
    private static partial Regex PhoneStart();

    /// <summary>
    /// "covering Inverness, Nairn and the Black Isle.", "Greetings from Soufrière, St. Lucia!": words that end a sentence
    /// after the places a business covers (or comes from) and a comma are more places, not its name, wherever they stand.
    /// After "in" they are its name: "Driving school in Limerick, Shannonside School of Motoring."
    /// </summary>
    private static bool SaidAsAPlace(string text, string name) =>
        Regex.Matches(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?=\s*(?:[.!?\n]|$))", RegexOptions.None, TimeSpan.FromSeconds(1)) is { Count: > 0 } ending
        && ending.Count == Regex.Count(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])", RegexOptions.None, TimeSpan.FromSeconds(1))
        && ending.All(m => AfterAPlace().IsMatch(text[..m.Index]));

    /// <summary>"a house espresso blend called Jozi Morning", "boat is called Reel Easy": a thing the business makes or has.</summary>
    private static bool AThingCalled(string text, string name) =>
        Regex.Matches(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}]|\s+\p{{Lu}})", RegexOptions.None, TimeSpan.FromSeconds(1)) is { Count: > 0 } said
        && said.All(m => ThingCalledBefore().IsMatch(text[..m.Index]));

    [GeneratedRegex(@"\b(?i:from|covering|serving|around|across|throughout)\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2},\s*$")]
    private static partial Regex AfterAPlace();

    [GeneratedRegex(@"\b(?i:blend|dish|drink|cocktail|burger|pizza|beer|ale|lager|stout|ipa|gin|whisky|whiskey|wine|sauce|pie|sandwich|special|signature|range|collection|flavour|flavor|scent|bestseller|horse|pony|dog|cat|puppy|mix|breed|shepherd|collie|terrier|spaniel|retriever|goat|cow|sheep|hen|parrot|cheese|soap|candle|roast|loaf|bread|cake|cookie|product|line|mascot|podcast|newsletter|album|song|boat|vessel|yacht)\s+(?:is\s+|'s\s+)?(?i:called|named)\s+[""“']?$")]
    private static partial Regex ThingCalledBefore();

    /// <summary>"May to October", "Mon - Fri": when it is open is not its name.</summary>
    [GeneratedRegex(@"^(?:Jan|January|Feb|February|Mar|March|Apr|April|May|Jun|June|Jul|July|Aug|August|Sep|Sept|September|Oct|October|Nov|November|Dec|December|Mon|Monday|Tue|Tues|Tuesday|Wed|Wednesday|Thu|Thur|Thurs|Thursday|Fri|Friday|Sat|Saturday|Sun|Sunday)\s*(?:to|till|until|through|thru|-|–)\s*\p{L}+$")]
    private static partial Regex Season();

    /// <summary>"brand is all lowercase: 'bloom'": how the name is written is not the name.</summary>
    [GeneratedRegex(@"^(?:all\s+)?(?:in\s+)?(?:lower|small|upper)[\s-]?case\b|^all\s+(?:caps|capitals|lower|small)\b|^(?:in\s+)?(?:small\s+letters|no\s+capitals)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowItIsWritten();

    /// <summary>"Servicing Geelong, the Bellarine and Surf Coast": where the business works, not what it is called.</summary>
    [GeneratedRegex(@"^(?:Servicing|Serving|Covering|Delivering|Based|Located|Operating)\s")]
    private static partial Regex ServesAPlace();

    /// <summary>"Book Your Free Quote", "Call Now": what visitors are asked to do, not a name.</summary>
    [GeneratedRegex(@"^(?:Book|Call|Get|Ring|Order|Visit|Request|Claim|Grab|Your|Our)\s+(?:Your|Our|A|An|Now|Today|Online|Free)\b|^(?:Your|Our)\s+(?:Free|Next|First)\b")]
    private static partial Regex AsksToAct();

    /// <summary>True when the owner asks for the name as typed: "all lower case, please", "no capitals".</summary>
    public static bool KeepsItsCase(string text) => KeepCase().IsMatch(text);

    [GeneratedRegex(@"\b(?:lower[\s-]?case|small\s+letters|no\s+capitals|no\s+caps)\b", RegexOptions.IgnoreCase)]
    private static partial Regex KeepCase();

    /// <summary>"Nakuru County", "Western Province": a region is not a business's name.</summary>
    [GeneratedRegex(@"\s(?:County|Province|State|Region|District|Parish|Prefecture|Governorate)$")]
    private static partial Regex RegionWord();

    [GeneratedRegex(@"^[ \t]*[•*·▪►‣◦][ \t]+", RegexOptions.Multiline)]
    private static partial Regex LineBullet();

    private static IEnumerable<string> Candidates(string text)
    {
        // Each reader, most certain first, and whether the name it finds may be typed in lower case.
        (Regex Reader, bool LowerCase)[] said =
        [
            (CorrectedName(), false), (NameIsTheLine(), true), (CallIt(), true), (ThatsTheName(), false), (LowerCaseThatsTheName(), true),
            (OwnersNameFirst(), true), (MyBusinessIs(), false), (QuotedName(), false), (SingleQuotedName(), false), (CalledName(), false),
            (LowerCaseCalled(), true), (LowerCaseHereFrom(), true), (RunName(), false), (FromName(), false), (HereName(), false),
            (LeadingName(), false), (WereName(), false), (ForName(), false), (SiteFor(), false), (OwnersThingIs(), false), (MyKindName(), false),
            (TheKindName(), false), (SignedName(), false), (OpenedName(), false), (BookName(), false), (SignedAt(), true), (AndSons(), true),
            (LowerCaseFrom(), true), (LowerCaseQuoted(), true), (LowerCaseMyKind(), true),
        ];
        // "hi, I'm Mary, … - Mary O'Brien Podiatry": the one word after "I'm" is the owner's first name, and a name of the
        // business said later wins over it; alone, it is still the best name there is.
        var person = new List<string>();
        // "Two rooms: 'The Alchemist's Cellar' and 'Canal Heist'": names quoted in a list are of things the business has.
        var listed = OpeningQuote().Count(text) > 1;
        foreach (var name in said.Where(r => !(listed && (r.Reader == QuotedName() || r.Reader == SingleQuotedName())))
            .SelectMany(r => Found(r.Reader, text, r.LowerCase).Select(n => r.Reader == MyKindName() ? OneWordInPlace().Replace(n, "$1") : n)))
        {
            if ((!name.Contains(' ', StringComparison.Ordinal) || PersonsName().IsMatch(name)) && IntroducesAPerson(text, name))
            {
                person.Add(name);
                continue;
            }

            yield return name;
        }

        // "Adire Lane — hand dyed fabric": a street's word ends a name that opens the message, set off by a dash.
        var opening = Found(KindThenName(), text, everyClause: true).Concat(Found(OpeningName(), text)).Where(n => !Street().IsMatch(n) || HeadsTheMessage(text, n)).ToList();
        // "(Pharaoh's Tomb, The Heist, Lab 9)": names in brackets are of things the business has, not of it.
        var setOff = Found(DashName(), text).Concat(Found(NameThenPlace(), text, everyClause: true))
            .Concat(Found(Standalone(), Bracketed().Replace(text, m => new string(' ', m.Length)), everyClause: true))
            .Where(n => n.Contains(' ', StringComparison.Ordinal) && !NotAName().IsMatch(n) && !Regions.IsRegion(n) && !Street().IsMatch(n)
                && !(DayOrMonth().Match(n) is { Success: true } day && (day.Index == 0 || n.Any(char.IsDigit))))
            .ToList();
        // "Family-run Italian restaurant in Cork — Trattoria Nonna Rosa": an opening that describes is not the name.
        var order = opening.Count > 0 && opening[0].Contains(' ', StringComparison.Ordinal) && !Fillers.Contains(opening[0].Split(' ')[0].ToLowerInvariant())
            ? opening.Concat(setOff) : setOff.Concat(opening);
        // "Austin TX. … Lone Star Pipe Pros.", "Dr. Ben Walsh, Treasure Valley Chiropractic": a town with its state or a
        // person with a title is set off too, and comes after a name that is neither.
        foreach (var name in order.OrderBy(n => TitledPerson().IsMatch(n) || TownAndRegion().IsMatch(n) ? 1 : 0).Concat(Found(LowerCaseHere(), text, lowerCase: true)).Concat(person))
        {
            yield return name;
        }

        // "… puncture repair, e-bike checks. Spokes2U. christchurch nz": one word on its own, written the way only names are.
        foreach (var name in Found(CoinedWord(), text))
        {
            yield return name;
        }
    }

    /// <summary>
    /// "fade lab - laser tattoo removal in austin tx", "noosa paddle co — kayak and SUP hire": a message that opens with
    /// two to four plain words set off by a dash, before words of a trade (<paramref name="isTradeWord"/>). The opening
    /// words must not themselves say the trade (<paramref name="describes"/>: "dog grooming - mobile, …" is not a name).
    /// Read only when nothing else names the business.
    /// </summary>
    public static string? DashedName(string text, Func<string, bool> isTradeWord, Func<IReadOnlyList<string>, bool> describes)
    {
        var match = DashedOpening().Match(LeadingEmoji().Replace(Greeting().Replace(text, string.Empty), string.Empty));
        if (!match.Success)
        {
            return null;
        }

        var words = match.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var plain = words.Where(w => w is not ("&" or "co" or "the") && !Fillers.Contains(w)).ToList();
        var trade = match.Groups["rest"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4).Any(isTradeWord);
        return trade && plain.Count > 0 && !words.Any(NotInName.Contains) && !Fillers.Contains(words[0]) && !describes(plain) ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex(@"^\s*(?<name>[\p{Ll}\d][\p{Ll}\d'’]*(?:\s+(?:&|[\p{Ll}\d][\p{Ll}\d'’]*)){1,3})\s+[—–-]\s+(?<rest>[^.!?\n]+)")]
    private static partial Regex DashedOpening();

    [GeneratedRegex(@"^\s*(?:\p{So}|\p{Cs}|\uFE0F|\u200D)+\s*")]
    private static partial Regex LeadingEmoji();

    /// <summary>"Bríd O'Sullivan", "Johan van der Merwe", "Rajesh and Savitri Ramdass": words that read as people's names.</summary>
    [GeneratedRegex(@"^\p{Lu}\p{Ll}[\p{Ll}'’-]*(?:\s+(?:(?:and|&)\s+)?(?:(?:van|von|de|der|den|da|di|del|la|le|bin|binti|al)\s+)*(?:O['’]|Mc|Mac)?\p{Lu}\p{Ll}[\p{Ll}'’-]*(?:-\p{Lu}\p{Ll}+)?){1,3}$")]
    private static partial Regex PersonsName();

    private static bool IntroducesAPerson(string text, string word) =>
        Regex.IsMatch(text, $@"\b(?:I'm|I’m|I am|im|my name is|my name's|my name’s|(?:capt|captain|chef|coach|dr|mr|mrs|ms|miss|auntie|aunty|uncle)\.?)\s+{Regex.Escape(word)}\b|(?:^|[,.!?]\s*){Regex.Escape(word)}\s+here\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    /// <summary>
    /// A name typed in lower case with no words saying it is one: "fade street barbers. skin fades, …", "nails by jade
    /// 💅 gel, …", "farrier covering north yorkshire, … tom baines farrier". It is a clause of its own, of two to five
    /// plain words, ending in a trade word (<paramref name="isTrade"/>, or the trade the message opens with) after words
    /// that do more than describe the trade (<paramref name="describes"/>, given the words that are not fillers or
    /// adjectives: "mobile dog grooming" is not a name, "fade street barbers" is), or "…
    /// by" a name. The first clause may be one; a later clause needs two such words ("solo walks" is not a name), and may
    /// end in the trade's work instead (<paramref name="isTradesWork"/>: "clarke &amp; sons plumbing"). Read
    /// only when nothing else names the business: a wrong name is worse than asking for it.
    /// </summary>
    public static string? UnmarkedName(string text, Func<string, bool> isTrade, Func<IReadOnlyList<string>, bool> describes, Func<string, bool>? isTradesWork = null)
    {
        // "clarke & sons plumbing since 1990": when it began is said after the name, not in it.
        var clauses = ClauseEnd().Split(Greeting().Replace(text, string.Empty)).Select(c => SinceAYear().Replace(c, string.Empty).Trim()).Where(c => c.Length > 0).ToList();
        if (clauses.Count == 0)
        {
            return null;
        }

        // "cornerstone masonry. dry stone walls, …", "the bike doctor. …": an opening that is a sentence of its own.
        var sentence = Regex.IsMatch(LeadingEmoji().Replace(Greeting().Replace(text, string.Empty), string.Empty), @"^\s*" + Regex.Escape(clauses[0]) + @"\s*(?:[.!]+|\n|(?:\p{So}|\p{Cs})+)", RegexOptions.None, TimeSpan.FromSeconds(1));

        // "… fault finding. jd electrical 07944 310 276": the words the message ends with, just before its phone number.
        if (SignOffBeforeNumber(clauses[^1], describes) is { } signedOff)
        {
            return signedOff;
        }

        // "taxidermy studio, ruth pemberton taxidermy.": a later clause ending in the trade the message opens with is
        // the name, and the opening only says what the business is.
        var opening = clauses[0].ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var named = Enumerable.Range(1, clauses.Count - 1).Select(i => NameIn(clauses[i], later: true, opening.Contains));
        return named.FirstOrDefault(n => n is not null)
            ?? Enumerable.Range(0, clauses.Count).Select(i => NameIn(clauses[i], later: i > 0, i > 0 || sentence ? TradeOrWork : TradeOrPlural)).FirstOrDefault(n => n is not null);

        // "sweeps" ends a name as "sweep" does.
        bool TradeOrPlural(string word) => isTrade(word) || (word.Length > 3 && word.EndsWith('s') && isTrade(word[..^1]));

        // "… clarke & sons plumbing.": a later clause may end in the trade's work; an opening one ("interior & exterior
        // painting") says what the business does.
        bool TradeOrWork(string word) =>
            TradeOrPlural(word) || isTradesWork?.Invoke(word) == true || (word.EndsWith('s') && isTradesWork?.Invoke(word[..^1]) == true);

        string? NameIn(string clause, bool later, Func<string, bool> endsInTrade)
        {
            // "we're butter lane café": the name follows "we're"; "we're two blokes & a truck": words joined by "&"
            // after it are one, articles and all ("we're mum & daughter" are people, "fully insured & dbs checked" describes).
            var said = WeAre().Match(clause);
            clause = clause[said.Length..];
            var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (said.Success || !later)
            {
                words = UpToTheTrade(words, said.Success, endsInTrade);
                clause = string.Join(' ', words);
            }

            // "… cheap rates. 2 lads & a van": the last clause, of words joined by "& a", is a name without "we're" too.
            var last = later && clause == clauses[^1] && AndA().IsMatch(clause);
            if ((said.Success || last) && words.Length is >= 3 and <= 6 && Array.IndexOf(words, "&", 1) is > 0 and var and && and < words.Length - 1
                && words.All(w => PlainWord().IsMatch(w) || (last && w.All(char.IsDigit))) && !NotInName.Contains(words[0]) && !Fillers.Contains(words[0])
                && words.All(w => w is "&" or "a" or "an" or "the" or "and" || (!NotInName.Contains(w) && !Described().IsMatch(w)))
                && !words.All(w => w is "&" or "a" or "an" or "the" or "and" or "me" || People.Contains(w)))
            {
                return clause;
            }

            if (words.Length is < 2 or > 5 || !words.All(w => PlainWord().IsMatch(w)) || words.Any(w => NotInName.Contains(w.ToLowerInvariant())))
            {
                return null;
            }

            var by = Array.FindIndex(words, w => w.Equals("by", StringComparison.OrdinalIgnoreCase));
            if (by > 0)
            {
                return words.Length - by is 2 or 3 && !NotBy.Contains(words[by + 1].ToLowerInvariant()) ? clause : null;
            }

            // "beehive plumbing & drain": a name may end in "&" and a word after its trade word.
            var tradeAt = endsInTrade(words[^1].ToLowerInvariant()) || (words.Length >= 3 && words[^1] is "co" or "company" or "ltd") ? words.Length - 1
                : words.Length >= 4 && words[^2] == "&" && endsInTrade(words[^3].ToLowerInvariant()) ? words.Length - 3 : -1;
            var rest = words[..^1].Where(w => w is not ("the" or "&" or "co")).ToList();
            // "cheap plumber leeds": words that sell the trade say nothing of whose it is.
            var plain = rest.Where(w => !Fillers.Contains(w.ToLowerInvariant()) && !SalesTalk.Contains(w.ToLowerInvariant()) && (Initial().IsMatch(w) || !Adjective().IsMatch(w))).Select(w => w.ToLowerInvariant()).ToList();
            // "sparkle & co cleaning", "j.walsh decorating": "& co" or a person's initial says a name, so one word before the trade will do.
            var marked = AndCo().IsMatch(clause) || words.Any(w => Initial().IsMatch(w));
            // "clarke & sons plumbing", "o'neill's roofing": a name ending in the trade's work says whose it is ("interior &
            // exterior painting" says what is done).
            // A name set off by a dash says so itself: "emergency plumber salt lake city - beehive plumbing & drain".
            var whose = marked || words.Any(w => w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal) || People.Contains(w) || Surname().IsMatch(w))
                || Regex.IsMatch(text, @"\s[-–—]\s+" + Regex.Escape(clause) + @"(?:\s*[.!,\n]|$)", RegexOptions.None, TimeSpan.FromSeconds(1));
            var byItsWork = tradeAt > 0 && !TradeOrPlural(words[tradeAt].ToLowerInvariant());
            // "the bike doctor. mobile bike repairs …": an opening sentence of its own that starts with "the" is named, not described.
            var titled = !later && sentence && words[0] == "the" && words.Length >= 3;
            return tradeAt > 0 && rest.Count >= (later && !marked ? 2 : 1) && (titled || !describes(plain)) && (!byItsWork || whose) ? clause : null;
        }
    }

    /// <summary>
    /// "tidewater brewing co portland me. taproom …", "dave's van &amp; man cardiff. house moves …", "bless up 🌺 tropical
    /// blooms florist kingston.": a message that opens, in lower case, with two to five plain words and then the place
    /// the business is (<paramref name="place"/>, as read) names the business with those words, when one of them is a
    /// trade's (<paramref name="isTrade"/>) and they do more than say the trade (<paramref name="describes"/>: "mobile
    /// dog grooming glasgow" is no name). Read only when nothing else names the business.
    /// </summary>
    public static string? NameBeforeItsPlace(string text, string? place, Func<string, bool> isTrade, Func<IReadOnlyList<string>, bool> describes)
    {
        if (place is null)
        {
            return null;
        }

        var town = place.Split(',')[0].Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "hi im tunde. tunde's barbing salon ikeja lagos": the name may open the second clause, after a word about the writer.
        return ClauseEnd().Split(Greeting().Replace(text, string.Empty)).Select(c => c.Trim()).Where(c => c.Length > 0).Take(2)
            .Select(clause => BeforeTheTown(clause.Split(' ', StringSplitOptions.RemoveEmptyEntries))).FirstOrDefault(n => n is not null);

        string? BeforeTheTown(string[] words)
        {
            var at = Enumerable.Range(2, Math.Max(0, Math.Min(5, words.Length - town.Length) - 1))
                .FirstOrDefault(i => words.Skip(i).Take(town.Length).Select(w => w.ToLowerInvariant()).SequenceEqual(town));
            if (at == 0)
            {
                return null;
            }

            var name = words[..at];
            // "cheap plumber cardiff" sells; "tidewater brewing co" names: a word that is no trade's, filler or sales talk.
            var own = name.Where(w => !Connectors.Contains(w) && !Fillers.Contains(w) && !SalesTalk.Contains(w) && w is not ("co" or "cc" or "ltd"))
                .Where(w => !isTrade(w) && !(w.EndsWith('s') && isTrade(w[..^1]))).ToList();
            return name.All(w => PlainWord().IsMatch(w)) && !Connectors.Contains(name[0]) && !Fillers.Contains(name[0])
                && !name.Any(w => NotInName.Contains(w) && !Connectors.Contains(w))
                && name.Any(w => isTrade(w) || (w.Length > 3 && w.EndsWith('s') && isTrade(w[..^1]))) && own.Count >= 1 && !describes(own)
                ? string.Join(' ', name) : null;
        }
    }

    /// <summary>
    /// A name typed all in lower case, written as a name is: "dave's van &amp; man" is "Dave's Van &amp; Man", "oadby owls cc"
    /// "Oadby Owls CC", "jose's fix-it" "Jose's Fix-It". A name with any capital is kept as typed ("sugarcrust by Funmi").
    /// </summary>
    public static string AsWritten(string name)
    {
        if (name.Any(char.IsUpper))
        {
            return name;
        }

        var words = name.Split(' ');
        return string.Join(' ', words.Select((word, i) =>
            i > 0 && i < words.Length - 1 && LowerInNames.Contains(word) ? word
            : word.Length is >= 2 and <= 3 && !TitleCased.Contains(word) && word.All(c => c is >= 'a' and <= 'z' && !"aeiouy".Contains(c)) ? word.ToUpperInvariant()
            : Regex.Replace(word, @"(?<![\p{L}'’])\p{Ll}", m => m.Value.ToUpperInvariant(), RegexOptions.None, TimeSpan.FromSeconds(1))));
    }

    /// <summary>Short words without a vowel that are written as words, not as initials ("Mr Fix", "St Ives").</summary>
    private static readonly HashSet<string> TitleCased = new(["mr", "mrs", "ms", "dr", "st", "mt", "ft", "ltd", "nr"], StringComparer.Ordinal);

    private static readonly HashSet<string> LowerInNames = new(["and", "of", "the", "n", "a", "an", "on", "by", "for", "at", "in", "de", "la", "da", "du"], StringComparer.Ordinal);

    [GeneratedRegex(@"\s+(?:since|est\.?|established|estd\.?)\s+(?:in\s+)?(?:19|20)\d\d$")]
    private static partial Regex SinceAYear();

    /// <summary>Words that sell a trade rather than name a business: "cheap plumber", "best barber".</summary>
    private static readonly HashSet<string> SalesTalk = new(
        ["cheap", "cheapest", "best", "affordable", "reliable", "professional", "quality", "top", "expert", "trusted", "certified", "licensed",
         "insured", "fast", "quick", "emergency", "mobile", "experienced", "qualified", "good", "great", "friendly", "domestic", "commercial"],
        StringComparer.Ordinal);

    /// <summary>
    /// "… ev chargers fault finding. jd electrical 07944 310 276", "… machine polish. shine on valeting 07456 882 130": two to
    /// five plain words closing the message just before a phone number are its name, when they are not a sentence, a
    /// way to get in touch ("ring dave", "text me") or the trade itself (<paramref name="describes"/>).
    /// </summary>
    private static string? SignOffBeforeNumber(string clause, Func<IReadOnlyList<string>, bool> describes)
    {
        var match = BeforeNumber().Match(clause);
        if (!match.Success || clause.Any(char.IsUpper))
        {
            return null;
        }

        var words = match.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var plain = words.Where(w => !Connectors.Contains(w) && !Fillers.Contains(w)).ToList();
        return words.All(w => PlainWord().IsMatch(w)) && !words.Any(w => NotInName.Contains(w) && !Connectors.Contains(w)) && !words.Any(ToGetInTouch.Contains)
            && !Connectors.Contains(words[0]) && plain.Count >= 2 && !describes(plain)
            ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex(@"^(?<name>\p{Ll}[\p{Ll}'’&-]*(?:\s+(?:&|[\p{Ll}][\p{Ll}\d'’&-]*)){1,4})\s+\+?\(?\d[\d ()-]{6,}\d\s*$")]
    private static partial Regex BeforeNumber();

    private static readonly HashSet<string> Connectors = new(["on", "n", "and", "&", "the", "of", "a"], StringComparer.Ordinal);

    private static readonly HashSet<string> ToGetInTouch = new(
        ["ring", "phone", "ph", "tel", "mob", "cell", "whatsapp", "txt", "contact", "dm", "msg", "message", "enquiries", "bookings", "booking", "info", "number", "no", "pls", "plz", "free", "quote", "quotes", "estimate", "estimates", "today", "anytime", "appointments", "appointment", "callout", "emergency", "hours", "24/7"],
        StringComparer.Ordinal);

    /// <summary>
    /// "i run sootbusters chimney sweeps in harrogate", "we're top notch tree services brisbane north side", "fade factory
    /// barbers peckham": after words that say a name comes (<paramref name="said"/>), the name ends where its place
    /// begins ("in", "near", …); after them or opening the message, it ends at its trade word, and the one to three plain
    /// words after that say where it is.
    /// </summary>
    private static string[] UpToTheTrade(string[] words, bool said, Func<string, bool> isTrade)
    {
        var where = said && words.Length > 2 ? Array.FindIndex(words, 2, w => PlaceWordsAfterName.Contains(w.ToLowerInvariant())) : -1;
        words = where > 0 ? words[..where] : words;
        if (words.Length < 3 || isTrade(words[^1].ToLowerInvariant()))
        {
            return words;
        }

        for (var at = Math.Min(4, words.Length - 2); at >= 1; at--)
        {
            var after = words[(at + 1)..];
            if (isTrade(words[at].ToLowerInvariant()) && after.Length <= 3 && after.All(w => PlainWord().IsMatch(w) && w != "&" && !isTrade(w) && !NotInName.Contains(w)))
            {
                return words[..(at + 1)];
            }
        }

        return words;
    }

    private static readonly HashSet<string> PlaceWordsAfterName = new(["in", "near", "based", "serving", "covering", "around", "across", "from"], StringComparer.Ordinal);

    /// <summary>
    /// "Piano and singing lessons for all ages with Clara Lindqvist Music", "Alpaca walks at Windy Ridge Alpacas near
    /// Kelowna": a name after "with" or "at", of two words or more ending in a word of the trades (<paramref name="isTrade"/>),
    /// so "with Sarah" or "with Farrow and Ball" is not one. Read only when nothing else names the business.
    /// </summary>
    public static string? WithName(string text, Func<string, bool> isTrade) =>
        Found(With(), text).FirstOrDefault(n => n.Split(' ') is { Length: >= 2 } words && isTrade(words[^1].ToLowerInvariant()));

    [GeneratedRegex(@"\b(?:with|at)\s+(?<name>" + NameWords + ")")]
    private static partial Regex With();

    /// <summary>Words that make a clause a sentence or a list rather than a name.</summary>
    private static readonly HashSet<string> NotInName = new(
        ["i", "we", "you", "me", "us", "our", "my", "your", "their", "it", "is", "are", "was", "be", "do", "does", "in", "on", "at", "for", "with",
         "from", "to", "covering", "serving", "based", "near", "around", "and", "or", "a", "an", "no", "not", "all", "every", "open", "call", "book",
         "text", "email", "just", "also", "too", "pls", "please", "need", "want", "site", "website", "welcome", "available", "only", "need", "needed",
         "hi", "hello", "hey", "thanks", "cheers", "new", "now", "here", "there", "this", "that", "some", "any", "more", "very"],
        StringComparer.Ordinal);

    /// <summary>People, not a business: "we're mum &amp; daughter", "we're husband &amp; wife".</summary>
    private static readonly HashSet<string> People = new(
        ["mum", "mom", "dad", "daughter", "daughters", "son", "sons", "sister", "sisters", "brother", "brothers", "husband", "wife", "partner",
         "partners", "friend", "friends", "couple", "family", "team", "two", "three", "four", "mother", "father", "twins", "mates", "i"],
        StringComparer.Ordinal);

    [GeneratedRegex(@"^(?:we're|we’re|we are|were|this is|i run|we run|i own|we own)\s+")]
    private static partial Regex WeAre();

    /// <summary>"by appointment", "by hand": not a name after "by".</summary>
    private static readonly HashSet<string> NotBy = new(
        ["appointment", "appointments", "hand", "request", "the", "a", "phone", "post", "email", "car", "foot", "bike", "road", "sea", "day", "night", "arrangement"],
        StringComparer.Ordinal);

    [GeneratedRegex(@"(?:[.!?;,:](?=\s|$)|\n|[—–]|\s-\s|\p{So}|\p{Cs})+")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"^[\p{Ll}](?:[\p{Ll}\p{N}'’&-]|\.(?=\p{Ll}))*$|^&$")]
    private static partial Regex PlainWord();

    [GeneratedRegex(@"\s(?:&|and)\s(?:a|an|the)\s\p{Ll}")]
    private static partial Regex AndA();

    [GeneratedRegex(@"\s(?:&|and)\sco\b")]
    private static partial Regex AndCo();

    /// <summary>"o'brien", "d'souza": a family's name, which says whose a business is.</summary>
    [GeneratedRegex(@"^\p{Ll}['’]\p{Ll}{3,}$")]
    private static partial Regex Surname();

    /// <summary>"j.walsh": a person's initial and surname.</summary>
    [GeneratedRegex(@"^\p{Ll}\.\p{Ll}{2,}$")]
    private static partial Regex Initial();

    /// <summary>The words a message opens with to greet, in English and other languages, as a pattern's alternatives.</summary>
    public const string GreetingWords = @"hi+|hello|helo|hey+|hiya|howya|howaya|aye|allo|shwmae|wagwan|yo|morning|evening|afternoon|g'day|gday|howdy|hallo|namaste|kia\s+ora|bonjour|hola|ciao|aloha|heya|howzit|jambo|habari|niaje|mambo|sawubona|kumusta|mabuhay|vanakkam|marhaba|salam|good\s+(?:morning|afternoon|evening|day)";

    [GeneratedRegex(@"^\s*(?:" + GreetingWords + @")\b(?:\s+(?:there|all|everyone|po|guys|folks))?\s*[,!.]*\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    /// <summary>"fully insured &amp; dbs checked": words that say how a business is, not what it is called.</summary>
    [GeneratedRegex(@"(?:ly|ed)$")]
    private static partial Regex Described();

    /// <summary>Words that describe rather than name: "vegan", "professional", "wedding", "handmade".</summary>
    [GeneratedRegex(@"(?:al|ic|ive|ous|ful|ese|ish|an|ed|ing|ly|less|able)$")]
    private static partial Regex Adjective();

    /// <summary>
    /// The names <paramref name="pattern"/> finds. A name ends with its line and its sentence ("We're Hollow Oak
    /// Pottery⏎2 wheels and a kiln …"); where the pattern reads clauses (<paramref name="everyClause"/>), each line and
    /// sentence it ran over is read on its own too ("mobile notary, Tucson AZ. Desert Seal Mobile Notary.").
    /// </summary>
    private static IEnumerable<string> Found(Regex pattern, string text, bool lowerCase = false, bool everyClause = false) =>
        pattern.Matches(text)
            .SelectMany(m => WithinItsRun(m.Groups["name"], text).Trim().Split('\n').Take(everyClause ? int.MaxValue : 1)
                .SelectMany(line => SentenceBreak().Split(Pronoun().Replace(line.Trim(), string.Empty)).Take(everyClause ? int.MaxValue : 1)))
            // "Piano and singing lessons …": a single word before "and" is not a name.
            .Where(raw => !(TrailingConnector().IsMatch(raw) && !Tidy(raw).Contains(' ', StringComparison.Ordinal)))
            .Select(raw => WithAbbreviation(Tidy(raw), text))
            // "my HGV training school": a short word in capitals is an abbreviation, not a name.
            .Where(name => name.Length > 1 && !(name.Length <= 4 && name.All(char.IsUpper)) && Weekday().Count(name) <= 1 && (lowerCase || char.IsUpper(name[0]) || char.IsDigit(name[0])) && !NotNames.Contains(name) && !Whereabouts().IsMatch(name)
                && name.Any(char.IsLetter) && !NumberFirst().IsMatch(name)
                && name.Split(' ', '/')[0] is var first && (first.Equals("The", StringComparison.OrdinalIgnoreCase) || !NotNames.Contains(first) || OpensAName(text, first)));

    /// <summary>
    /// "we run Bells Break Surf Academy on the Surf Coast in Torquay": a name that stops inside a run of capitalised
    /// words has run on into the place after it, and ends before "on", "in" or "at" ("on the Surf" is not the name's).
    /// </summary>
    private static string WithinItsRun(Group name, string text)
    {
        if (!RunGoesOn().IsMatch(text[(name.Index + name.Length)..]))
        {
            return name.Value;
        }

        var at = PlaceInRun().Matches(name.Value).LastOrDefault(m => name.Value[..m.Index].Contains(' ', StringComparison.Ordinal));
        return at is null ? name.Value : name.Value[..at.Index];
    }

    [GeneratedRegex(@"^[ \t]+\p{Lu}\p{Ll}")]
    private static partial Regex RunGoesOn();

    [GeneratedRegex(@"\s(?:on|in|at)\s(?:the\s)?\p{Lu}")]
    private static partial Regex PlaceInRun();

    private static bool HeadsTheMessage(string text, string name) =>
        Regex.IsMatch(text, @"^\s*" + Regex.Escape(name) + @"\s*(?:[—–:|]|\s-\s)", RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>"Shalom Table Catering - we cater …": a greeting not set off by punctuation is the first word of a name.</summary>
    private static bool OpensAName(string text, string first) =>
        NamingGreetings.Contains(first)
        && !Regex.IsMatch(text, $@"\b{Regex.Escape(first)}\s*[,!./\n]", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    /// <summary>
    /// "Three Hares Brewing Co. is a brewery": the full stop after "Co" is the name's, not the sentence's; after "Ltd" it
    /// is the name's only where the sentence goes on ("Summit Roofing Ltd." ends one).
    /// </summary>
    private static string WithAbbreviation(string name, string text) =>
        AbbreviationWithoutStop().IsMatch(name)
            && Regex.IsMatch(text, Regex.Escape(name) + (name.EndsWith("Co", StringComparison.OrdinalIgnoreCase) ? @"\." : @"\.\s+\p{Ll}"), RegexOptions.None, TimeSpan.FromSeconds(1))
            ? name + "." : name;

    /// <summary>
    /// A name without what cannot end one: "Ever After Events and" (… and i plan weddings) loses "and"; "Sharp &amp; Co
    /// Barbers on Anglesey" and "The Plough Inn at Little Haddon" lose the place after "on", "in" or "at", where a name of
    /// two words or more comes before it ("Keys in Tune" keeps its "in").
    /// </summary>
    private static string Tidy(string name)
    {
        // "Kirk Electrical Ltd 07700 900461", "$2,400. Saltbox Boatworks": a phone number after the name and the end
        // of a number before it are not the name's.
        var numbers = NumberAround().Replace(name.Trim(), m => m.Index == 0 || m.Value.Count(char.IsDigit) >= 6 ? string.Empty : m.Value);
        var trimmed = BookFirst().Replace(CalledFirst().Replace(numbers.TrimEnd(',', '!', ':', '?'), string.Empty), string.Empty);
        trimmed = Abbreviation().IsMatch(trimmed) ? trimmed : trimmed.TrimEnd('.');
        var tidy = TrailingConnector().Replace(trimmed, string.Empty);
        tidy = OnAStreet().Replace(tidy, string.Empty);
        var at = OnPlace().Matches(tidy).FirstOrDefault(m => tidy[..m.Index].Contains(' ', StringComparison.Ordinal));
        return at is null ? tidy : tidy[..at.Index];
    }

    /// <summary><paramref name="text"/> with <paramref name="name"/> replaced where it stands as whole words ("a" in "I'm a …" is not the name "a").</summary>
    public static string Without(string text, string name, string replacement) =>
        Regex.Replace(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])", replacement.Replace("$", "$$", StringComparison.Ordinal), RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    public static string? Kind(string text)
    {
        foreach (Match kind in KindPhrase().Matches(text))
        {
            var said = kind.Groups["kind"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .TakeWhile((w, i) => i == 0 || !char.IsUpper(w[0]))
                .Select(w => w.ToLowerInvariant())
                .SkipWhile(Fillers.Contains)
                .ToList();
            if (said.Count is > 0 and <= 4 && !Generic.Contains(string.Join(' ', said)))
            {
                return string.Join(' ', said);
            }
        }

        var match = KindWords().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var words = match.Groups["kind"].Value.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(Fillers.Contains).ToList();
        return words.Count == 0 || words.Count > 4 || Generic.Contains(string.Join(' ', words)) ? null : string.Join(' ', words);
    }

    public static string? Place(string text) => Place(text, Name(text));

    /// <summary>The place, read where the <paramref name="name"/> already found is not.</summary>
    public static string? Place(string text, string? name)
    {
        // "Deptford Vinyl is a record shop in Deptford": the place is read where the name is not.
        var rest = name is null ? text : Without(text, name, new string(' ', name.Length));
        var place = (name is null ? null : NextToName(text, name)) ?? TownOrArea(rest);
        return place is null ? null : Towns.Expanded(Regions.WithRegion(rest, WithTown(rest, place)));
    }

    /// <summary>
    /// "in Lajpat Nagar, Delhi.", "in Triana, Sevilla –", "on Lake of the Woods, Kenora.": a district or a landmark, and
    /// after a comma the town it is in, ending the clause: the place is both.
    /// </summary>
    private static string WithTown(string text, string place)
    {
        var match = Regex.Match(
            text,
            @"(?<![\p{L}\p{N}])" + Regex.Escape(place) + @",\s*(?<town>\p{Lu}\p{Ll}[\p{L}'’-]+(?:\s+\p{Lu}\p{Ll}[\p{L}'’-]+)?)\s*(?=[.!?;\n—–]|$|\s-\s|\p{So}|\p{Cs}|\s(?:since|for\s+(?:over\s+)?\d|from\s+\d)\b)",
            RegexOptions.None,
            TimeSpan.FromSeconds(1));
        var town = match.Groups["town"].Value;
        if (match.Success && !NotNames.Contains(town.Split(' ')[0]) && !NotPlaces().IsMatch(town) && !NotAName().IsMatch(town)
            && !NotNextToName().IsMatch(town) && !DayOrMonth().IsMatch(town) && !Regions.IsRegion(town) && !Street().IsMatch(" " + town))
        {
            return $"{place}, {town}";
        }

        // "at Bangsar, KL.", "in brunswick, melb.", "halswell, chch, cover all of Canterbury": a town Navo knows by name
        // or by its short form, in any case.
        var known = Regex.Match(text, @"(?<![\p{L}\p{N}])" + Regex.Escape(place) + @"(?:,\s*|\s+(?=\p{Ll}))(?<town>[\p{L}'’]+(?:\s+[\p{L}'’]+)?)\.?\s*(?=[,.!?;\n—–]|$|\s-\s|\p{So}|\p{Cs})", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return known.Success && Towns.Knows(known.Groups["town"].Value) ? $"{place}, {Titled(known.Groups["town"].Value)}" : place;
    }

    /// <summary>
    /// "Inkwell &amp; Nib, Bath. workshops £55", "Vishandel Van der Velde, Scheveningen. Fresh fish … from the auction in
    /// IJmuiden", "DJ Soca Storm 🎶 Port of Spain.": a town set off right after the name, in a clause of its own, is where
    /// the business is; after a name typed in lower case, so is a town typed so ("ravi's cobbler shop, mississauga.").
    /// </summary>
    private static string? NextToName(string text, string name)
    {
        var match = Regex.Match(
            text,
            @"(?<![\p{L}\p{N}])" + Regex.Escape(name) + @"\s*(?:,|(?:\p{So}|\p{Cs})+)\s*(?<place>(?:Co\.?\s+|County\s+)?\p{Lu}[\p{L}'’-]+(?:\s+(?:of\s+|de\s+)?\p{Lu}[\p{L}'’-]+)?)\s*(?=[,.!?;\n—–]|$|\s-\s|\s\p{Lu}{2,3}\b)",
            RegexOptions.None,
            TimeSpan.FromSeconds(1));
        var place = match.Groups["place"].Value;
        var town = CountyFirst().Replace(place, string.Empty);
        return match.Success && !NotNames.Contains(town.Split(' ')[0]) && !Fillers.Contains(place.Split(' ')[0].ToLowerInvariant())
            && !NotPlaces().IsMatch(town) && !NotAName().IsMatch(town) && !NotNextToName().IsMatch(town)
            ? place : LowerCaseNextToName(text, name);
    }

    private static string? LowerCaseNextToName(string text, string name)
    {
        var match = Regex.Match(
            text,
            @"(?<![\p{L}\p{N}])" + Regex.Escape(name) + @"(?:\s*,\s*|\s+)(?<place>[a-z][a-z'-]{3,}(?:\s+[a-z][a-z'-]{3,}){0,2})\s*(?=[,.!?;\n—–]|$|\s-\s|\p{So}|\p{Cs})",
            RegexOptions.None,
            TimeSpan.FromSeconds(1));
        var place = match.Groups["place"].Value;
        return match.Success && !name.Any(char.IsUpper) && place.Split(' ') is var words
            && words.All(w => !NotInName.Contains(w) && !Adjective().IsMatch(w)) && !NotLowerPlaces.Contains(words[0]) && !Fillers.Contains(words[0])
            ? Titled(place) : null;
    }

    [GeneratedRegex(@"^(?:Co\.?\s+|County\s+)")]
    private static partial Regex CountyFirst();

    /// <summary>"FixIt Mobile @ Tampines Hub", "we come to u, Geelong &amp; surrounds".</summary>
    [GeneratedRegex(@"@\s*(?<place>\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?)|(?<=\s)@\s+(?<place>\p{Ll}{3,})(?=\s+\p{Ll}+\s*[,.!?\n]|\s*[,.!?\n])|(?<place>\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?)\s+(?:&|and)\s+(?:the\s+)?(?:surrounds|surrounding\s+(?:areas?|suburbs|towns|villages)|suburbs)\b")]
    private static partial Regex AtOrAround();

    /// <summary>What may follow a name after a comma without being a place: "Est. 2004", "Ltd", "Family run".</summary>
    [GeneratedRegex(@"^(?:Est|Estd|Established|Since|Ltd|Inc|LLC|Co|Family|Mobile|Professional|Qualified|Registered|Fully|Licensed|Insured|Specialist|Specialists|Expert|Experts|Award|Handmade|Bespoke|Local|Independent|Eco|Vegan|Organic|Fine|Fresh|Traditional|Modern|Classic|Vintage|Luxury|Affordable|Friendly)\b")]
    private static partial Regex NotNextToName();

    private static string? TownOrArea(string rest)
    {
        // "a thatcher in Dorset … based in Dorchester": where the business is based is more exact than where it works.
        // "on Castle Street shrewsbury": the town after a street is the place, not the street ("on High Street only" has none).
        var town = StreetThenTown().Matches(rest).Select(m => m.Groups["place"].Value)
            .FirstOrDefault(t => !NotLowerPlaces.Contains(t.ToLowerInvariant()) && !NotPlaces().IsMatch(t) && !NotTowns().IsMatch(t));
        if (Titled(town) is { } onAStreet)
        {
            return onAStreet;
        }

        var said = PlaceWords().Matches(rest).OrderBy(m => Based().IsMatch(m.Value) ? 0 : 1)
            .Concat(PlaceBefore().Matches(rest)).Concat(TownOfAddress().Matches(rest)).Concat(PlaceAfterName().Matches(rest)).Concat(AtOrAround().Matches(rest))
            // "Hello from Vermont! … hives outside Middlebury": where a greeting comes from is wider than where the business is.
            .OrderBy(m => GreetedFrom().IsMatch(rest[..m.Index]) ? 1 : 0)
            .Select(m => m.Groups["place"].Value.Trim())
            .Select(p => PlaceTail().Replace(p.EndsWith("'s", StringComparison.Ordinal) || p.EndsWith("’s", StringComparison.Ordinal) ? p[..^2] : p, string.Empty))
            .FirstOrDefault(p => !NotPlaces().IsMatch(p) && !NotNames.Contains(p));
        return Titled(said)
            ?? Titled(Regions.TownBefore(rest))
            ?? DistrictOfATown(rest)
            ?? LowerCasePlace(rest)
            ?? Towns.First(rest);
    }

    /// <summary>
    /// "cafe in dunedin", "covering north yorkshire": a place typed in lower case, where it ends a clause and is not a
    /// common word ("in person", "in my kitchen", "in season"). Written with capitals.
    /// </summary>
    private static string? LowerCasePlace(string text)
    {
        var found = LowerPlace().Matches(text).Concat(PlacesClause().Matches(text)).Select(m => m.Groups["place"].Value)
            .Select(p => (Place: p, Core: Compass().Replace(p, string.Empty)))
            .FirstOrDefault(p => !NotLowerPlaces.Contains(p.Core.Split(' ')[0]) && !NotLowerPlaces.Contains(p.Core)).Place;
        return Titled(found);
    }

    /// <summary>"brunch spot in ponsonby auckland, …": a district typed in lower case, then a town Navo knows.</summary>
    private static string? DistrictOfATown(string text) =>
        DistrictThenTown().Matches(text)
            .Where(m => Towns.Knows(m.Groups["town"].Value) && !NotLowerPlaces.Contains(m.Groups["district"].Value) && !Towns.Knows(m.Groups["district"].Value + " " + m.Groups["town"].Value))
            .Select(m => $"{Titled(m.Groups["district"].Value)}, {Titled(Towns.Expanded(m.Groups["town"].Value))}")
            .FirstOrDefault();

    [GeneratedRegex(@"\b(?:in|at|near|based\s+in)\s+(?<district>[a-z][a-z'-]{2,})\s+(?<town>[a-z][a-z'-]{2,}(?:\s+[a-z][a-z'-]{2,})?)(?=\s*(?:[,.!?;\n—–]|$|\p{So}|\p{Cs}))")]
    private static partial Regex DistrictThenTown();

    /// <summary>"halifax" is written "Halifax", "wigan and west lancashire" "Wigan and West Lancashire"; "McAllen" stays as typed.</summary>
    private static string? Titled(string? place) =>
        place is null || place.Any(char.IsUpper) ? place
            : System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(place).Replace(" And ", " and ", StringComparison.Ordinal);

    [GeneratedRegex(@"(?:^|[.!?\n]\s*)(?i:" + GreetingWords + @"|greetings|regards|love|cheers)\s*(?:(?i:all|everyone|everybody|folks)\s+)?$")]
    private static partial Regex GreetedFrom();

    [GeneratedRegex(@"^(?:north|south|east|west|central)\s+")]
    private static partial Regex Compass();

    /// <summary>"… free quotes. leeds and north yorkshire.": a clause of two places, one with its compass point, is where the business works.</summary>
    [GeneratedRegex(@"(?:^|[.!?;,\n]\s*)(?<place>(?:(?:north|south|east|west|central)\s+)?[a-z][a-z'-]{2,}\s+(?:and|&)\s+(?:north|south|east|west|central)\s+[a-z][a-z'-]{2,}|(?:north|south|east|west|central)\s+[a-z][a-z'-]{2,}\s+(?:and|&)\s+[a-z][a-z'-]{2,})(?=\s*(?:[.!?;,\n]|$|\p{So}|\p{Cs}))")]
    private static partial Regex PlacesClause();

    private static readonly HashSet<string> NotLowerPlaces = new(
        ["person", "store", "season", "summer", "winter", "spring", "autumn", "town", "the", "my", "our", "your", "a", "an", "house", "home", "kitchen",
         "garden", "studio", "shop", "van", "advance", "stock", "touch", "total", "general", "particular", "business", "time", "bulk", "print",
         "private", "public", "school", "term", "hours", "evenings", "mornings", "weekends", "london?", "progress", "demand", "between", "law",
         "cash", "full", "half", "case", "addition", "fact", "all", "any", "every", "each", "one", "two", "three", "pairs", "groups", "person.",
         "north", "south", "east", "west", "central", "village", "city", "county", "area", "region", "country", "uk", "ireland", "england",
         "scotland", "wales", "the uk", "rural", "local", "nearby", "most", "many", "some", "lots", "parks", "fields", "woods", "gardens",
         "here", "there", "about", "trips", "tables", "return", "exchange", "operation", "practice", "training", "sizes", "colours", "colors"],
        StringComparer.Ordinal);

    [GeneratedRegex(@"^(?:We're|We are|I'm|I am|It's|Its|This is)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    private const string NamePart = @"(?:[\p{Lu}\p{N}][\p{L}\p{N}'’&.+/@-]*)";

    /// <summary>"Keys in Tune", "Paws at Home Vet": "in" and "at" join a name's words only before a capital.</summary>
    private const string NameWords = NamePart + @"(?:[ \t]+(?:&|\+|n'|'n'|(?:and|of|the|de|la|on|with|by|for|a|n|se|du|da|di|del|della|le|les|des|do|dos|das|y|e|et)\b|(?:van|von|ter|ten|zu|al|el|bin|der|den|to|à|ta'|ta’|na|nan|ni)(?:[ \t]+(?:der|den|de))?(?=\s+\p{Lu})|(?:il|al|el|tal|ta|l)-" + NamePart + @"|(?:in|at)[ \t]+(?=\p{Lu}|\p{N}(?!\p{N}{3}))" + NamePart + @"|(?:in|at|on|under)[ \t]+the[ \t]+(?=\p{Lu})" + NamePart + "|" + NamePart + @")){0,6}";

    /// <summary>"I paint pet portraits from photos — Paws &amp; Pastels. A4 £85": a name set off by a dash at the end of a sentence.</summary>
    [GeneratedRegex(@"\s[—–-]\s+(?<name>" + NameWords + @")\s*(?:[.!]\s|[.!]?\s*$)")]
    private static partial Regex DashName();

    /// <summary>"Vilakazi Street walking tours, Soweto - Kasi Kicks Walking Tours": a street is where, not who.</summary>
    [GeneratedRegex(@"\s(?:Street|St|Road|Rd|Avenue|Ave|Lane|Boulevard|Blvd|Drive|Dr|Square|Parade|Crescent|Terrace|Way|Quay)\.?$")]
    private static partial Regex Street();

    /// <summary>"Classes Tuesday &amp; Thursday": two days of the week are when, not who ("Blue Monday Stables" is a name).</summary>
    [GeneratedRegex(@"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?:(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|days|s)?|Jan|January|Feb|February|Mar|March|Apr|April|May|Jun|June|Jul|July|Aug|August|Sep|Sept|September|Oct|October|Nov|November|Dec|December)\b|^(?:North|South|East|West)\s\p{Lu}\p{L}+$")]
    private static partial Regex DayOrMonth();

    /// <summary>
    /// "we're called the little yellow door, …", "under the name magpie &amp; moon.", "name is crystal clear windows
    /// lol", 'my brand name is "sugarcrust by Funmi"': a name typed in lower case after words that say it is one.
    /// </summary>
    [GeneratedRegex(@"(?:(?:^|[.!?;,\n]\s*)|\b(?=(?i:my|our)\s))(?:(?i:my|our)\s+)?(?i:shop|business|buisness|bussiness|busness|biz|bizz|brand|company|page|practice)\s+(?i:name)\s+(?:(?i:is)\s+)?[""“]?(?<name>[\p{Ll}\p{N}][\p{L}\p{N}'’&.+-]*(?:[ \t]+[\p{L}\p{N}'’&.+-]+){0,3}?)(?=\s*(?:[""”(]|[,.!?;:—–\n]|\s-\s|\s*(?:\p{So}|\p{Cs})|$))|\b(?i:(?:we're|we are|i'm|i am)\s+called|called|named|name is|name's|name:|business is|biz is|biz name is|under the name|trading as|brand is)\s+[""“]?(?<name>[\p{Ll}\p{N}][\p{L}\p{N}'’&.+-]*(?:[ \t]+(?:&|\+|[\p{L}\p{N}'’&.+-]+)){0,4}?)(?=\s*(?:[""”(]|[,.!?;:—–\n]|\s-\s|\s(?:and|in|on|at|based|near|from|for|we|i|just|who|which|out\s+of|serving|covering|around|across)\b|\s*(?:\p{So}|\p{Cs})|\s+(?:lol|haha\w*|xx+|thanks|thx|ty|cheers|pls|please)\b|\s+(?:(?:ring|call|tel|phone|mob|whatsapp)\s*:?\s*)?\+?\(?\d[\d ()-]{6,}\d|$))")]
    private static partial Regex LowerCaseCalled();

    /// <summary>"kia ora, matiu here from kauri tree care, hamilton": a name typed in lower case, said as where the writer is from.</summary>
    [GeneratedRegex(@"\bhere\s+(?:from|at)\s+(?<name>\p{Ll}[\p{Ll}'’&-]*(?:[ \t]+[\p{Ll}'’&-]+){1,4}?)(?=\s*[,.!?;\n—–]|\s+(?:in|based|near|on)\b|$)")]
    private static partial Regex LowerCaseHereFrom();

    /// <summary>"hi po, aling nena's laundry shop here in sampaloc": read after every name with capitals ("small batch roaster here. Tin Roof Coffee Roasters" is named by the capitals).</summary>
    [GeneratedRegex(@"(?:^|[,.!?]\s+)(?!(?:the|we|i|im|i'm|just|me|us|everyone|all|someone|it|this|that|they|you|still|only|always|capt|captain|dr|mr|mrs|ms|chef|coach|engr|auntie|aunty|uncle|pastor)\b)(?<name>\p{Ll}[\p{Ll}'’&-]*(?:[ \t]+[\p{Ll}'’&-]+){2,4}?)\s+here\b(?=\s+(?:in|at|from|on)\b|\s*[,.!?\n]|$)")]
    private static partial Regex LowerCaseHere();

    /// <summary>"hi there im ciaran, ciaran doyle school of motoring, based in …": the owner's name, then the business named after them.</summary>
    [GeneratedRegex(@"\b(?:i'm|i’m|im|i am|this is|my name is)\s+(?<first>\p{L}{2,})\s*,\s*(?<name>\k<first>(?:\s+[\p{L}'’&-]+){1,5}?)(?=\s*[,.!?;\n—–]|\s+(?:in|based|near|from|serving|covering)\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex OwnersNameFirst();

    /// <summary>"hello, The Green Door Café here.", "hello im Funke 😄 Funke's Kitchen here in Ikeja", "I'm opening Still Point Yoga in Ranelagh".</summary>
    [GeneratedRegex(@"(?:^|[,.!?]\s*|(?:\p{So}|\p{Cs})\s*|^\s*(?i:" + GreetingWords + @")[,!.]?\s+)(?:(?i:it's|it’s|its|it is|this is|we're|we are)\s+)?(?<name>" + NameWords + @")\s+here\b(?!\s+from\b)|\b(?i:i'm|i am|we're|we are)\s+(?i:opening|launching|starting)\s+(?<name>" + NameWords + @")")]
    private static partial Regex HereName();

    /// <summary>
    /// "I'm Gary from Green Light Driving School", "Call Ben at Limestone Lines Walling", "I am Captain Rodel Abellana of
    /// Abellana Island Hopping Tours": a person, then the business they are from.
    /// </summary>
    [GeneratedRegex(@"\b(?:[Ii]'?m|[Ii]’m|[Ii]\s+am|[Mm]y\s+name\s+is|[Tt]his\s+is|(?i:it's|it’s|its|it\s+is)|[Cc]all|[Aa]sk\s+for|[Rr]ing|[Cc]ontact)\s+(?:(?i:captain|capt\.?|dr\.?|mr\.?|mrs\.?|ms\.?|engr\.?|chef|coach|pastor|prof\.?|auntie|aunty|uncle)\s+)?\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+){0,2},?\s+(?:from|of|at)\s+(?:the\s+(?=\p{Lu}))?(?<name>" + NameWords + @")|\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+)?\s+here\s+(?:from|at)\s+(?<name>" + NameWords + @")|(?:^|[,.!?]\s*|^\s*(?i:" + GreetingWords + @")[,!.]?\s+)\p{Lu}\p{Ll}+\s+(?:from|at)\s+(?<name>" + NameWords + @")\s+here\b")]
    private static partial Regex FromName();

    /// <summary>What begins a clause of facts rather than a name: "Covering Derby", "Gas Safe registered", "086 555 4410".</summary>
    [GeneratedRegex(@"^(?:Co\.\s|County\s|Ph|Mob|Mobile|Cell|Fax|WhatsApp|Covering|Serving|Based|Open|Opening|Closed|Call|Ring|Email|Book|Tel|Phone|Text|Gas|Free|Walk|Orders?|Bookings?|Enquiries|Prices?|From|Near|In|Also)\b|^[\d\s+()-]+$")]
    private static partial Regex NotAName();

    /// <summary>"0722 555 318. We …": a phone number opens no name.</summary>
    [GeneratedRegex(@"^\+?\d[\d ()-]{6,}")]
    private static partial Regex NumberFirst();

    /// <summary>"our Bharatanatyam school Natyalaya in Mylapore": a one-word name said outright ends before its place.</summary>
    [GeneratedRegex(@"^([\p{L}\p{N}'’&.+-]+) (?:in|at) \p{Lu}[\p{L}'’-]+$")]
    private static partial Regex OneWordInPlace();

    [GeneratedRegex(@"^(?:called|named)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex CalledFirst();

    /// <summary>"Book Bouncy Bob's", "Visit Harbour Light": a sentence that asks visitors to do something before the name.</summary>
    [GeneratedRegex(@"^(?:Book|Hire|Visit|Meet|Try|Celebrate\s+with)\s+(?!(?:Your|Our|My|Now|Online|Today|A|An)\b)(?=\p{Lu}\S*\s+\p{Lu})")]
    private static partial Regex BookFirst();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"\b(?i:Co|Ltd|Inc|Bros)$")]
    private static partial Regex AbbreviationWithoutStop();

    /// <summary>"Wick &amp; Whimsy Co." keeps the full stop of its abbreviation.</summary>
    [GeneratedRegex(@"\b(?i:Co|Ltd|Inc|Bros|St|Jr|Sr)\.$")]
    private static partial Regex Abbreviation();

    [GeneratedRegex(@"(?<!\b(?:specialising|specializing|specialise|specialize|specialises|specializes|experience|experienced|qualified|trained|certified|interested|degree|expert|experts)\s)\b(?:in|near|based in|based near|covering|around|(?<!\b(?:a|the|year|all)\s+)round|across|throughout|all over|serving|out of)\s+(?:the\s+(?=[a-z'-]+\s+(?:metro\s+|city\s+)?area\b))?(?<place>(?:(?:north|south|east|west|central)\s+)?[a-z][a-z'-]{2,}(?:\s+(?:upon|on)\s+[a-z]+|\s+(?:heights|bay|beach|hill|hills|park|springs|falls|valley|creek|island|point|harbour|harbor|heath|green|cross|wells|bridge|vale|sands|grove|ridge))?)(?=\s*(?:[,.!?;—–]|\s-\s|$|\p{So}|\p{Cs})|\s+(?:called|named)\b|\s+(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|days|s)?\b|\s+(?:and\s+)?(?:area|areas|surrounding|surrounds)\b|\s+(?:metro|city|town)\s+(?:area\b|centre\b|center\b|[,.!?;—–]|$)|\s+(?:city|town)\s*(?:[,.!?;—–]|$|\p{So}|\p{Cs})|\s+(?:and|&)\s+(?:(?:into|parts\s+of|most\s+of|some\s+of)\s+)?(?:(?:north|south|east|west)\s+)?[a-z][a-z'-]{2,}\s*(?:[,.!?;—–]|$|\p{So}|\p{Cs})|\s+(?:for|since)\s+(?:over\s+|about\s+|nearly\s+|almost\s+)?\d)|\bbased\s+(?:in|near|out of)\s+(?<place>[a-z][a-z'-]{2,}\s+[a-z][a-z'-]{2,})(?=\s*(?:[,.!?;—–]|\s-\s|$|\p{So}|\p{Cs}))")]
    private static partial Regex LowerPlace();

    /// <summary>"Stroud in" (near Stroud in the Cotswolds) ends at Stroud.</summary>
    [GeneratedRegex(@"(?:\s+(?:in|on|upon|under|de))+$")]
    private static partial Regex PlaceTail();

    /// <summary>"A. Hardy Thatching and I'm (based in …)": a name ends before the person goes on.</summary>
    [GeneratedRegex(@"(?:\s+(?:and|of|the|&|on|with|by|for|a|de|la|in|at|n|se|du|da|di|del|della|le|les|des|do|dos|das|y|e|et))+$|\s+(?:and|&)\s+(?:I|I'm|I’m|I've|I'll|I'd|We|We're|We've)(?:\s.*)?$")]
    private static partial Regex TrailingConnector();

    [GeneratedRegex(@"\s(?:on|in|at)\s\p{Lu}")]
    private static partial Regex OnPlace();

    /// <summary>"… Fish Bar on the High Street": a street after a name of two words or more is its address.</summary>
    [GeneratedRegex(@"(?<=\S\s+\S+)\s(?:on|at|off)\s(?:the\s)?(?:\p{Lu}[\p{L}'’-]*\s){0,3}(?:Street|St|Road|Rd|Lane|Avenue|Ave|Square|Parade|Crescent|Quay|Wharf|Terrace|High\s+Street)$")]
    private static partial Regex OnAStreet();

    /// <summary>"need a website for Forno Rosso, wood fired pizza", "under the name Wren Silversmith".</summary>
    [GeneratedRegex(@"\b(?i:web\s*site|site|page)(?i:\s+(?:up|please|pls|plz|needed|wanted))?\s+for\s+(?<name>" + NameWords + @")|\b(?i:under the name|i trade as|we trade as|trade as|(?:put|like|want|have|list) it under|go under|taken over|took over|just opened|call it)\s+(?<name>" + NameWords + @")")]
    private static partial Regex SiteFor();

    /// <summary>A clause that is nothing but a name of two or more words: "… smoke alarms. Volt Electrical. 0412 555 789".</summary>
    [GeneratedRegex(@"(?:^|[.!?,:;—–\n]\s*|\s-\s|(?:\p{So}|\p{Cs})\s*)(?<name>[\p{Lu}\p{N}][\p{L}\p{N}'’&.+/-]*(?:\s+(?:&|\+|and|of|the|de|with|by|a|to|n'|'n'|[\p{Lu}\p{N}][\p{L}\p{N}'’&.+/-]*)){1,5})[ \t]*(?:(?i:est\.?|estd\.?|established|since)\s+\d{4}\s*|(?:(?i:ring|call|tel|phone|mob|whatsapp)\.?:?[ \t]+(?i:us[ \t]+)?(?i:on[ \t]+)?)?(?<![\p{L}\p{N}])\+?\d[\d ()-]{6,}\d\s*)?(?=[.!?,;—–\n]|\s-\s|$|\p{So}|\p{Cs})")]
    private static partial Regex Standalone();

    /// <summary>
    /// "Big Top Events in Omagh", "Mole Patrol covering Wiltshire", "Dosa Dost 🚚 Melbourne", "FixIt Mobile @ Tampines Hub": a name of two words or more
    /// that opens a clause and is followed by where the business is.
    /// </summary>
    [GeneratedRegex(@"(?:^|[.!?;:\n]\s*|\s-\s|[—–]\s*|(?:\p{So}|\p{Cs})\s*)(?<name>" + NameWords + @")(?=,?\s+(?i:in|near|out\s+of|serving|covering|based|from|across)\s+\p{L}|\s*@\s*\p{Lu}|\s*,\s*\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?\s*(?:[,.!?\n]|$|\p{Lu}{2,3}\b)|\s*(?:\p{So}|\p{Cs})+\s*\p{Lu})")]
    private static partial Regex NameThenPlace();

    /// <summary>"Spokes2U", "KeyRight": a word of its own clause with a capital or a digit inside it.</summary>
    [GeneratedRegex(@"(?:^|[.!?;,:\n]\s*|\s-\s|[—–]\s*)(?<name>\p{Lu}\p{Ll}+(?:\p{Lu}|\d)[\p{L}\d]*)[ \t]*(?=[.!?,;—–\n]|\s-\s|$|\p{So}|\p{Cs})")]
    private static partial Regex CoinedWord();

    /// <summary>"My uncle's hawker stall is Ah Seng Chicken Rice": what someone has, said to be a name.</summary>
    [GeneratedRegex(@"\b(?i:my|our|his|her|their)\s+(?:[\p{L}'’-]+\s+){1,3}(?i:is)\s+(?<name>" + NameWords + ")")]
    private static partial Regex OwnersThingIs();

    /// <summary>
    /// A sentence ending inside what looked like a name: "Fit by Femi. 1-1 sessions", "Thunder Bay ON. Whitetail",
    /// "Muskoka Cedarstrip Co. 16ft canoes" (but not "No. 9" or "H. Pritchard").
    /// </summary>
    [GeneratedRegex(@"(?<=\p{L}{3,}|\b\p{Lu}{2})[.!?]\s|(?<=\b(?:Co|Ltd|Inc))\.\s(?=\p{N})")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"(?<![\p{L}])['‘](?<name>\p{Lu}[^'’‘\n]{1,58}?)['’](?![\p{L}])")]
    private static partial Regex SingleQuotedName();

    /// <summary>"Golden Lotus - Chinese takeaway…", "No. 27 Vault — …", "Studio 21 Hair, hair salon…", "Captain Giggles! Magic…", "Byte Club teaches…".</summary>
    [GeneratedRegex(@"^\s*(?:(?i:hi|hello|hey|hiya|yo|g'day|howdy|hallo|kia\s+ora|heya|greetings|morning|evening|afternoon|good\s+(?:morning|afternoon|evening|day))(?:\s+(?:there|all|po|guys))?[,!.]?\s+|(?i:namaste|bonjour|hola|ciao|aloha|howzit|jambo|niaje|mambo|kumusta|mabuhay|vanakkam|marhaba|salam)[,!./]\s*)?(?<name>" + NameWords + @")\s*(?:—|–|:|=|,|!|\s@\s|\s-\s|(?:\p{So}|\p{Cs})|\s\((?=\p{Lu})|(?<=\S\s+\S+)\s(?=\p{Ll})|\s(?=(?:is|are|teaches|sells|makes|offers|does|runs|provides|helps|bakes|brews|grows|fixes|builds|cleans|repairs|ghost|guided)\b))")]
    private static partial Regex OpeningName();

    /// <summary>"I own a building company, Stonebridge Builders, …", "newborn photographer, Tiny Toes Photography, …".</summary>
    [GeneratedRegex(@"(?:\b(?:[Ii]\s+(?:own|run|manage|have)|[Ww]e\s+(?:own|run|are))\s+(?:a|an)\s+|^\s*)(?:\p{Ll}[\p{Ll}&' -]{2,40}(?:\s(?:in|near|around)\s\p{Lu}[\p{L}-]+)?),\s+(?<name>" + NameWords + @")\s*(?:,|—|–|\s-\s|\.|$)")]
    private static partial Regex KindThenName();

    /// <summary>"in north Leeds", "on the Isle of Skye", "around the Peak District", "covering West Yorkshire", "on Lake of the Woods".</summary>
    [GeneratedRegex(@"\b(?i:based in|located in|in|on|near|serving|around|round|covering|cover|covers|across|from|out of|throughout|at|outside|along|edge of|all over|over|middle of|heart of|centre of|center of)\s+(?:the\s+)?(?<place>(?:Co\.\s+|County\s+)?(?:(?:north|south|east|west|central|north-east|north-west|south-east|south-west)\s+)?\p{Lu}[\p{L}'-]+(?:(?:\s+|-)(?:upon|on|under|in|of\s+the(?=\s+\p{Lu})|of|de|\p{Lu}[\p{L}'-]+))*)")]
    private static partial Regex PlaceBefore();

    /// <summary>"on Castle Street shrewsbury", "on Mill Lane, Ludlow.": the town that ends a clause after the street it is on (written with capitals).</summary>
    [GeneratedRegex(@"\b(?i:on|in|at|off)\s+(?:\p{Lu}[\p{L}'-]*\s+){1,3}(?:Street|St|Road|Rd|Lane|Avenue|Ave|Way|Square|Drive|Row|Parade|Crescent|Quay|Wharf|Market|Terrace|Place)\s*,?\s+(?<place>\p{L}[\p{L}'-]{2,})(?=\s*(?:[,.!?;—–]|\s-\s|$|\p{So}|\p{Cs}))")]
    private static partial Regex StreetThenTown();

    /// <summary>Words that end a clause after a street without being a town: "on Castle Street today", "on the High St too".</summary>
    [GeneratedRegex(@"^(?i:only|today|now|too|also|open|daily|weekly|again|soon|upstairs|downstairs|opposite|please|thanks|though|tho)$")]
    private static partial Regex NotTowns();

    /// <summary>The town of a street address: "14 Castle Street, Carlisle CA3 8SY".</summary>
    [GeneratedRegex(@"\b\d{1,4}[a-z]?\s+(?:\p{Lu}[\p{L}'-]*\s+){1,3}(?:Street|St|Road|Rd|Lane|Avenue|Way|Place|Square|Drive|Court|Row|Hill|Close|Terrace|Parade|Crescent|Gardens|Grove|Market|Mews|Walk|Yard|Quay|Wharf|Green|Park),\s+(?<place>\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}\p{Ll}[\p{L}'-]*)?)")]
    private static partial Regex TownOfAddress();

    /// <summary>"Saltwater Surf School, Croyde — …", "Iron Oak Builders - builders, Swindon", "Chloe Hart Photography, Bristol based", "Bug Off Pest Solutions (Tampa FL)".</summary>
    [GeneratedRegex(@"(?:^[^,.—–\n]{3,60},\s+(?<place>(?:Co\.\s+)?\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?)\s*(?:—|–|\s-\s|\bbased\b|$))|(?:,\s+(?<place>\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?)\s*$)|(?<place>\p{Lu}[\p{L}'-]+)[\s-]based\b|^[^()\n]{3,60}?\s\((?<place>\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}\p{Ll}[\p{L}'-]*)?)(?:,?\s+\p{Lu}{2})?\)")]
    private static partial Regex PlaceAfterName();

    [GeneratedRegex(@"(?<![\p{L}])['‘""“]\p{Lu}")]
    private static partial Regex OpeningQuote();

    [GeneratedRegex(@"[""“](?<name>[^""“”]{2,60})[""”]")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"(?:^|[.!?;,\n]\s*)(?:(?i:shop|business|company|academy|school|salon|studio|club|brand|firm|practice|cafe|café|restaurant|bakery|clinic|centre|center)\s+)?[Nn]ame\s+(?:[-–—=]\s+)?(?:\p{IsCJKUnifiedIdeographs}+\s+)?(?<name>" + NameWords + @")|\b(?i:called|named|(?<!\bmy\s)name is|name of (?:my|our|the) (?:\p{L}+\s+){1,2}is|(?:bookings?|trading|trades|operating|registered|listed) under|(?<!\bmy\s)name's|name:|(?:business|biz|bizz) name(?: is)?:?|trading as|trades as|brand is|brand name is|business is|buisness is|bussiness is|busness is|company is|shop is|practice is|studio is|salon is|firm is|agency is|clinic is|cafe is|café is|pub is|restaurant is|gym is|school is|farm is|brewery is|bakery is|go by|goes by|we go by|name should be|name will be|name would be|call it|calling it|call the site|site name is|site name:|(?:play|plays|perform|performs|trade|trades|work|works|operate|operates|sing|sings) as)\s+(?:the\s+(?=\p{Lu}))?(?<name>" + NameWords + ")")]
    private static partial Regex CalledName();

    [GeneratedRegex(@"(?:^|[:.!?;—–]\s*|\s-\s)(?:(?i:hi|hello|hey|hiya)[,!.]?\s+)?(?<name>" + NameWords + @")\s*(?:(?:\bis\b|:|—|–|\s-|,)\s*(?:a|an|the|we|my|our)\b|(?<=\p{L}[ \t]+\p{L}\S*[ \t]*)\bis\s+(?:based|located|situated|family[\s-]run)\b)")]
    private static partial Regex LeadingName();

    [GeneratedRegex(@"\b(?:[Ww]e're|[Ww]e are|[Tt]his is|[Ii]'m|[Ii] am)\s+(?<name>" + NameWords + @")(?:\s*(?:,|—|–|-|:)?\s*(?:a|an|the)\b|\s*(?:,|—|–|\s-\s|:|[.!]?\s*$|\s*(?:\p{So}|\p{Cs}))|(?=\s+\p{Ll})|(?=\s*@\s))")]
    private static partial Regex WereName();

    [GeneratedRegex(@"\b(?:(?:[Ii]|[Mm]i)\s+(?:own|run|manage|have)|[Ww]e\s+(?:own|run)|[Ww]e've\s+(?:run|owned|had)|[Ii]'ve\s+(?:run|owned)|(?:[Ii]|[Ww]e)\s+have\s+(?:run|owned|had)|(?<=\b(?:wife|husband|partner|me|sister|brother|mum|dad|son|daughter|family)\s+)(?:run|own)|\b(?:runs|owns)|(?:[Ii]\s+am|[Ii]'m|[Ww]e\s+are|[Ww]e're)\s+(?:running|managing)|(?:[Ii]|[Ww]e)\s+(?:started|set\s+up|founded|opened|launched)|(?i:founders?|co-founders?|owners?|proprietors?|director|directress|ceo|manager|head\s+teacher|principal)(?:\s+(?:and|&)\s+[\p{Ll}-]+)?\s+of|\b(?:CEO|MD|C\.E\.O\.?)(?:\s+at)?|(?i:welcome\s+to))\s+(?:the\s+(?=\p{Lu}))?(?<name>" + NameWords + @")")]
    private static partial Regex RunName();

    [GeneratedRegex(@"\b(?:my|our)\s+(?:(?!(?:in|near|at|on|from|based|called|named|serving|for|and|with)\b)(?:[a-z]+|\p{Lu}\p{Ll}+(?=\s+[a-z]))(?:\s+|,\s+(?=\p{Lu}))){0,2}(?:business|biz|company|shop|firm|practice|studio|brand)?,?\s*(?<name>" + NameWords + @")")]
    private static partial Regex MyKindName();

    /// <summary>
    /// "… gutters and conservatories too, call me Clear View Kev", "… all welcome. its the Clay Barn Collective": a clause that ends the
    /// message with a name of two words or more after "call me" or "it's (the)"; "call me on 0770…" and "it's Friday"
    /// are not names.
    /// </summary>
    [GeneratedRegex(@"(?:^|[.!?;,\n]\s*|^\s*(?i:" + GreetingWords + @")[,!.]?\s+)(?i:call\s+me|call\s+us|it's|it’s|its|it\s+is)\s+(?:the\s+)?(?<name>" + NamePart + @"[ \t]+" + NameWords + @")\s*[.!?]*\s*(?:\p{So}|\p{Cs})*\s*$|(?:^\s*(?:(?i:" + GreetingWords + @")[,!.]?\s+)?|[.!?\n]\s*)(?:(?i:it's|it’s|its)|(?i:call\s+us)(?=\s+\p{Lu}))\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)(?<name>" + NamePart + @"[ \t]+" + NameWords + @")(?=\s*(?:[.!?,;\n]|\s[-–—]\s))")]
    private static partial Regex SignedName();

    /// <summary>"Book Bouncy Bob's for your party!", "book DJ Kofi Vibes for ur wedding": a name of two words or more, booked for an occasion.</summary>
    [GeneratedRegex(@"\b(?i:book|hire)\s+(?!(?:Your|Our|My|Now|Online|Today|Tonight|Early|Ahead|A|An)\b|\p{L}*day\b)(?<name>" + NamePart + @"\s+" + NameWords + @")\s+(?i:for)\b")]
    private static partial Regex BookName();

    /// <summary>"… ring 087 223 4410 - ciara @ good boy academy": the owner signs off at the business, in any case.</summary>
    [GeneratedRegex(@"(?:^|[\s,.!?;—–-])(?!(?:us|me|orders?|find|email|mail|info|bookings?|enquiries|dm|message)\b)\p{L}+\s+@\s+(?<name>\p{L}[\p{L}\p{N}'’&-]*(?:\s+[\p{L}\p{N}'’&-]+){1,4})(?<!\s(?i:street|st|road|rd|lane|ln|avenue|ave|way|drive|close|place|square|terrace|row|market|mall|centre|center))\s*[.!]*\s*$")]
    private static partial Regex SignedAt();

    /// <summary>"hey its big mike from mike's mobile mechanic lol": the writer, then the business they are from, in lower case.</summary>
    [GeneratedRegex(@"\b(?:it's|it’s|its|it\s+is|this\s+is|i'm|i’m|im|i\s+am)[ \t]+(?:(?:big|lil|little|auntie|aunty|uncle)[ \t]+)?(?!(?:a|an|the|all|just|only|originally|here|back|away|straight|fresh|not|also|born|moving|coming|working|based|home|made|baked|done|open|available)\b)\p{Ll}+[ \t]+from[ \t]+(?<name>\p{Ll}[\p{Ll}'’&-]*(?:[ \t]+[\p{Ll}'’&-]+){1,4}?)(?=\s*[,.!?;\n]|[ \t]+(?:lol|here|in|near|based|on|at)\b|$)")]
    private static partial Regex LowerCaseFrom();

    /// <summary>"… call 083 441 2270⏎name is shine on wheels": a name said last on its line is all of the line, small words and all.</summary>
    [GeneratedRegex(@"\b(?i:name\s+is|name's|name’s|it's\s+called|its\s+called|we're\s+called|called)[ \t]+(?<name>\p{Ll}[\p{Ll}\p{N}'’&-]*(?:[ \t]+(?!(?:lol|haha\w*|pls|please|thanks|thx|ty|cheers|xx+)\b)(?:&|[\p{Ll}\p{N}'’&-]+)){1,4})(?:[ \t]+(?:lol|haha\w*|pls|please|thanks|thx|ty|cheers|xx+))*[ \t]*[.!]*[ \t]*(?:\r?\n|$)")]
    private static partial Regex NameIsTheLine();

    /// <summary>"need a site for my nail bar, tash's nails in fitzroy": the business, then its name in lower case, someone's or with "&amp;".</summary>
    [GeneratedRegex(@"\b(?:for|of)[ \t]+(?:my|our)[ \t]+(?:[\p{Ll}-]+[ \t]+){0,2}[\p{Ll}-]+,[ \t]+(?=[^,.!?\n]*(?:'s|’s|\s&\s))(?<name>\p{Ll}[\p{Ll}'’&-]*(?:[ \t]+(?:&|[\p{Ll}'’-]+)){0,3}?)(?=[ \t]+(?:in|at|on|near|based|from)\b|\s*[,.!?\n]|$)")]
    private static partial Regex LowerCaseMyKind();

    /// <summary>"brand is all lowercase: 'bloom'": a name in quotes, typed in lower case, after words that say a name follows.</summary>
    [GeneratedRegex(@"\b(?i:name|brand|called|named)\b[^'‘\n]{0,30}['‘](?<name>\p{Ll}[^'’‘\n]{1,40}?)['’]")]
    private static partial Regex LowerCaseQuoted();

    /// <summary>"kindly assist with website. mwangi &amp; sons hardware, thika town.": a family firm's name typed in lower case.</summary>
    [GeneratedRegex(@"(?:^|[.!?;:,\n]\s*)(?!(?:father|dad|mum|mom|mother|husband|wife|brother|sister|family|a|the)\b)(?<name>\p{Ll}[\p{Ll}'’-]*\s+(?:&|and)\s+(?:sons?|daughters?|brothers|bros)(?:\s+\p{Ll}[\p{Ll}'’-]*){0,2})(?=\s*[,.!?;\n]|$)")]
    private static partial Regex AndSons();

    /// <summary>"we're Sunny Coast Movers... no wait thats the old name, now Goldie Movers &amp; Storage": the name said last wins.</summary>
    [GeneratedRegex(@"\b(?i:old\s+name)\b[^.!?\n]{0,30}?\b(?i:now|it's\s+now|its\s+now|now\s+called|now\s+it's|now\s+its)\s+(?:(?i:called)\s+)?(?<name>" + NameWords + @")|\b(?i:new\s+name\s+is|now\s+called|renamed\s+(?:it\s+)?(?:to\s+)?|rebranded\s+(?:as|to))\s+(?<name>" + NameWords + ")")]
    private static partial Regex CorrectedName();

    /// <summary>"My business is Good Dog Asheville", "our company's called …": said as the business's, this beats a dog "named Biscuit" said earlier.</summary>
    [GeneratedRegex(@"\b(?i:my|our)\s+(?i:business|company|shop|brand|firm|practice|business\s+name|company\s+name)\s+(?i:is|is\s+called|'s\s+called|’s\s+called|'s|’s)\s+(?:the\s+(?=\p{Lu}))?(?<name>" + NameWords + ")")]
    private static partial Regex MyBusinessIs();

    /// <summary>
    /// "… and opened Willowbank Riding School", "came home in 2017 to set up Crochan Pottery", "went out on my own in 2016 as
    /// Saltwater Light Photography", "to do it full-time as Inkwell &amp; Ivy Studio": a name of two words or more, said
    /// as what the owner opened or became.
    /// </summary>
    [GeneratedRegex(@"\b(?:opened|launched|founded|set\s+up|started\s+up|started|out\s+on\s+(?:my|our)\s+own(?:\s+in\s+\d{4})?\s+as|full-time\s+as|full\s+time\s+as|went\s+solo\s+as|trading\s+since\s+\d{4}\s+as)\s+(?!(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\p{L}*\b)(?=\p{Lu}[\p{L}'’&.-]*\s+(?:&\s+|and\s+)?\p{Lu})(?<name>" + NameWords + ")")]
    private static partial Regex OpenedName();

    /// <summary>"im Captain Giggles lol (thats the business name)", "Willow &amp; Wren - that's the shop name": a name the owner points back to.</summary>
    [GeneratedRegex(@"(?<name>" + NameWords + @")\s*(?:(?i:lol|haha\w*)\s*)?[(\-–—,]?\s*(?i:that's|that’s|thats|that\s+is|is)\s+(?i:the|our|my)\s+(?:(?i:business|biz|company|shop|brand|trading|studio|salon)\s+)?(?i:name)\b")]
    private static partial Regex ThatsTheName();

    /// <summary>
    /// "call it Happy Tails? nah actually call it Ponsonby Pooch Walks", "we sell it as slaney valley honey", "fb page is
    /// karori pack walks": the name the owner asks for or trades under, in any case; the last "call it" wins, since a
    /// second one corrects the first.
    /// </summary>
    [GeneratedRegex(@"\b(?:(?i:call\s+it)(?![\s\S]*\b(?i:call\s+it)\b)|(?i:sell\s+(?:it|them|everything)\s+(?:as|under))|(?i:(?:fb|facebook|insta|instagram|ig)\s+page\s+is))\s+[""“]?(?<name>[\p{L}\p{N}][\p{L}\p{N}'’&.-]*(?:[ \t]+(?:&|[\p{L}\p{N}'’&.-]+)){0,4}?)(?=\s*(?:[""”]|[,.!?;:—–\n]|\s-\s|\s*(?:\p{So}|\p{Cs})|\s+(?:lol|haha\w*|pls|please|thanks|thx)\b|$))")]
    private static partial Regex CallIt();

    /// <summary>"… 12 yrs, jose's fix-it is the name, insured", "byte me tech (yes thats the name lol)": a name typed in lower case, pointed back at.</summary>
    [GeneratedRegex(@"(?:^|[,.!?;:\n]\s*)(?<name>\p{Ll}[\p{Ll}\p{N}'’&-]*(?:[ \t]+(?:&|[\p{Ll}\p{N}'’&-]+)){1,4}?)\s*(?:\(\s*)?(?:(?:yes|yeah|yep|ya|yup)\s+)?(?:that's|that’s|thats|that\s+is|is)\s+(?:the|our|my)\s+(?:(?:business|biz|company|shop|brand)\s+)?name\b")]
    private static partial Regex LowerCaseThatsTheName();

    /// <summary>"need a website for the salon, Tangles Hair Studio in ballincollig": the business, then its name after a comma.</summary>
    [GeneratedRegex(@"\b(?i:for|at|of)\s+the\s+(?:[a-z]+\s+){0,2}[a-z]+,\s+(?<name>" + NameWords + ")")]
    private static partial Regex TheKindName();

    /// <summary>"a site for Forno Rosso, a pizzeria"; "e-bike hire for the Forest of Dean, we're in Coleford" says where, not who.</summary>
    [GeneratedRegex(@"\bfor\s+(?<name>" + NameWords + @")\s*,\s*(?:a|an|the|(?:we're|we are)(?!\s+(?:in|on|at|near|based|located|out of|over)\b))\b")]
    private static partial Regex ForName();

    /// <summary>"is a …", "we're a …", ", a …", "for my …", "I run a …": the words naming the kind, up to where the sentence moves on.</summary>
    [GeneratedRegex(@"(?<!\bnot\s)(?<!\bnot\s(?:a|an)\s)(?:(?:\bis|'re|\bare|\bits|'s|'m|\bam|\bI\s+(?:run|own|have)|\bwe\s+(?:run|own)|[,:—–?.!]|\s-)\s+(?:just\s+|really\s+|actually\s+)?(?:a|an)\s+|\bfor\s+(?:my|our|a|an)\s+)(?<kind>[\p{L}\p{N}&'-]+(?:\s+(?!(?:in|near|on|at|based|called|named|serving|covering|around|from|that|which|who|with|and|since|for|not|but|actually|so|we|i|to|run|by|please|pls|plz|thanks|now|too|doing|selling|making|offering|serving|specialising|specializing|open|out)\b)[\p{L}&'-]+){0,4})", RegexOptions.IgnoreCase)]
    private static partial Regex KindPhrase();

    [GeneratedRegex(@"\b(?:a|an|my|our)\s+(?<kind>(?:(?!(?:website|site|web|page|for|my|our|a|an|the|in|called|named|me|us)\b)[\p{L}&'-]+\s+){0,3}?(?:bakery|bakers?|caf[eé]|coffee shop|restaurant|bistro|pub|bar|salon|barbershop|barbers?|spa|studio|shop|store|boutique|school|academy|parlou?r|groomers?|grooming|clinic|practice|surgery|agency|company|business|firm|consultancy|gym|florist|photographer|photography|plumber|plumbing|electrician|builders?|beekeeper|apiary|farm|brewery|winery|hotel|guesthouse|b&b|tours?|dentist|vet|garage|bookshop|bookstore|gallery|charity|nursery|daycare|tutor|tutoring|trainer|coach|therapist|band|choir|club|kitchen|catering|caterer|deli|butcher|market|cleaners?|cleaning|landscaper|gardener|decorator|carpenter|joiner|roofer|locksmith|mechanic|accountant|lawyer|solicitor|architect|designer|stylist|tattooist|yoga|pilates|dojo|service|services|co))\b", RegexOptions.IgnoreCase)]
    private static partial Regex KindWords();

    [GeneratedRegex(@"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:day|days|s)?|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December|English|Spanish|French|German|I|We|The|Our|My)\b|^(?:KSh|Ksh|USD|GBP|EUR|ZAR|NGN|INR|Rs|RM|PHP|SGD|NZD|AUD|CAD|KES|GHS|UGX|TZS)$")]
    private static partial Regex NotPlaces();

    /// <summary>"Based in Bath, we …" says where, not who.</summary>
    [GeneratedRegex(@"^(?:Based|Located|Covering|Serving|Near|In|At|Around)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Whereabouts();

    [GeneratedRegex(@"^(?:based|located)\s")]
    private static partial Regex Based();

    [GeneratedRegex(@"\b(?:based in|located in|in|near|serving|around|round|covering|cover|covers|across|from|out of)\s+(?<place>(?:St\.?\s+|Co\.\s+)?\p{Lu}[\p{L}'-]+(?:(?:\s+|-)(?:upon|on|under|in|de|\p{Lu}[\p{L}'-]+))*)")]
    private static partial Regex PlaceWords();

    /// <summary>"07700 900461" after a name, "400. " before one (the end of "$2,400."): numbers, not words of the name.</summary>
    [GeneratedRegex(@"(?:\s+[+(]?\d[\d()-]*(?:\s[\d()-]+){0,4})$|^\d[\d,()-]*\.\s+")]
    private static partial Regex NumberAround();

    /// <summary>"Dr. Ben Walsh", "Mrs Jones": a person named with a title.</summary>
    [GeneratedRegex(@"^(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?$")]
    private static partial Regex TitledPerson();

    /// <summary>"Austin TX", "Hobart Tas": a town with its state or province.</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?,?\s+(?:" + Regions.Upper + ")$")]
    private static partial Regex TownAndRegion();
}
