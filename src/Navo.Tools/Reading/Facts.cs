using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Navo.Tools.Reading;

/// <summary>Facts people give in passing: prices with their currency and period, email addresses, phone numbers, street addresses.</summary>
public static partial class Facts
{
    /// <summary>A price as Navo writes it ("£18", "€4.50") with its period ("month"), and where it was in the text.</summary>
    public sealed record Price(string Amount, string? Period, int At, int End);

    /// <summary>Every price in the text, in reading order.</summary>
    public static IReadOnlyList<Price> Prices(string text) =>
        [.. PriceText().Matches(text).Select(m =>
        {
            var symbol = m.Groups["sym"].Success ? m.Groups["sym"].Value : Currency(m.Groups["word"].Value + m.Groups["code"].Value);
            var amount = m.Groups["amount"].Success ? m.Groups["amount"].Value : m.Groups["amount2"].Value;
            var period = m.Groups["per"].Success ? Period(m.Groups["per"].Value) : null;
            return new Price(symbol + amount, period, m.Index, m.Index + m.Length);
        })];

    public static string? Email(string text) => EmailText().Match(text) is { Success: true } m ? m.Value.TrimEnd('.') : null;

    public static int EmailAt(string text) => EmailText().Match(text) is { Success: true } m ? m.Index : -1;

    /// <summary>
    /// A phone number as typed, found by libphonenumber: read as a number of the regions Navo's users write from
    /// most (national formats such as "0113 496 0000" or "(512) 555-0199"), or international with "+".
    /// </summary>
    public static (string Value, int At)? Phone(string text)
    {
        foreach (var region in PhoneRegions)
        {
            // "licensed contractor (ECRA/ESA #7012345) … Call Marco 416-555-0193": a number after "#" or "licence" is a reference.
            // "full £149. 10 yrs exp … 07723 555 906": a shorter number before the phone is not it.
            var numbers = Numbers.FindNumbers(text, region, PhoneNumberUtil.Leniency.POSSIBLE, long.MaxValue)
                .Where(f => !Reference().IsMatch(text[Math.Max(0, f.Start - 16)..f.Start]) && f.RawString.Count(char.IsDigit) >= 7 && !TimeLike().IsMatch(f.RawString))
                .ToList();
            if (numbers.Count > 0)
            {
                // "ph 044 2626 1187 / 98410 55230": a second number joined to the first is kept with it, as typed.
                var first = numbers[0];
                var end = first.Start + first.Length;
                var second = numbers.Skip(1).FirstOrDefault(n => SecondNumber().IsMatch(text[end..n.Start]));
                var raw = first.RawString.Trim();
                // "txt 0412 345 678 4 appts": a lone digit after the number and before a word is text-speak ("for"), not the number's.
                if (second is null && LoneDigit().Match(raw) is { Success: true } lone && raw[..lone.Index].Count(char.IsDigit) >= 8 && WordNext().IsMatch(text[end..]))
                {
                    raw = raw[..lone.Index].TrimEnd();
                }

                return (second is null ? raw : text[first.Start..(second.Start + second.Length)].Trim(), first.Start);
            }
        }

        return null;
    }

    /// <summary>What comes before a reference number: "#", "Reg No.", "licence:" (not "+ VAT. 01423 555 780").</summary>
    [GeneratedRegex(@"(?:#|\b(?:reg|registration|licen[cs]e|lic|abn|acn|gst|vat|ein|company|cipc|rc)(?:\s*(?:no\.?|number|num))?\s*[:#]?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();

    [GeneratedRegex(@"^\s*(?:/|\bor\b|&|,)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SecondNumber();

    [GeneratedRegex(@"\s\d$")]
    private static partial Regex LoneDigit();

    [GeneratedRegex(@"^[ \t]*\p{L}")]
    private static partial Regex WordNext();

    /// <summary>
    /// "Instagram @houseoffolake", "insta: @clicktales.arjun", "tiktok @jollofqueen": where the business is on social media,
    /// and its own website as typed ("or treasurevalleytree.com").
    /// </summary>
    public static IReadOnlyList<string> Social(string text) =>
        [.. SocialHandle().Matches(text).Select(m => $"{Platforms[m.Groups["platform"].Value.ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal)]} {m.Groups["handle"].Value.TrimEnd('.')}")
            .Concat(Website().Matches(text).Select(m => $"the web at {m.Value}"))
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>"treasurevalleytree.com", "www.gullcottage.co.uk": a website's address, never an email's domain.</summary>
    [GeneratedRegex(@"(?<![@\w.-])(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|co\.uk|org\.uk|co\.nz|co\.za|com\.au|ie|ca|in|ng|ke|sg|ph|uk|nz|io|shop|store|studio)(?![\w.-]*@)(?![\w-])", RegexOptions.IgnoreCase)]
    private static partial Regex Website();

    private static readonly Dictionary<string, string> Platforms = new(StringComparer.Ordinal)
    {
        ["instagram"] = "Instagram", ["insta"] = "Instagram", ["ig"] = "Instagram", ["tiktok"] = "TikTok", ["facebook"] = "Facebook",
        ["fb"] = "Facebook", ["twitter"] = "X", ["threads"] = "Threads", ["youtube"] = "YouTube", ["yt"] = "YouTube",
    };

    [GeneratedRegex(@"\b(?<platform>instagram|insta|ig|tik ?tok|facebook|fb|twitter|threads|youtube|yt)\b\s*(?:[:\-–]|is|handle|page)?\s*(?<handle>@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)", RegexOptions.IgnoreCase)]
    private static partial Regex SocialHandle();

    private static readonly string[] PhoneRegions = ["GB", "US", "IE", "AU", "DE", "FR", "PT", "ES"];

    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>A street address: a house number and a street word ("4 Mill Lane, Leeds LS1 4AB"), or what follows "address is".</summary>
    public static (string Value, int At)? Address(string text)
    {
        var marked = AddressMarker().Match(text);
        if (marked.Success)
        {
            return (Said.Clean(Clause(text[(marked.Index + marked.Length)..]))!, marked.Index + marked.Length);
        }

        var street = StreetText().Match(text);
        return street.Success ? (Said.Clean(Clause(text[street.Index..]))!, street.Index) : null;
    }

    /// <summary>The text up to where another fact starts ("…, phone 0113…", "and our email is…").</summary>
    private static string Clause(string text)
    {
        var end = NextFact().Match(text);
        return end.Success ? text[..end.Index] : text;
    }

    /// <summary>
    /// The signs a price may carry: "£18", "€4.50", "₹500", "¥3000", "₩15000", "₱250", "₦5000", "₪40", "₺200", "₴300",
    /// "₽900", "฿350", "₫50000". Dollars with a country ("A$", "NZ$"), rand ("R150"), "CHF 80" and "kr 250" are read apart.
    /// </summary>
    public const string CurrencySign = "[£€$₹¥₩₱₦₪₺₴₽฿₫]";

    /// <summary>What a price may begin with: a sign, a dollar with its country ("NZ$45") or a code before the number ("CHF 80", "kr 250", "Rs 200").</summary>
    public const string PriceBegins = @"(?:(?:A|AU|NZ|C|CA|US|HK)\$|" + CurrencySign + @"|\b(?-i:R|CHF|kr|Rs\.?)(?=\s?\d))";

    /// <summary>What a price may end with: "80 CHF", "250 kr", "500 rupees".</summary>
    public const string PriceEnds = @"(?:euros?|pounds?|dollars?|rupees?|yen|francs?|chf|kr)\b";

    /// <summary>The sign a price written with a word or code is shown with ("250 kroner" has none, so it keeps "kr").</summary>
    private static string Currency(string word) => word.Trim().ToLowerInvariant() switch
    {
        "eur" or "euro" or "euros" => "€",
        "gbp" or "pound" or "pounds" or "quid" => "£",
        "usd" or "dollar" or "dollars" or "bucks" => "$",
        "zar" or "rand" or "rands" => "R",
        "inr" or "rupee" or "rupees" => "₹",
        "rs" or "rs." => "Rs ",
        "jpy" or "yen" => "¥",
        "aud" => "A$",
        "nzd" => "NZ$",
        "cad" => "C$",
        "chf" or "franc" or "francs" => "CHF ",
        "kr" or "sek" or "nok" or "dkk" => "kr ",
        // "KSh 35,000", "SGD 40": other currencies' codes are kept as the owner wrote them.
        _ => word.Trim() + " ",
    };

    /// <summary>"hr" is an hour and "pp" a person; a period with its length ("50-minute session", "2 hours") is kept as said.</summary>
    private static string Period(string said)
    {
        var period = Spaces().Replace(said.ToLowerInvariant(), " ");
        if (period.Any(c => char.IsDigit(c) || c is ' ' or '-'))
        {
            return period;
        }

        return period.TrimEnd('s') switch
        {
            "mo" or "month" or "pm" or "mth" => "month",
            "wk" or "week" or "pw" => "week",
            "yr" or "year" or "annum" or "pa" => "year",
            "hr" or "hour" or "ph" => "hour",
            "person" or "head" or "pp" => "person",
            var other => other,
        };
    }

    /// <summary>What a price may be per: "a month", "per session", "each bottle".</summary>
    private const string Units = "(?:month|mo|mth|week|wk|year|yr|annum|hour|hr|session|person|head|class|lesson|night|day|player|word|user|guest|child|adult|dog|cat|room|visit|term|course|bottle|jar|box|pitch|item|piece|copy|ticket|appointment|treatment|consultation|slot)s?";

    /// <summary>How long what a price is for lasts: "per 50-minute session", "per half-hour lesson", "per 30 minutes".</summary>
    private const string Length = @"(?:\d+|half)[- ]?(?:minutes?|mins?|hours?|hrs?)";

    /// <summary>
    /// A price and what it is per: a unit ("a month", "each bottle", "pp"), a unit with its length ("per 50-minute
    /// session"), half or a full hour or day, a length alone ("per 30 mins"), or a length after "for" ("£150 for 2 hours").
    /// </summary>
    [GeneratedRegex(@"(?:(?<sym>(?<![\p{L}\d])(?:A|AU|NZ|C|CA|US|HK|S|SG|J|JA|TT|BZ|EC|NT|R|MX)\$|" + CurrencySign + @"|(?-i:(?<![\p{L}\d])R(?=\s?\d)))\s?(?<amount>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:[.,]\d{1,2})?)|(?<code>\b(?:GBP|EUR|USD|ZAR|INR|JPY|CHF|AUD|NZD|CAD|SEK|NOK|DKK|SGD|JMD|TTD|NGN|KES|KSh|UGX|USh|TZS|TSh|GHS|PHP|MYR|RM|PKR|LKR|BDT|AED|Dhs|kr|Rs\.?)\s?)(?<amount2>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:[.,]\d{1,2})?)|(?<amount2>\d+(?:[.,]\d{1,2})?)\s?(?<word>euros?|eur\b|pounds?|quid|dollars?|bucks|usd\b|gbp\b|rands?\b|zar\b|rupees?|inr\b|yen\b|jpy\b|chf\b|francs?\b|(?-i:kr)\b|sek\b|nok\b|dkk\b|aud\b|nzd\b|cad\b))(?:\s*(?:/|per|a|an|each)\s*(?<per>(?:" + Length + @"[- ])?" + Units + @")\b|\s*(?:/|per|a|an)\s*(?<per>(?:half|full)[- ](?:hour|day))\b|\s*per\s+(?<per>" + Length + @")\b|\s+for\s+(?<per>\d+\s*(?:minutes?|mins?|hours?|hrs?|days?|nights?|weeks?))\b|\s*(?<per>pm|pw|pa|pp)\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex PriceText();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")]
    private static partial Regex EmailText();

    [GeneratedRegex(@"^\s*\d{1,2}([:.]\d{2})?\s*[-–]\s*\d{1,2}([:.]\d{2})?\s*$")]
    private static partial Regex TimeLike();

    [GeneratedRegex(@"\b(?:ad+ress?(?:\s+is|\s+to|\s+should be)?|located at|find us at|we(?:'re| are| have|'ve)\s+(?:now\s+|just\s+)?(?:at|on|moved to|moved\s+(?:premises\s+)?to)|moved to|based at|visit us at|new premises(?:\s+at)?)\s*:?\s*(?-i:(?=\d|\p{Lu}))", RegexOptions.IgnoreCase)]
    private static partial Regex AddressMarker();

    [GeneratedRegex(@"\b\d{1,4}[A-Za-z]?\s+\p{Lu}[\w'-]+(?:\s+\p{Lu}[\w'-]+){0,3},\s+\p{Lu}[\w'-]+(?:\s+\p{Lu}[\w'-]+)?\s+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\bUnit\s+\d{1,4}[A-Za-z]?,\s+(?:[A-Z][\w'-]*\s+){1,3}(?:Estate|Park|Centre|Center)\b|\b\d{1,4}[a-z]?,?\s+(?:[A-Z][\w'-]*\s+){1,3}(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Way|Place|Pl|Square|Sq|Drive|Dr|Court|Ct|Row|Hill|Close|Terrace|Parade|Boulevard|Blvd|Crescent|Gardens|Grove|Market|Mews|Walk|Yard|Quay|Wharf|Green|Park)\b")]
    private static partial Regex StreetText();

    [GeneratedRegex(@"[,;.]?\s+(?:and\s+)?(?:our\s+|the\s+|my\s+)?(?:phone|tel|telephone|call|ring|email|e-mail|mail|number|mobile|open|hours)\b|\n|[;]", RegexOptions.IgnoreCase)]
    private static partial Regex NextFact();
}
