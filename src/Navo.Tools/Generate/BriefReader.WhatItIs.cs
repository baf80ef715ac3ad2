using System.Text.RegularExpressions;

namespace Navo.Tools.Generate;

/// <summary>What the business is, as the owner says it ("a maths and physics tutor"), and what that says it offers.</summary>
public static partial class BriefReader
{
    /// <summary>"a little wine bar in Lewes" says what the business is; "a children's corner", later in a list, is an offering.</summary>
    private static bool IsWhatItIs(string part, string? place, string? kind) =>
        (place is not null && part.Contains(place, StringComparison.OrdinalIgnoreCase)) || (kind is not null && part.Contains(kind, StringComparison.OrdinalIgnoreCase))
        || ForTail().IsMatch(part);

    [GeneratedRegex(@"^\s*(?:a|an)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Article();

    /// <summary>
    /// What a description of the business says it offers: "a maths and physics tutor" offers maths and physics, "a
    /// bridal makeup artist" bridal makeup, "a small gin distillery on Skye" gin, "a converted barn for weddings" is for
    /// weddings; "a friendly dog groomer" says nothing more than its kind.
    /// </summary>
    private static string? Described(string part, string? kind)
    {
        // What it is ends where its place, its time or who it is for begins.
        var head = ItemEnd().Replace(ForTail().Replace(part, string.Empty), string.Empty).Trim();
        if (kind is not null && head.EndsWith(kind, StringComparison.OrdinalIgnoreCase))
        {
            // "a 24/7 locksmith", "a 17th century country pub": words with a number describe the business, not what it offers.
            var words = head[..^kind.Length].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Where(w => w.Trim(Quotes).Length > 0).SkipWhile(w => Describing().IsMatch(w)).ToList();
            if (words.Count > 0 && !words.All(w => Describing().IsMatch(w)) && !words.Any(w => w.Any(char.IsDigit)))
            {
                return string.Join(' ', words.Concat(CraftOf(head[^kind.Length..])));
            }
        }

        if (ForWhat().Match(part) is { Success: true } forWhat)
        {
            return forWhat.Groups["what"].Value;
        }

        // "a mobile notary + loan signing agent": what a person works as, where the kind has other words, is what they offer.
        return WorksAs().IsMatch(head) ? Article().Replace(head, string.Empty) : null;
    }

    /// <summary>
    /// "a freelance copywriter", "a wedding celebrant &amp; funeral officiant": two words or more ending in a word for a person
    /// at work; "a dog lover", "a proud owner" or "a single parent" say who, not what work.
    /// </summary>
    [GeneratedRegex(@"^(?:a|an)\s+(?:[\p{L}'-]+\s+(?:[+&/]\s+|and\s+)?){1,5}(?:" + PersonWord + @"|agent|notary|consultant|assistant|attendant|celebrant|officiant|technician)$(?<!\b(?:lover|owner|mother|father|member|beginner|partner|sister|brother|daughter|neighbour|neighbor|customer|user|fan|supporter|player|follower|reader|leader|seller|buyer|holder))", RegexOptions.IgnoreCase)]
    private static partial Regex WorksAs();

    /// <summary>
    /// What a company or a product is said to do: "a carpet, rug and upholstery cleaning company" offers carpet, rug and
    /// upholstery cleaning, "Ledgerly is bookkeeping software" bookkeeping software. Read before the text is split at
    /// commas, which would part the list; "a small family business" or "an online business" says nothing of what it does.
    /// </summary>
    private static string? OfferedByWhatItIs(string text)
    {
        foreach (Match match in TradeOrProduct().Matches(text))
        {
            // "a Yorkshire business", "a Tallyflow company": words in capitals are places and names, not work.
            var words = match.Groups["what"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => Describing().IsMatch(w)).ToList();
            var what = string.Join(' ', words);
            if (words.Count > 0 && !words.All(w => Describing().IsMatch(w) || char.IsUpper(w[0])) && !FactReader.IsManner(what))
            {
                return match.Groups["product"].Success ? $"{what} {match.Groups["product"].Value}" : what;
            }
        }

        return null;
    }

    /// <summary>
    /// "I have a coffee van for festivals", "we've got a converted barn to rent": what the owner has, in two or three
    /// plain words, is what they offer ("we have a small team" says one word, "team", and nothing).
    /// </summary>
    private static string? OfferedByWhatTheyHave(string text)
    {
        var match = TheyHave().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var words = match.Groups["what"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => Describing().IsMatch(w)).ToList();
        return words.Count >= 2 && !words.Any(w => Describing().IsMatch(w)) && !FactReader.IsManner(string.Join(' ', words)) ? string.Join(' ', words) : null;
    }

    [GeneratedRegex(@"\b(?:i|we)(?:\s+(?:have|own|have\s+got)|'ve\s+got|’ve\s+got)\s+(?:a|an)\s+(?<what>" + Word + @"(?:\s+" + Word + @"){1,3})(?=\s+(?:for|to\s+let|to\s+rent|for\s+hire|in|on|at|near|called|named|based|that|which)\b|\s*(?:[,.!?;:—–]|\s-\s|$))", RegexOptions.IgnoreCase)]
    private static partial Regex TheyHave();

    /// <summary>"a plumbing and heating company", "my carpet fitting business", "is invoicing software": the work of a company, or a product with what it does.</summary>
    [GeneratedRegex(@"(?:\b(?:a|an|my|our)|\b(?:is|are))\s+(?<what>" + Word + @"(?:(?:\s*,\s*|\s+&\s+|\s+)" + Word + @"){0,6})\s+(?:company|business|firm|agency|(?<product>software|app|platform))\b", RegexOptions.IgnoreCase)]
    private static partial Regex TradeOrProduct();

    /// <summary>A word of what a business does: not one that starts another part of the sentence ("a shop in town").</summary>
    private const string Word = @"(?!(?:a|an|the|is|are|was|our|my|your|we|i|it|now|that|which|who|in|on|at|for|of|with|to|from|by|as)\b)\p{L}[\p{L}'-]*";

    /// <summary>What is left where a quoted name was taken out ("'' food truck").</summary>
    private static readonly char[] Quotes = ['\'', '"', '‘', '’', '“', '”'];

    /// <summary>
    /// The words of a kind that say what its person works at: "makeup" of "makeup artist", so that "a bridal makeup
    /// artist" offers bridal makeup, not "bridal". A kind that names a place says nothing more: in "a basement cocktail
    /// bar" or "a 17th century country pub" the words before it describe the place.
    /// </summary>
    private static IEnumerable<string> CraftOf(string kind)
    {
        var words = kind.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return PersonAtWork().IsMatch(words[^1]) ? words[..^1] : [];
    }

    /// <summary>"artist", "therapist", "instructor", "groomer", "electrician": a word for a person at work.</summary>
    [GeneratedRegex(PersonWord + "$", RegexOptions.IgnoreCase)]
    private static partial Regex PersonAtWork();

    /// <summary>A word for a person at work, as <see cref="PersonAtWork"/> and <see cref="WorksAs"/> both read it.</summary>
    private const string PersonWord = @"\p{L}{2,}(?:er|or|ist|ian)";

    [GeneratedRegex(@"^(?:a|an)\s.*?\sfor\s+(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ForWhat();

    [GeneratedRegex(@"\s(?:for|in|near|based|covering|serving|around)\s.*$", RegexOptions.IgnoreCase)]
    private static partial Regex ForTail();

    [GeneratedRegex(@"^(?:small|little|local|independent|family|family-run|friendly|new|professional|experienced|qualified|certified|busy|quiet|cosy|cozy|traditional|modern|boutique|award-winning|lovely|tiny|big|large|own|established|registered|ofsted|outstanding|fully|insured|mobile|freelance|self-employed|one-woman|one-man|two-person|husband-and-wife|proper|good|great|best|the|and|&|limited|licensed|accredited|chartered|\p{L}+-(?:based|run|owned|led|only))$", RegexOptions.IgnoreCase)]
    private static partial Regex Describing();
}
