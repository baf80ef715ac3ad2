using Navo.Tools.Reading;

namespace Navo.Tools.Generate;

/// <summary>
/// One kind of business from the taxonomy (<c>Generate/Packs/kinds.tsv</c>): its pack of copy, what it is called
/// ("dog groomer"), its main button ("Book a groom"), what almost every such business offers, and other ways people
/// name or describe it, which the sentence-embedding model matches against the owner's words.
/// </summary>
public sealed record BusinessKind(string Id, string Pack, string Label, string CallToAction, IReadOnlyList<string> Offerings, IReadOnlyList<string> Phrases);

/// <summary>How sure a match is: the kind and the cosine similarity between the owner's words and its nearest phrase.</summary>
public sealed record KindMatch(BusinessKind Kind, float Score);

/// <summary>
/// The taxonomy of business kinds, matched by meaning: every kind's label and phrases are embedded once
/// (all-MiniLM-L6-v2), and the owner's words go to the kind of the nearest phrase. A best score under
/// <see cref="Threshold"/> is an unknown kind: Navo then writes neutral copy from the owner's own words rather than
/// another industry's.
/// </summary>
public sealed class Kinds
{
    /// <summary>Below this cosine similarity nothing in the taxonomy is close enough to call it that kind.</summary>
    public const float Threshold = 0.55f;

    /// <summary>The kinds as listed, without their embeddings (declared first: the shared instance embeds these very kinds).</summary>
    public static IReadOnlyList<BusinessKind> Taxonomy { get; } = ReadTaxonomy();

    private static readonly Lazy<Kinds> SharedInstance = new(() => new Kinds(Taxonomy), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly float[][] _vectors;
    private readonly int[] _owners;

    private Kinds(IReadOnlyList<BusinessKind> all)
    {
        All = all;
        var sentences = all.SelectMany((k, i) => k.Phrases.Prepend(k.Label).Select(p => (Kind: i, Phrase: p))).ToList();
        _owners = [.. sentences.Select(s => s.Kind)];
        _vectors = SentenceEmbedder.Shared.Embed([.. sentences.Select(s => s.Phrase)]);
    }

    /// <summary>The taxonomy, embedded on first use (about two seconds; the host does it at start-up).</summary>
    public static Kinds Shared => SharedInstance.Value;

    public IReadOnlyList<BusinessKind> All { get; }

    /// <summary>
    /// The words with misspelt trade words put right against the taxonomy's own words ("dog groming" -> "dog
    /// grooming"), so the embedding sees what the owner meant. A typo keeps the first letter: "thatcher" is not "catcher";
    /// a word of five letters or fewer is left alone, as one edit turns many into another real word ("point" is not "paint",
    /// "greek" is not "green").
    /// </summary>
    public static string? Corrected(string? words) =>
        words is null ? null : string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length >= 6 && !Vocabulary.Value.Contains(w) && Typos.Closest(w, Vocabulary.Value.Where(v => v[0] == w[0])) is { } near ? near : w));

    private static readonly Lazy<HashSet<string>> Vocabulary = new(() =>
        [.. Taxonomy.SelectMany(k => k.Phrases.Append(k.Label)).SelectMany(p => p.ToLowerInvariant().Split(' ', ',', '-')).Where(w => w.Length > 0)]);

    /// <summary>Whether <paramref name="word"/> is one of the words the taxonomy names or describes kinds with ("mobile", "dog", "wedding").</summary>
    public static bool IsTaxonomyWord(string word) => Vocabulary.Value.Contains(word.ToLowerInvariant());

    /// <summary>
    /// Whether <paramref name="words"/> only say what kind of trade it is: none, one word the taxonomy uses ("mobile",
    /// "dog"), or words it uses together, in this order ("mobile dog" of "mobile dog grooming"). "fade street" are
    /// taxonomy words, but no kind says them together: they name a business.
    /// </summary>
    public static bool DescribesATrade(IReadOnlyList<string> words) =>
        words.All(IsTaxonomyWord) && (words.Count <= 1 || Sayings.Value.Any(p => p.Contains(" " + string.Join(' ', words).ToLowerInvariant() + " ", StringComparison.Ordinal)));

    private static readonly Lazy<List<string>> Sayings = new(() =>
        [.. Taxonomy.SelectMany(k => k.Phrases.Append(k.Label)).Select(p => " " + p.ToLowerInvariant() + " ")]);

    /// <summary>
    /// Whether <paramref name="word"/> ends a short name of a trade ("barbers", "walking" of "dog walking", "bakery"):
    /// the last word of a kind's label or of a phrase of at most two words.
    /// </summary>
    public static bool IsTradeWord(string word) => TradeWords.Value.Contains(word.ToLowerInvariant());

    /// <summary>Whether a trade's word starts with <paramref name="stem"/> and adds at most three letters: "plumb" of "plumber", "electric" of "electrician".</summary>
    public static bool HasTradeStartingWith(string stem) =>
        TradeWords.Value.Any(w => w.StartsWith(stem, StringComparison.Ordinal) && w.Length - stem.Length is > 0 and <= 3);

    private static readonly Lazy<HashSet<string>> TradeWords = new(() =>
        [.. Taxonomy.SelectMany(k => k.Phrases.Where(p => p.Split(' ').Length <= 2).Append(k.Label)).Select(p => p.ToLowerInvariant().Split(' ')[^1])]);

    /// <summary>
    /// Whether <paramref name="words"/> share a word that says what <paramref name="kind"/> is: "bacp registered
    /// counsellor" and a counsellor do, "bookbinder" and a bookshop do not. Words every trade uses ("shop", "maker",
    /// "studio") do not count; "groomer" and "grooming" are one word.
    /// </summary>
    public static bool SharesWords(BusinessKind kind, string words)
    {
        var own = kind.Phrases.Append(kind.Label).SelectMany(Words).Where(w => !Common.Contains(w)).ToList();
        return Words(words).Any(w => !Common.Contains(w) && own.Any(k => SameWord(w, k)));

        // "cafe" is "café": accents are compared away, as people often leave them out.
        static IEnumerable<string> Words(string text) =>
            WithoutAccents(text.ToLowerInvariant()).Split([' ', ',', '-', '\'', '&', '/'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3);

        // Not string.Normalize: under invariant globalization, which the hosts run with, it leaves "é" whole.
        static string WithoutAccents(string text) => AnyAscii.Transliteration.Transliterate(text);

        static bool SameWord(string a, string b)
        {
            a = a.TrimEnd('s');
            b = b.TrimEnd('s');
            return a == b || (a.Length >= 5 && b.Length >= 5 && a[..5] == b[..5]);
        }
    }

    private static readonly HashSet<string> Common = new(
        ["shop", "store", "service", "services", "company", "business", "studio", "centre", "center", "school", "hire", "repair", "repairs",
         "maker", "makers", "and", "the", "for", "our", "your", "with", "from", "own", "local", "small", "independent", "family", "mobile", "home"],
        StringComparer.Ordinal);

    /// <summary>The kind with <paramref name="id"/>, or null.</summary>
    public static BusinessKind? Find(string? id) => id is null ? null : Taxonomy.FirstOrDefault(k => k.Id == id);

    /// <summary>
    /// The kinds nearest in meaning to <paramref name="words"/>, best first, each scored by its nearest phrase.
    /// </summary>
    public IReadOnlyList<KindMatch> Rank(string words, int take = 3) => Rank(SentenceEmbedder.Shared.Embed(words), take);

    public IReadOnlyList<KindMatch> Rank(float[] embedding, int take = 3)
    {
        var best = Scores(embedding);
        return [.. best.Select((score, i) => new KindMatch(All[i], score)).OrderByDescending(m => m.Score).Take(take)];
    }

    /// <summary>For every kind, in the order of <see cref="All"/>, the similarity of its nearest phrase to the embedding.</summary>
    public float[] Scores(float[] embedding)
    {
        var best = new float[All.Count];
        Array.Fill(best, -1f);
        for (var i = 0; i < _vectors.Length; i++)
        {
            var score = Dot(embedding, _vectors[i]);
            if (score > best[_owners[i]])
            {
                best[_owners[i]] = score;
            }
        }

        return best;
    }

    /// <summary>Cosine similarity of two unit-length embeddings.</summary>
    private static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static List<BusinessKind> ReadTaxonomy()
    {
        using var stream = typeof(Kinds).Assembly.GetManifestResourceStream("Navo.Tools.Generate.Packs.kinds.tsv")
            ?? throw new InvalidDataException("The business kinds (Generate/Packs/kinds.tsv) are not embedded.");
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(r => new BusinessKind(r[0], r[1], r[2], r[3], List(r[4]), List(r[5])))];
    }

    private static string[] List(string field) => field.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
