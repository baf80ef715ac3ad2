using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Navo.Tools.Reading;

namespace Navo.Agent.Local;

/// <summary>
/// The trained intent classifier as a file beside the phrasings (<c>prompts/local/model/intents.zip</c>, with the
/// fingerprint of the phrasings it learnt from). Training embeds every phrasing, which takes several seconds, so
/// it is done once by the <c>train</c> verb and the result is shipped; a model whose fingerprint does not match the
/// phrasings is never used: the classifier is trained afresh instead (and a test fails until the file is renewed).
/// </summary>
public static partial class IntentModel
{
    public static string ModelPath(string promptsFolder) => Path.Combine(promptsFolder, "local", "model", "intents.zip");

    public static string FingerprintPath(string promptsFolder) => Path.Combine(promptsFolder, "local", "model", "intents.fingerprint");

    /// <summary>The fingerprint of the phrasings under <paramref name="promptsFolder"/> as the classifier reads them.</summary>
    public static string Fingerprint(string promptsFolder, Lexicon lexicon) => Prepared(promptsFolder, lexicon).Fingerprint(IntentClassifier.FeaturesVersion);

    /// <summary>The saved model when it matches the phrasings (<see cref="Prepared"/>), else a freshly trained one.</summary>
    public static IntentClassifier LoadOrTrain(string promptsFolder, TrainingSet training, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        var fingerprint = training.Fingerprint(IntentClassifier.FeaturesVersion);
        var modelPath = ModelPath(promptsFolder);
        if (File.Exists(modelPath) && File.Exists(FingerprintPath(promptsFolder)) && File.ReadAllText(FingerprintPath(promptsFolder)).Trim() == fingerprint)
        {
            using var stream = File.OpenRead(modelPath);
            return IntentClassifier.Load(stream);
        }

        LogStale(logger, training.Examples.Count);
        return Train(training);
    }

    /// <summary>Trains on the phrasings and writes the model and its fingerprint (the <c>train</c> verb).</summary>
    public static IntentClassifier TrainAndSave(string promptsFolder, Lexicon lexicon)
    {
        var training = Prepared(promptsFolder, lexicon);
        var classifier = Train(training);
        Directory.CreateDirectory(Path.GetDirectoryName(ModelPath(promptsFolder))!);
        using (var stream = File.Create(ModelPath(promptsFolder)))
        {
            classifier.Save(stream);
        }

        File.WriteAllText(FingerprintPath(promptsFolder), training.Fingerprint(IntentClassifier.FeaturesVersion) + "\n");
        return classifier;
    }

    /// <summary>The phrasings as the classifier sees them: quotes masked, lower case (what <see cref="Utterance"/> makes of them).</summary>
    public static TrainingSet Prepared(string promptsFolder, Lexicon lexicon)
    {
        var raw = TrainingSet.Read(Path.Combine(promptsFolder, "local", "intents"));
        return new TrainingSet([.. raw.Examples.Select(e => (e.Intent, Utterance.Parse(e.Text, lexicon, w => w).Text))]);
    }

    private static IntentClassifier Train(TrainingSet training) =>
        IntentClassifier.Train(training.Examples, SentenceEmbedder.Shared.Embed([.. training.Examples.Select(e => e.Text)]));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The saved intent model does not match the {Count} phrasings under prompts/local/intents: training afresh (run the train verb to renew it)")]
    private static partial void LogStale(ILogger logger, int count);
}
