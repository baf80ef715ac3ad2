using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Navo.Tools.Edit;

namespace Navo.Agent.Local;

/// <summary>
/// Navo's own language understanding: cleans a message, classifies it (<see cref="IntentClassifier"/>), reads its
/// slots against the conversation (the selected section, the last edit, the last list of suggestions, a pending
/// question) and says which tool calls to make. Several edits in one message become one <c>edit_site</c> call.
/// Below its confidence, for a question about Navo, or for a destructive request without a clear target it
/// answers or asks; it never changes the site on a guess.
/// </summary>
public sealed partial class LocalPlanner
{
    private const double Confident = 0.45;
    private const double ConfidentToDestroy = 0.7;

    private static readonly ConcurrentDictionary<string, Lazy<LocalPlanner>> Loaded = new(StringComparer.Ordinal);

    /// <summary>How operations are written into a call: <c>op</c> first, absent arguments left out.</summary>
    private static readonly JsonSerializerOptions OperationJson = new(EditOperationJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly IntentClassifier _classifier;
    private readonly Lexicon _lexicon;
    private readonly Dictionary<string, int> _vocabulary;
    private readonly Dictionary<string, string> _known;

    public LocalPlanner(IntentClassifier classifier, Lexicon lexicon, TrainingSet training)
    {
        _classifier = classifier;
        _lexicon = lexicon;
        var words = training.Examples.SelectMany(e => e.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Concat(lexicon.Sections.Concat(lexicon.Styles).Concat(lexicon.Fonts).Concat(lexicon.Radii).SelectMany(p => p.Phrase.Split(' ')))
            .Concat(lexicon.Colors.Keys.SelectMany(c => c.Split(' ')))
            .Concat(lexicon.Fields.SelectMany(f => f.Phrase.Split(' ')));
        _vocabulary = words.GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _known = training.Examples.GroupBy(e => e.Text, StringComparer.Ordinal).Where(g => g.Select(e => e.Intent).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Intent, StringComparer.Ordinal);
    }

    /// <summary>The planner for the prompts beside the assembly (or in <paramref name="promptsFolder"/>), loaded once a process.</summary>
    public static LocalPlanner FromPrompts(string? promptsFolder = null)
    {
        var folder = Path.GetFullPath(promptsFolder ?? Path.Combine(AppContext.BaseDirectory, "prompts"));
        return Loaded.GetOrAdd(folder, f => new Lazy<LocalPlanner>(() =>
        {
            var lexicon = Lexicon.Load(f);
            return new LocalPlanner(IntentModel.LoadOrTrain(f, lexicon), lexicon, IntentModel.Prepared(f, lexicon));
        })).Value;
    }

    public Plan Plan(string message, PlanContext context)
    {
        var text = Guards.Clean(message);
        if (Guards.Refuse(text, context, _lexicon) is { } refused)
        {
            return refused;
        }

        var whole = Understand(text);
        if (SplitIntents.Contains(whole.Intent) && TrySplit(text, context) is { } several)
        {
            return several;
        }

        return Decide(whole, context);
    }

    /// <summary>What a message is about: its slots and its most likely intent.</summary>
    public (string Intent, double Probability, Utterance Utterance) Understand(string text)
    {
        var utterance = Utterance.Parse(text, _lexicon, Correct);
        if (_known.TryGetValue(utterance.Text, out var exact))
        {
            return (exact, 1.0, utterance);
        }

        var ranked = _classifier.Classify(utterance.Text, SentenceEmbedder.Shared.Embed(utterance.Text));
        return (ranked[0].Intent, ranked[0].Probability, utterance);
    }

    /// <summary>A word never seen becomes the closest one that was (one edit away, two for long words).</summary>
    private string Correct(string word)
    {
        if (word.Length < 4 || _vocabulary.ContainsKey(word) || !word.All(char.IsLetter))
        {
            return word;
        }

        var allowed = word.Length >= 8 ? 2 : 1;
        return _vocabulary
            .Where(v => Math.Abs(v.Key.Length - word.Length) <= allowed && v.Key[0] == word[0])
            .Select(v => (Word: v.Key, Count: v.Value, Distance: Typos.Distance(word, v.Key)))
            .Where(v => v.Distance <= allowed)
            .OrderBy(v => v.Distance).ThenByDescending(v => v.Count).ThenBy(v => v.Word, StringComparer.Ordinal)
            .Select(v => v.Word)
            .FirstOrDefault() ?? word;
    }

    private static Plan Call(string name, JsonObject arguments, string reply, string intent) => new([new PlannedCall(name, arguments)], reply, intent);

    private static Plan Edit(string reply, string intent, params EditOperation[] operations) =>
        Call("edit_site", new JsonObject { ["operations"] = new JsonArray([.. operations.Select(o => JsonSerializer.SerializeToNode(o, OperationJson))]) }, reply, intent);

    private static Plan Ask(string question, string intent) => Local.Plan.Ask(question, intent);
}
