using System.Text.RegularExpressions;
using Navo.Tools.Edit;
using Navo.Tools.Reading;

namespace Navo.Tools.Generate;

/// <summary>
/// Reads the facts an owner gives in passing when describing a business: prices with what each is for, opening
/// hours, address, phone, email, the year they started and the languages they speak. Nothing is guessed.
/// </summary>
public static partial class FactReader
{
    // The host runs with invariant globalization, so the names of languages are listed here rather than asked of CultureInfo.
    private static readonly string[] LanguageNames =
    [
        "English", "Welsh", "Irish", "Gaelic", "Scots Gaelic", "French", "German", "Spanish", "Portuguese", "Italian", "Dutch", "Polish",
        "Romanian", "Bulgarian", "Czech", "Slovak", "Hungarian", "Greek", "Turkish", "Russian", "Ukrainian", "Lithuanian", "Latvian",
        "Swedish", "Norwegian", "Danish", "Finnish", "Icelandic", "Arabic", "Hebrew", "Farsi", "Persian", "Urdu", "Hindi", "Punjabi",
        "Bengali", "Gujarati", "Tamil", "Somali", "Swahili", "Mandarin", "Cantonese", "Chinese", "Japanese", "Korean", "Thai",
        "Vietnamese", "Tagalog", "Malay", "Indonesian", "British Sign Language", "BSL", "Sign Language", "Croatian", "Serbian",
        "Albanian", "Catalan", "Basque", "Yoruba", "Igbo", "Amharic", "Tigrinya", "Kurdish", "Pashto", "Nepali", "Sinhala",
    ];

    public static BusinessFacts Read(string text, string? name = null)
    {
        // Prices and the phone number are read once: they are facts, and they are blanked before hours are read.
        var found = Facts.Prices(text);
        var phone = Facts.Phone(text);
        var hours = OpeningHours(text, found, phone);
        return new BusinessFacts(
            Prices(text, found, name),
            hours,
            Facts.Address(text)?.Value is { Length: > 3 } address ? address : null,
            phone?.Value,
            Facts.Email(text),
            Since().Match(text) is { Success: true } since ? since.Groups["year"].Value : null,
            Languages(text))
        {
            // "open till 2am", "11am til late", "open 7 days": hours Navo cannot put in rows are still shown as said.
            HoursSaid = hours.Count > 0 ? HoursSaid(text, WithoutPricesAndNumbers(text, found, phone))
                : OpenSaid().Match(text) is { Success: true } open ? Said.Clean(open.Value.Trim()) : null,
            Social = Facts.Social(text),
            Highlights = Highlights(text),
        };
    }

    /// <summary>The most highlights kept: a line of them, not a second copy of the message.</summary>
    private const int MaxHighlights = 6;

    /// <summary>"24/7 emergency call outs", "12 yrs", "est 2015", "fully insured", "hablo español": each as typed, once.</summary>
    private static IReadOnlyList<string> Highlights(string text) =>
        [.. Highlight().Matches(text).Select(m => m.Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxHighlights)];

    [GeneratedRegex(
        @"\b24/7(?:[ \t]+(?:emergency[ \t]+)?(?:call[ \t-]?outs?|service|response|line|cover|callouts?|access))?"
        + @"|\b24[ \t]*(?:hr|hrs|hour)s?[ \t]+(?:emergency[ \t]+)?(?:service|response|call[ \t-]?outs?|cover|storm[ \t]+response|line)\b"
        + @"|\bopen[ \t]+7[ \t]+days(?:[ \t]+a[ \t]+week)?\b|\bby[ \t]+appointment(?:[ \t]+only)?\b"
        + @"|\b(?:over[ \t]+|more[ \t]+than[ \t]+)?\d{1,2}\+?[ \t]*(?:yrs|years)(?:'|’)?(?:[ \t]+(?:of[ \t]+)?(?:experience|experiance|exp))?(?=[ \t]*(?:[,.!;)\n]|$|experience|in[ \t]+the|of[ \t]+experience|exp\b))"
        + @"|\best(?:\.|d\.?|ablished)?[ \t]+(?:in[ \t]+)?(?:19|20)\d{2}\b|\bfamily[ \t-]run[ \t]+since[ \t]+(?:19|20)\d{2}\b"
        + @"|\bfully[ \t]+(?:insured|licensed|qualified|certified)\b|\b(?:dbs|crb|garda|police)[ \t]+(?:checked|vetted|cleared)\b|\bgas[ \t]+safe(?:[ \t]+registered)?\b"
        + @"|\b(?:hablo|hablamos)[ \t]+español(?:[ \t]+(?:e|y)[ \t]+inglés)?|\bse[ \t]+habla[ \t]+español\b|\bparlons[ \t]+français\b|\bon[ \t]+parle[ \t]+français\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Highlight();

    /// <summary>True when <paramref name="word"/> names a language ("polish", "English").</summary>
    public static bool IsLanguage(string word) => LanguageNames.Contains(word, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every price with what it is for: "cut &amp; blow-dry £35", "£8.50 for a large pizza", "lessons: £30/hour".</summary>
    public static IReadOnlyList<PriceFact> Prices(string text, string? name = null) => Prices(text, Facts.Prices(text), name);

    private static IReadOnlyList<PriceFact> Prices(string text, IReadOnlyList<Facts.Price> found, string? name)
    {
        var result = new List<PriceFact>();
        for (var i = 0; i < found.Count; i++)
        {
            var price = found[i];
            var start = i > 0 ? found[i - 1].End : 0;
            var end = i + 1 < found.Count ? found[i + 1].At : text.Length;
            var from = FromBefore().IsMatch(text[start..price.At]);
            result.Add(new PriceFact(ItemOf(text[start..price.At], text[price.End..end], name), price.Amount, price.Period, from)
            {
                Said = price.Period is null ? null : Spaces().Replace(text[price.At..price.End], " "),
            });
        }

        return result;
    }

    /// <summary>
    /// What a price is for: the words just before it ("skin fades £22", "1-1 sessions in person … £45": up to where
    /// the place or the manner begins), or just after it ("£40 call-out", "£5 for a loaf"); a duration before it
    /// ("puppy classes, 6 weeks £90") defers to the words before that. How the work is done ("online only", "mobile",
    /// "weekly or fortnightly", "appointments only") is not what a price is for: the words after the price are
    /// ("appointments only, £50 deposit to book"), or else the words before the manner ("domestic cleaning, weekly, £16/hr").
    /// </summary>
    private static string ItemOf(string before, string after, string? name)
    {
        var segments = Boundary().Split(name is null ? before : BusinessMention.Without(before, name, " "))
            .Select(b => Said.Clean(Trailing().Replace(Filler().Replace(b.Trim(), string.Empty).Trim(), string.Empty).Trim(' ', '-', '–', '—', '=', ':', '+', '(', ')')) ?? string.Empty)
            .ToList();
        var following = (AfterFor().Match(after) is { Success: true } forWhat ? forWhat.Groups["item"].Value
            : AfterPrice().Match(after) is { Success: true } next ? next.Groups["item"].Value
            : string.Empty).Trim();
        var at = segments.Count - 1;
        if (at >= 0 && segments[at].Length == 0)
        {
            // "… Dorchester. £40 call-out": a price that starts a sentence names its item after it; after a comma
            // ("guided tours along the coast, €65 pp") the words before it are the item.
            var afterComma = before.TrimEnd().EndsWith(',') || before.TrimEnd().EndsWith(';');
            if (following.Length > 1 && !(afterComma && at > 0 && segments[at - 1].Length > 1))
            {
                return following;
            }

            at--;
        }

        if (at >= 0 && Manner().IsMatch(segments[at]))
        {
            if (following.Length > 1)
            {
                return following;
            }

            at--;
        }

        var last = at >= 0 ? segments[at] : string.Empty;
        if (DurationOnly().IsMatch(last) && at > 0 && segments[at - 1].Length > 1 && !Manner().IsMatch(segments[at - 1]))
        {
            last = segments[at - 1];
        }

        return last.Length > 1 && last.Split(' ').Length <= 6 ? last : following;
    }

    /// <summary>True when <paramref name="words"/> only say how or how often the work is done ("online only", "weekly or fortnightly").</summary>
    public static bool IsManner(string words) => Manner().IsMatch(words.Trim());

    /// <summary>"online only", "mobile", "weekly or fortnightly", "by appointment": how or how often the work is done.</summary>
    [GeneratedRegex(@"^(?:(?:online|mobile|remote|remotely|in[- ]person|by\s+appointment|appointments?|weekly|fortnightly|monthly|daily|only|or|and|&)(?:\s+|$))+$", RegexOptions.IgnoreCase)]
    private static partial Regex Manner();

    /// <summary>Opening hours, only where the text speaks of days or opening ("tue-sat 9-5", "open daily 7 till 3").</summary>
    private static IReadOnlyList<HoursRow> OpeningHours(string text, IReadOnlyList<Facts.Price> prices, (string Value, int At)? phone)
    {
        var lower = text.ToLowerInvariant();
        var speaksOfHours = HoursWords().IsMatch(lower) || Hours.NamesADay(lower);
        return speaksOfHours ? Hours.Read(WithoutPricesAndNumbers(text, prices, phone)) : [];
    }

    /// <summary>
    /// The parts of the text that give opening hours, in the owner's words: "Open Wed-Sun 11-6", "tues to sat 10-5,
    /// closed sun &amp; mon". Read where prices and phone numbers are blanked, so "£20-30" is not a part of them.
    /// </summary>
    private static string? HoursSaid(string text, string blanked)
    {
        var parts = HoursPart().Matches(blanked).Where(m => Hours.Read(m.Value).Count > 0)
            .Select(m => HoursAre().Replace(text.Substring(m.Index, m.Length).Trim(), string.Empty)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return parts.Count == 0 ? null : Said.Clean(string.Join(", ", parts));
    }

    /// <summary>A part of a sentence: up to a comma, a semicolon, a dash between words or the end of a sentence ("7.30" goes on).</summary>
    [GeneratedRegex(@"(?:[^.!?;,\n—–]|[.!?](?![\s]|$)|[-–—](?!\s))+")]
    private static partial Regex HoursPart();

    /// <summary>"open till 2am", "Open every day from 11am til late", "open 7 days": opening said in words the rows cannot hold.</summary>
    [GeneratedRegex(@"\b(?:open|opens|opening)\b[^.!?;\n]{0,40}?(?:\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b|\b(?:late|midnight|noon|7 days|seven days|daily|every\s?day|24/7|24 hours|all week)\b)(?:[^.!?;,\n]{0,24}?(?:\b(?:late|midnight|daily|weekends?)\b|\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b|\b(?:mon|tues?|wed|thu|thurs|fri|sat|sun)\w*(?:/(?:mon|tues?|wed|thu|thurs|fri|sat|sun)\w*)*\b))*", RegexOptions.IgnoreCase)]
    private static partial Regex OpenSaid();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>"Opening hours are tues to sat 10-5": the hours section says what they are.</summary>
    [GeneratedRegex(@"^(?:our\s+)?(?:opening\s+)?(?:hours|times)\s*(?:are|:)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex HoursAre();

    /// <summary>The text with prices and phone numbers blanked, so "£20-30" or "0113 496 0000" is never read as a time.</summary>
    private static string WithoutPricesAndNumbers(string text, IReadOnlyList<Facts.Price> prices, (string Value, int At)? phone)
    {
        var chars = text.ToCharArray();
        foreach (var price in prices)
        {
            Array.Fill(chars, ' ', price.At, price.End - price.At);
        }

        if (phone is { } number)
        {
            Array.Fill(chars, ' ', number.At, Math.Min(number.Value.Length, chars.Length - number.At));
        }

        return new string(chars);
    }

    /// <summary>Languages named where the text speaks of speaking or teaching them ("we speak Polish and English").</summary>
    private static IReadOnlyList<string> Languages(string text)
    {
        var clause = LanguageClause().Match(text);
        return clause.Success
            ? [.. LanguageNames.Where(n => WholeWords.Contains(clause.Value, n)).OrderBy(n => clause.Value.IndexOf(n, StringComparison.Ordinal))]
            : [];
    }

    [GeneratedRegex(@"[,;:(\n!?]|\.\s|\s(?:and|plus)\s|\s[—–-]\s")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"^\s*(?:(?:we|i)\s+(?:charge|do|sell|offer|have)\s+|prices?\s+(?:are|is|start)?\s*|also\s+|just\s+|only\s+|with\s+)|\s*\b(?:(?:is|are|costs?|at|from|for|just|only|starts?|starting|start at|starting at|around|about|roughly)\s*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex Filler();

    [GeneratedRegex(@"^\s*(?<item>(?!(?:each|per|a|an|for|only|from|pp|pw|pm|and|or|to)\b)\p{L}[\p{L}' &-]{1,30}?)\s*(?:[,.;:!?()\n]|\s(?:and|or|in|on|at|for|per|each|from)\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex AfterPrice();

    [GeneratedRegex(@"\b(?:from|starting at|starts at|prices? from)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FromBefore();

    [GeneratedRegex(@"^\d+\s*(?:weeks?|hours?|hrs?|h|mins?|minutes?|days?|nights?|months?|sessions?|classes|lessons)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationOnly();

    [GeneratedRegex(@"\s+(?:in person|" + BriefReader.InNotAfterAVerb + @"|around|across|throughout|near|on|at|from|with|online|covering)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex Trailing();

    [GeneratedRegex(@"^\s*(?:each\s+)?for\s+(?:a|an|the|one)?\s*(?<item>[\p{L}' &-]{2,40}?)\s*(?:[,.;:!?\n]|\s(?:and|or|in|on|at)\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex AfterFor();

    [GeneratedRegex(@"\b(?:since|established(?: in)?|est\.?|founded(?: in)?|started(?: in| out in)?|trading since|going since|opened(?: in)?)\s+(?<year>(?:18|19|20)\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Since();


    [GeneratedRegex(@"\b(?:open|opening|hours|closed|daily|every day|weekdays|weekends)\b")]
    private static partial Regex HoursWords();

    [GeneratedRegex(@"[^.!?\n]{0,30}\b(?:speak|speaks|spoken|fluent|languages?|lessons|classes|courses|teach|teaching|tuition|learn)\b[^.!?\n]{0,80}", RegexOptions.IgnoreCase)]
    private static partial Regex LanguageClause();
}
