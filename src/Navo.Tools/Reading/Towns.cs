using System.Text.RegularExpressions;

namespace Navo.Tools.Reading;

/// <summary>
/// Towns and cities Navo knows by name (<c>towns.tsv</c>: every town of at least 50,000 people and every capital, from
/// GeoNames, without names that are also English words such as "Reading" or "Mobile"). Read only where nothing in the
/// message says where the business is in the usual way ("in Leeds", "Harrogate-based"): "fade factory barbers
/// peckham", "barbing salon in wuse 2 abuja", "window cleaning leeds area".
/// </summary>
public static partial class Towns
{
    /// <summary>Each town's name in lower case, and as it is written.</summary>
    private static readonly Lazy<Dictionary<string, string>> Known = new(Load);

    /// <summary>
    /// The first known town named in <paramref name="text"/>, as it is written ("Abuja"), or null. A word that names the
    /// person ("hi, I'm Charlotte", "ask for Preston") is not a town.
    /// </summary>
    public static string? First(string text)
    {
        var words = Word().Matches(text).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            // "kuala lumpur", "george town": the longest name that starts here, of up to three words in one clause.
            for (var length = Math.Min(3, words.Count - i); length >= 1; length--)
            {
                var run = words.GetRange(i, length);
                if (!InOneClause(text, run))
                {
                    continue;
                }

                var name = string.Join(' ', run.Select(w => w.Value)).ToLowerInvariant();
                if (Known.Value.TryGetValue(name, out var written) && !NamesAPerson().IsMatch(text[..run[0].Index]))
                {
                    return written;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="place"/> with a city's short form written out: "Bangsar, KL" is "Bangsar, Kuala Lumpur", "Digbeth,
    /// Brum" "Digbeth, Birmingham", "chch" "Christchurch". Only short forms no state or country uses ("QC", "LA" and
    /// "PE" stay as typed).
    /// </summary>
    public static string Expanded(string place) =>
        string.Join(", ", place.Split(',', StringSplitOptions.TrimEntries).Select(part => ShortForms.TryGetValue(part.TrimEnd('.'), out var town) ? town : part));

    private static readonly Dictionary<string, string> ShortForms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["KL"] = "Kuala Lumpur", ["chch"] = "Christchurch", ["melb"] = "Melbourne", ["melbs"] = "Melbourne", ["syd"] = "Sydney",
        ["brissie"] = "Brisbane", ["brisvegas"] = "Brisbane", ["brum"] = "Birmingham", ["ldn"] = "London", ["joburg"] = "Johannesburg",
        ["jo'burg"] = "Johannesburg", ["jozi"] = "Johannesburg", ["jhb"] = "Johannesburg", ["cpt"] = "Cape Town", ["dbn"] = "Durban",
        ["pta"] = "Pretoria", ["nyc"] = "New York", ["philly"] = "Philadelphia", ["nola"] = "New Orleans", ["welly"] = "Wellington",
        ["akl"] = "Auckland", ["hk"] = "Hong Kong", ["mtl"] = "Montreal", ["yyc"] = "Calgary", ["blr"] = "Bangalore", ["hyd"] = "Hyderabad",
    };

    /// <summary>Whether <paramref name="words"/> name a town Navo knows, or a city's short form ("KL", "chch").</summary>
    public static bool Knows(string words) => ShortForms.ContainsKey(words.TrimEnd('.')) || Known.Value.ContainsKey(words.ToLowerInvariant());

    /// <summary>Whether the words follow each other with only spaces between them.</summary>
    private static bool InOneClause(string text, List<Match> run) =>
        run.Zip(run.Skip(1)).All(pair => string.IsNullOrWhiteSpace(text[(pair.First.Index + pair.First.Length)..pair.Second.Index]));

    private static Dictionary<string, string> Load()
    {
        using var stream = typeof(Towns).Assembly.GetManifestResourceStream("Navo.Tools.Reading.towns.tsv")
            ?? throw new InvalidDataException("The towns (Reading/towns.tsv) are not embedded.");
        using var reader = new StreamReader(stream);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                written.TryAdd(line.ToLowerInvariant(), line);
            }
        }

        return written;
    }

    [GeneratedRegex(@"\p{L}[\p{L}'’-]*")]
    private static partial Regex Word();

    /// <summary>What comes before a person's name: "I'm", "my name is", "it's", "ask for", "call", "thanks", "love".</summary>
    [GeneratedRegex(@"\b(?i:i'm|i’m|im|i am|name is|name's|it's|it’s|its|this is|ask for|call|ring|text|thanks|thank you|cheers|regards|love|from your|yours|by|with|and|&)\s*[,!]?\s*$")]
    private static partial Regex NamesAPerson();
}
