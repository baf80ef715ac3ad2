using System.Security.Cryptography;
using System.Text;

namespace Navo.Agent.Local;

/// <summary>
/// The phrasings the intent classifier learns from: every line of <c>prompts/local/intents/{intent}.txt</c>, with
/// placeholders (<c>{section}</c>, <c>{quote}</c>, …) filled from a couple of sample values each.
/// </summary>
public sealed record TrainingSet(IReadOnlyList<(string Intent, string Text)> Examples)
{
    private static readonly (string Placeholder, string[] Values)[] Samples =
    [
        ("{name}", ["rosa's bakery", "casa verde"]),
        ("{place}", ["lisbon", "leeds"]),
        ("{thing}", ["sourdough", "candles"]),
        ("{page}", ["menu", "blog"]),
        ("{section}", ["pricing", "faq"]),
        ("{color}", ["blue", "#ff6600"]),
        ("{quote}", ["\"Fresh bread daily\"", "'Our story'"]),
        ("{number}", ["2", "third"]),
    ];

    /// <summary>Reads every <c>*.txt</c> of the intents folder, in a fixed order.</summary>
    public static TrainingSet Read(string intentsFolder)
    {
        var examples = new List<(string, string)>();
        foreach (var file in Directory.GetFiles(intentsFolder, "*.txt").Order(StringComparer.Ordinal))
        {
            var intent = Path.GetFileNameWithoutExtension(file);
            foreach (var line in File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                examples.AddRange(Expand(line).Select(e => (intent, e)));
            }
        }

        return new TrainingSet(examples);
    }

    /// <summary>A hash of the examples: the saved model records the one it was trained on.</summary>
    public string Fingerprint(string featuresVersion)
    {
        var text = new StringBuilder(featuresVersion).Append('\n');
        foreach (var (intent, example) in Examples)
        {
            text.Append(intent).Append('\t').Append(example).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static IEnumerable<string> Expand(string line)
    {
        var lines = new List<string> { line };
        foreach (var (placeholder, values) in Samples)
        {
            lines = [.. lines.SelectMany(l => l.Contains(placeholder, StringComparison.Ordinal)
                ? values.Select(v => l.Replace(placeholder, v, StringComparison.Ordinal))
                : [l])];
        }

        return lines.Distinct(StringComparer.Ordinal).Take(2);
    }
}
