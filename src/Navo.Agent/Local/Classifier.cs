namespace Navo.Agent.Local;

/// <summary>
/// A multinomial naive Bayes classifier over word unigrams and bigrams, trained at start-up from the phrasings
/// under <c>prompts/local/intents/</c>. Deterministic; knows unseen words by correcting one-letter typos to the
/// vocabulary it was trained on.
/// </summary>
public sealed class Classifier
{
    private const double Smoothing = 0.3;
    private readonly Dictionary<string, Dictionary<string, int>> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _totals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private readonly HashSet<string> _features = new(StringComparer.Ordinal);

    /// <summary>Trains on every <c>{intent}.txt</c> in <paramref name="folder"/>, expanding placeholders with sample values.</summary>
    public static Classifier Train(string folder)
    {
        var classifier = new Classifier();
        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var intent = Path.GetFileNameWithoutExtension(file);
            foreach (var line in File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                foreach (var example in Expand(line))
                {
                    classifier.Add(intent, Utterance.Parse(example).Tokens);
                }
            }
        }

        return classifier;
    }

    /// <summary>The intents by probability, best first.</summary>
    public IReadOnlyList<(string Intent, double Probability)> Classify(IReadOnlyList<string> tokens)
    {
        var corrected = tokens.Select(Correct).ToList();
        var features = Features(corrected).Where(_features.Contains).ToList();
        var scores = _counts.Keys.Select(intent =>
        {
            var counts = _counts[intent];
            var total = _totals[intent] + (Smoothing * _features.Count);
            var score = features.Sum(f => Math.Log((counts.GetValueOrDefault(f) + Smoothing) / total));
            return (Intent: intent, Score: score);
        }).ToList();

        if (features.Count == 0)
        {
            return [.. scores.Select(s => (s.Intent, 1.0 / scores.Count))];
        }

        var max = scores.Max(s => s.Score);
        var sum = scores.Sum(s => Math.Exp(s.Score - max));
        return [.. scores.Select(s => (s.Intent, Math.Exp(s.Score - max) / sum)).OrderByDescending(s => s.Item2).ThenBy(s => s.Intent, StringComparer.Ordinal)];
    }

    /// <summary>A word the classifier never saw becomes the closest one it did (one edit away, two for long words).</summary>
    public string Correct(string token)
    {
        if (token.Length < 4 || _vocabulary.ContainsKey(token) || token is "QUOTE" or "COLOR" or "SECTION" or "NUM")
        {
            return token;
        }

        var allowed = token.Length >= 8 ? 2 : 1;
        return _vocabulary
            .Where(v => Math.Abs(v.Key.Length - token.Length) <= allowed)
            .Select(v => (Word: v.Key, Count: v.Value, Distance: Typos.Distance(token, v.Key)))
            .Where(v => v.Distance <= allowed)
            .OrderBy(v => v.Distance).ThenByDescending(v => v.Count).ThenBy(v => v.Word, StringComparer.Ordinal)
            .Select(v => v.Word)
            .FirstOrDefault() ?? token;
    }

    private void Add(string intent, IReadOnlyList<string> tokens)
    {
        if (!_counts.TryGetValue(intent, out var counts))
        {
            _counts[intent] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
            _totals[intent] = 0;
        }

        foreach (var token in tokens)
        {
            _vocabulary[token] = _vocabulary.GetValueOrDefault(token) + 1;
        }

        foreach (var feature in Features(tokens))
        {
            counts[feature] = counts.GetValueOrDefault(feature) + 1;
            _totals[intent]++;
            _features.Add(feature);
        }
    }

    private static IEnumerable<string> Features(IReadOnlyList<string> tokens)
    {
        foreach (var token in tokens)
        {
            yield return token;
        }

        var padded = new List<string> { "<s>" };
        padded.AddRange(tokens);
        padded.Add("</s>");
        for (var i = 0; i + 1 < padded.Count; i++)
        {
            yield return padded[i] + " " + padded[i + 1];
        }
    }

    private static IEnumerable<string> Expand(string line)
    {
        var lines = new List<string> { line };
        foreach (var (placeholder, values) in Vocabulary.Samples)
        {
            lines = [.. lines.SelectMany(l => l.Contains(placeholder, StringComparison.Ordinal)
                ? values.Select(v => l.Replace(placeholder, v, StringComparison.Ordinal))
                : [l])];
        }

        return lines.Distinct(StringComparer.Ordinal).Take(12);
    }

}
