using System.Text.RegularExpressions;

namespace Navo.Tools.Reading;

/// <summary>
/// States, provinces and territories people write after their town ("Austin TX", "in halifax ns", "boise idaho",
/// "lunenburg, nova scotia"): the word before one is the town. Codes that are also English words ("in", "or", "me",
/// "ok") count only in capitals.
/// </summary>
public static partial class Regions
{
    /// <summary>Codes of US states, Canadian provinces and Australian states, in capitals.</summary>
    public const string Upper =
        "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
        + "|AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT|NSW|QLD|VIC|TAS|SA|ACT|Qld|Vic|Tas";

    /// <summary>The codes that are no English word, so also read in lower case, and the regions' names.</summary>
    private const string AnyCase =
        "ak|az|ar|ct|fl|ga|ia|ks|ky|md|mn|mt|nv|nh|nj|nm|ny|nc|nd|ri|sc|sd|tn|tx|ut|vt|va|wv|wi|wy|ab|bc|mb|nl|ns|nu|qc|sk|yt|nsw|qld|vic|tas"
        + "|alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas"
        + "|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire"
        + "|new jersey|new mexico|new york state|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina"
        + "|south dakota|tennessee|texas|utah|vermont|virginia|west virginia|wisconsin|wyoming|alberta|british columbia|manitoba"
        + "|new brunswick|newfoundland|nova scotia|ontario|quebec|saskatchewan|queensland|new south wales|victoria|tasmania"
        + "|western australia|south australia|northern territory"
        // New Zealand's regions, India's states, South Africa's provinces.
        + "|northland|auckland region|waikato|bay of plenty|taranaki|hawke's bay|manawatu|wairarapa|marlborough|tasman|west coast|canterbury|otago|southland"
        + "|kerala|goa|karnataka|tamil nadu|maharashtra|gujarat|rajasthan|punjab|west bengal|telangana|andhra pradesh|uttar pradesh|himachal pradesh"
        + "|uttarakhand|madhya pradesh|haryana|odisha|assam|bihar|sikkim|gauteng|kwazulu-natal|kzn|western cape|eastern cape|northern cape|free state|limpopo|mpumalanga"
        + "|co\\.? (?:kerry|cork|clare|galway|mayo|donegal|wicklow|wexford|kildare|meath|kilkenny|tipperary|limerick|waterford|sligo|leitrim|roscommon|longford|westmeath|offaly|laois|carlow|cavan|monaghan|louth|dublin|antrim|down|armagh|tyrone|fermanagh|derry)";

    /// <summary>The town before a region, as typed ("halifax" in "in halifax ns", "Austin" in "Austin TX"), or null.</summary>
    public static string? TownBefore(string text) =>
        TownThenRegion().Matches(text)
            // "taco truck LA": a code that is also a word ("LA", "IN", "OK") follows a town written with a capital.
            .Where(m => char.IsUpper(m.Groups["town"].Value[0]) || !Upper.Split('|').Contains(m.Groups["region"].Value, StringComparer.Ordinal) || AnyCase.Split('|').Contains(m.Groups["region"].Value.ToLowerInvariant(), StringComparer.Ordinal))
            .Select(m => m.Groups["town"].Value).FirstOrDefault(t => !NotTowns.Contains(t.ToLowerInvariant()));

    /// <summary>Counties of England, Wales and Scotland people write after their town ("Swindon, Wiltshire"), in any case.</summary>
    private const string Counties =
        "[a-z]+shire|devon|cornwall|kent|essex|surrey|sussex|east sussex|west sussex|norfolk|suffolk|dorset|somerset|cumbria"
        + "|durham|county durham|northumberland|rutland|merseyside|middlesex|tyne and wear|fife|powys|gwynedd|ceredigion"
        // The short forms people write: "Newark, Notts", "Hitchin, Herts".
        + "|notts|lancs|yorks|herts|bucks|beds|berks|wilts|glos|oxon|hants|northants|cambs|leics|lincs|staffs|worcs|derbys|warks|shropshire|cheshire";

    /// <summary>
    /// The <paramref name="town"/> with the state, province or county the text writes after it ("Asheville, NC",
    /// "Portland, Oregon", "Swindon, Wiltshire"), so the site says the place as the owner did; the town alone when none
    /// follows. Codes are written in capitals and names with them ("halifax ns" is "Halifax NS").
    /// </summary>
    public static string WithRegion(string text, string town)
    {
        var match = Regex.Match(
            text,
            @"(?<![\p{L}'’-])(?i:" + Regex.Escape(town) + @")(?<comma>,?)\s+(?<region>(?i:" + AnyCase + "|" + Counties + ")|(?-i:" + Upper + @"))" + RegionEnds,
            RegexOptions.None,
            TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            return town;
        }

        var region = match.Groups["region"].Value;
        var written = region.Length <= 3 ? (region.Any(char.IsUpper) ? region : region.ToUpperInvariant())
            : region.Any(char.IsUpper) ? region
            : System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(region).Replace(" And ", " and ", StringComparison.Ordinal);
        return town + match.Groups["comma"].Value + " " + written;
    }

    /// <summary>Whether <paramref name="words"/> are a state, province, region or county ("Nova Scotia", "Somerset"), not a town.</summary>
    public static bool IsRegion(string words) =>
        Regex.IsMatch(words, @"^(?:(?i:" + AnyCase + "|" + Counties + ")|(?-i:" + Upper + "))$", RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>A region ends a clause or goes on with "or", "and", "area" ("in burlington vt or drop off").</summary>
    private const string RegionEnds = @"(?=\s*(?:[,.!?;:)—–]|\s-\s|$|\p{So}|\p{Cs})|\s+(?i:or|and|area|&|since|for)\b)";

    private static readonly HashSet<string> NotTowns = new(
        ["the", "and", "in", "of", "from", "near", "our", "my", "a", "an", "to", "for", "at", "on", "all", "across", "throughout", "based", "serving", "covering", "office", "shop", "company", "business", "store", "service", "services"],
        StringComparer.Ordinal);

    /// <summary>
    /// A town of one or two words before a region, where the region ends a clause or goes on with "or", "and", "area"
    /// ("in burlington vt or drop off"); two words after "in", "near" or "based in" ("sugar land tx") or in capitals
    /// ("Lennox Head NSW").
    /// </summary>
    [GeneratedRegex(@"(?:\b(?i:in|near|based in|located in|serving|covering|around)\s+(?<town>\p{L}[\p{L}'’-]+\s+\p{L}[\p{L}'’-]+)|(?<![\p{L}'’-])(?<town>\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+|\p{L}[\p{L}'’-]{2,})),?\s+(?<region>(?i:" + AnyCase + ")|(?-i:" + Upper + @"))(?=\s*(?:[,.!?;:)—–]|\s-\s|$|\p{So}|\p{Cs})|\s+(?i:or|and|area|&|since|for)\b)")]
    private static partial Regex TownThenRegion();
}
