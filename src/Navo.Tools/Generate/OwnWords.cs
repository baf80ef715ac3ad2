using System.Text.RegularExpressions;
using Navo.Tools.Reading;

namespace Navo.Tools.Generate;

/// <summary>
/// What the owner told Navo about the business, in their own sentences, for the about section: "€30 for a single bath,
/// €50 to share.", "Three artists, mostly fine line, blackwork and traditional nautical stuff." Sentences that speak to
/// Navo rather than to visitors are left out (greetings, requests for a site, corrections, thanks), and so are those a
/// visitor should not read as the business's own offer: what it does not do ("we don't do weddings") and other
/// businesses ("the café next door does great chowder"), sentences about someone in the third person ("my uncle's
/// stall", "he's been there since 1985"), what is said about the name, and contact details and hours, which have their places.
/// </summary>
public static partial class OwnWords
{
    /// <summary>The most sentences kept, and the most characters: a paragraph, not the whole message.</summary>
    private const int MaxSentences = 6;

    private const int MaxLength = 700;

    /// <summary>
    /// The owner's sentences about the business from <paramref name="description"/>, tidied, in order; a sentence that is
    /// only the business's <paramref name="name"/> ("… €60. Spin Doctor Galway.") is left out, as the title says it.
    /// </summary>
    public static IReadOnlyList<string> Sentences(string description, string? name = null)
    {
        var kept = new List<string>();
        var length = 0;
        foreach (var raw in SentenceEnd().Split(Bullet().Replace(description, "\n")))
        {
            var sentence = Tidy(raw);
            if (sentence.Length < 8 || sentence.Length > 240 || NotForVisitors().IsMatch(sentence) || Contact().IsMatch(sentence) || !sentence.Any(char.IsLetter)
                || (name is not null && string.Equals(sentence.TrimEnd('.', '!', '?'), name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (length + sentence.Length > MaxLength)
            {
                break;
            }

            kept.Add(sentence);
            length += sentence.Length + 1;
            if (kept.Count == MaxSentences)
            {
                break;
            }
        }

        return kept;
    }

    /// <summary>"hiya we do window cleaning 🙂" is "We do window cleaning."; "i" is "I".</summary>
    private static string Tidy(string raw)
    {
        var sentence = Emoji().Replace(Greeting().Replace(Said.Spelled(raw.Trim()), string.Empty), string.Empty);
        sentence = LowerI().Replace(Spaces().Replace(sentence, " "), "I").Trim().TrimEnd(',', ';', ':', '-', '–', '—').Trim();
        sentence = Exclaimed().Replace(sentence, "!");
        if (sentence.Length == 0)
        {
            return sentence;
        }

        sentence = char.ToUpperInvariant(sentence[0]) + sentence[1..];
        return sentence[^1] is '.' or '!' or '?' ? sentence : sentence + ".";
    }

    /// <summary>A sentence ends at a full stop, but not at that of "est.", "St." or "No.".</summary>
    [GeneratedRegex(@"(?<=[.!?])(?<!\b(?i:est|estd|st|no|nr|approx|incl|excl|mr|mrs|ms|dr|co|ltd|inc|vs|etc|min|hr|hrs|mins)\.)\s+|\n+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^[ \t]*(?:[-•*·]|\d+[.)])[ \t]+", RegexOptions.Multiline)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(?:(?:" + BusinessMention.GreetingWords + @")(?:\s+(?:there|all|everyone|team))?\b[\s,!.]*|(?:so|ok|okay|right|well|um|erm)\b[\s,]+)+", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"[\p{So}\p{Cs}\uFE0F\u200D]+")]
    private static partial Regex Emoji();

    [GeneratedRegex(@"(?<![\p{L}'’])i(?=(?:'|’)?(?:m|ve|ll|d)?\b)(?![\p{L}])")]
    private static partial Regex LowerI();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"!{2,}")]
    private static partial Regex Exclaimed();

    /// <summary>Sentences for Navo, about something else, or that have a place of their own on the site.</summary>
    [GeneratedRegex(
        @"\b(?:web\s*site|webpage|(?<!-)(?:a|the|my|our|new|this|your|simple|one|single|landing|home)\s+(?:web\s*)?(?:site|page)|navo|can you|could you|can u|would you|please|pls|plz|make me|build|help me|looking for|need a|want a|wants a|i'd like|i would like"
        + @"|not an?|actually|i meant|thanks|thank you|cheers|ta|diolch|don't|dont|do not|doesn't|doesnt|does not|won't|cannot|can't|never|except|nor"
        + @"|next door|neighbou?r|down the (?:road|street)|across the (?:road|street)|send (?:people|them|customers)|recommend"
        + @"|name)\b|^(?:my (?:uncle|aunt|auntie|brother|sister|mum|mom|dad|mother|father|wife|husband|son|daughter|friend|partner|cousin|gran|grandad|grandma|nan)'?s?"
        + @"|he|she|he's|she's|his|her)\b|^(?:open|opening|closed|hours|call|ring|phone|tel|text|email|e-mail|whatsapp|contact)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex NotForVisitors();

    /// <summary>An email address or a phone number: the contact section shows them.</summary>
    [GeneratedRegex(@"@|\+?\d[\d ()-]{6,}\d")]
    private static partial Regex Contact();
}
