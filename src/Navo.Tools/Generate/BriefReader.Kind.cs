using System.Text.RegularExpressions;
using Navo.Tools.Reading;

namespace Navo.Tools.Generate;

/// <summary>What kind of business a description is about, by meaning: the taxonomy's nearest kind over its clauses.</summary>
public static partial class BriefReader
{
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
            if (best.Score >= SureAlone)
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
        var from = new int[context.Length];
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
                if (scores[k] > raw[k])
                {
                    raw[k] = scores[k];
                    from[k] = c;
                }
            }
        }

        var top = Enumerable.Range(0, nearest.Length).MaxBy(k => nearest[k] + (0.5f * context[k]));
        if (raw[top] < Kinds.Threshold)
        {
            top = Enumerable.Range(0, raw.Length).MaxBy(k => raw[k]);
        }

        // A kind near one clause only ("clock servicing" ~ a garage's "car servicing") and far from the description
        // as a whole is not taken: the business is one the taxonomy does not know.
        var chosen = new KindMatch(Kinds.Shared.All[top], raw[top] < SureAlone && context[top] < Context ? 0f : raw[top]);
        if (chosen.Score < Kinds.Threshold)
        {
            return (null, said);
        }

        // How far the kind leads the nearest kind of another pack: a close call between trades that write different
        // copy (a bookbinder between a bookshop and an accountant) is no call at all.
        var combined = nearest.Select((n, k) => n + (0.5f * context[k])).ToArray();
        var lead = combined[top] - Enumerable.Range(0, combined.Length).Where(k => Kinds.Shared.All[k].Pack != chosen.Kind.Pack).Max(k => combined[k]);
        var winner = candidates[from[top]];
        return Unsure(chosen, context[top], lead, winner == said ? said : null, winner == name) ? (null, said) : (chosen.Kind, chosen.Kind.Label);
    }

    /// <summary>
    /// Whether a kind that passed the threshold is still a guess, so that honest copy from the owner's own words beats
    /// a neighbouring trade's: the description as a whole is far from it and another pack is close behind (a
    /// man-and-van "van business" ~ a food truck); it is only moderately near and another pack is closer still behind
    /// (a glassblowing studio ~ a photographer); or it won on the owner's own name for their trade, which is not
    /// that near and shares none of the kind's words ("knife maker" ~ a butcher, "bookbinder" ~ a bookshop), or on the
    /// business's name alone, which is less near still ("Holloway Guitar Works" ~ a music teacher).
    /// </summary>
    private static bool Unsure(KindMatch chosen, float context, float lead, string? ownWords, bool byName) =>
        (context < FarContext && lead < WideLead)
        || (byName && chosen.Score < Moderate)
        || (chosen.Score < Moderate && lead < NarrowLead)
        || (ownWords is not null && chosen.Score < SureAlone && !Kinds.SharesWords(chosen.Kind, ownWords));

    private const float FarContext = 0.44f;
    private const float WideLead = 0.12f;
    private const float Moderate = 0.6f;
    private const float NarrowLead = 0.06f;

    /// <summary>A clause this near a kind names it whatever the rest of the description says.</summary>
    private const float SureAlone = 0.7f;

    /// <summary>How near the whole description must be to a kind that only one clause is moderately near.</summary>
    private const float Context = 0.3f;

    /// <summary>What is left where the name stood ("name is", "called") says nothing about the kind.</summary>
    [GeneratedRegex(@"\b(?:(?:my\s+)?(?:business\s+)?name\s+is|called|named|trading\s+as|business\s+is|company\s+is)\b[\s,.]*", RegexOptions.IgnoreCase)]
    private static partial Regex NamingWords();

    /// <summary>"Workshop in", "my studio": places of work say nothing about the trade.</summary>
    [GeneratedRegex(@"^(?:(?:my|our|a|the|small|little|home|own)\s+)*(?:workshop|studio|shop|unit|premises|office|van|place|business|company|home)(?:\s+(?:in|near|at|on))?$", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyGeneric();

    /// <summary>"not a gift shop" says what the business is not.</summary>
    [GeneratedRegex(@"\bnot\s+(?:a|an|the)?\s*\w", RegexOptions.IgnoreCase)]
    private static partial Regex Negated();

    /// <summary>The clauses of a description short enough to name a kind of business: up to ten words.</summary>
    private static IEnumerable<string> Candidates(string text) =>
        Clause().Split(text).Concat(ItemSplit().Split(text))
            .Select(c => NamingWords().Replace(c, " ").Trim(' ', ',', '.', '!', '?'))
            .Where(c => !OnlyGeneric().IsMatch(c))
            .Where(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is var n && (n is >= 2 and <= 10 || (n == 1 && c.Length >= 5)) && !Request().IsMatch(c) && !Negated().IsMatch(c))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(16);

    /// <summary>The description without the name, the place and the request for a website: what is left says what the business is.</summary>
    private static string Strip(string text, string? name, string? place)
    {
        var rest = SiteRequest().Replace(text, " ");
        foreach (var known in new[] { name, place }.OfType<string>())
        {
            rest = BusinessMention.Without(rest, known, " ");
        }

        return Spaces().Replace(rest, " ").Trim(' ', ',', '.', ':', '-');
    }

    /// <summary>A clause ends at a full stop, a dash, a colon or an emoji ("… in Raglan 🏄 beginner lessons"), not at "360°" or "™".</summary>
    [GeneratedRegex(@"[.!?](?!\d)|\n|;|\s[—–-]\s|—|–|:\s|(?:[\p{So}-[©®™°]]|\p{Cs})+")]
    private static partial Regex Clause();

    /// <summary>
    /// A list of offerings splits at commas and slashes; "custom and flash tattoos" stays one offering, and so do
    /// "24/7 access" and "move in/move out" (a slash between numbers, or after "in", "out", "on", "off", "up", "down").
    /// </summary>
    [GeneratedRegex(@"(?:\s*,)+\s*(?:and\s+|&\s+)?|(?<!(?:\d|\b(?:in|out|on|off|up|down))\s*)\s*/(?!\s*\d)\s*|\s+plus\s+")]
    private static partial Regex ItemSplit();

    [GeneratedRegex(@"\b(?:web\s*site\b" + NotSiteWork + @"|(?:a|the|my|our|new|one[- ]page)\s+site|site (?:name|for)|web page|can you|could you|please|need a|want a|make me|build me|hi|hello|hey|thanks)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Request();
}
