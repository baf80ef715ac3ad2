using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json;
using Navo.Tools.Edit;
using Navo.Tools.Reading;

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
    private readonly Dictionary<string, string> _typos;

    public LocalPlanner(IntentClassifier classifier, Lexicon lexicon, TrainingSet training)
    {
        _classifier = classifier;
        _lexicon = lexicon;
        // The lexicon's words are never typos, whatever the phrasings hold.
        var protectedWords = lexicon.Sections.Concat(lexicon.Styles).Concat(lexicon.Fonts).Concat(lexicon.Radii).Select(p => p.Phrase)
            .Concat(lexicon.Fields.Select(f => f.Phrase)).Concat(lexicon.Colors.Keys).Concat(lexicon.Numbers.Keys).Concat(lexicon.Days.Keys).Concat(lexicon.Answers.Keys)
            .Concat(lexicon.Groups.Values.SelectMany(words => words))
            .SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        var vocabulary = training.Examples.SelectMany(e => e.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _typos = FoldTypos(vocabulary, protectedWords);
        // A word seen once in the phrasings may be one of their deliberate typos: it is not a word to correct others to.
        _vocabulary = vocabulary.Where(v => v.Value >= 2 && !_typos.ContainsKey(v.Key)).Select(v => v.Key).Union(protectedWords, StringComparer.Ordinal)
            .ToDictionary(w => w, w => vocabulary.GetValueOrDefault(w, 2), StringComparer.Ordinal);
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
            var training = IntentModel.Prepared(f, lexicon);
            var planner = new LocalPlanner(IntentModel.LoadOrTrain(f, training), lexicon, training);
            // Load the embedding model now rather than on the first message.
            planner.Plan("make it dark", PlanContext.Sample);
            return planner;
        })).Value;
    }

    public Plan Plan(string message, PlanContext context)
    {
        var text = Guards.Clean(message);
        if (Guards.Refuse(text, context, _lexicon) is { } refused)
        {
            return refused;
        }

        if (SameAgain(text, context) is { } again)
        {
            return again;
        }

        if ((OpenByName(text) ?? NameByContrast(text, context) ?? DescribeImage(text, context)) is { } fast)
        {
            return fast;
        }

        var read = Utterance.Parse(text, _lexicon, Correct);
        if ((SuggestionByReply(read, context) ?? SuggestionsAsked(read, context) ?? ExperimentAsked(read, context)) is { } reply)
        {
            return reply;
        }

        var whole = Understand(text);
        // "make it dark and publish it" may read as a publish as a whole: its edits come first.
        if ((SplitIntents.Contains(whole.Intent) || whole.Intent == "publish") && TrySplit(text, context) is { } several)
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

    /// <summary>
    /// The phrasings hold deliberate typos ("buisness"): a rare word one or two edits from a word used at least five
    /// times as often is read as that word.
    /// </summary>
    private static Dictionary<string, string> FoldTypos(Dictionary<string, int> vocabulary, HashSet<string> protectedWords)
    {
        var typos = new Dictionary<string, string>(StringComparer.Ordinal);
        var frequent = vocabulary.Where(v => v.Value >= 5 && v.Key.Length >= 4).ToList();
        foreach (var (word, count) in vocabulary.Where(v => v.Key.Length >= 4 && v.Key.All(char.IsLetter) && !protectedWords.Contains(v.Key)))
        {
            var candidates = frequent.Where(f => f.Value >= 5 * count && f.Key[0] == word[0] && f.Key != word + "s" && f.Key + "s" != word).Select(f => f.Key);
            if (Typos.Closest(word, candidates, w => vocabulary[w]) is { } near)
            {
                typos[word] = near;
            }
        }

        return typos;
    }

    /// <summary>A word never seen becomes the closest one that was (one edit away, two for long words).</summary>
    private string Correct(string word)
    {
        if (_typos.TryGetValue(word, out var folded))
        {
            return folded;
        }

        if (word.Length < 4 || _vocabulary.ContainsKey(word) || !word.All(char.IsLetter)
            || (word.EndsWith('s') && _vocabulary.ContainsKey(word[..^1])))
        {
            return word;
        }

        return Typos.Closest(word, _vocabulary.Keys.Where(v => v[0] == word[0]), w => _vocabulary[w]) ?? word;
    }

    private static Plan Call(string name, JsonObject arguments, string reply, string intent) => new([new PlannedCall(name, arguments)], reply, intent);

    private static Plan Edit(string reply, string intent, params EditOperation[] operations) =>
        Call("edit_site", new JsonObject { ["operations"] = new JsonArray([.. operations.Select(o => JsonSerializer.SerializeToNode(o, OperationJson))]) }, reply, intent);

    private static Plan Ask(string question, string intent) => Local.Plan.Ask(question, intent);
}
