using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;
using Microsoft.ML;
using Navo.Tools.Reading;

namespace Navo.Agent.Local;

/// <summary>
/// ML.NET's maximum-entropy classifier over two views of a message: its sentence embedding (what it means, so
/// phrasings never seen still land near the ones that were) and a bag of its words and word pairs (the exact
/// words that tell near neighbours apart, such as "dark" and "light"). Both are unit length; L1 regularisation is
/// off, as it zeroes most embedding weights. The scores are the classes' probabilities.
/// </summary>
public sealed class IntentClassifier
{
    /// <summary>Changes whenever the features change, so an old saved model is never used with new ones.</summary>
    public const string FeaturesVersion = "minilm-l6-v2+words2/lbfgs-l2-0.01/v1";

    private readonly MLContext _ml = new(seed: 1);
    private readonly ITransformer _model;
    private readonly PredictionEngine<Example, Prediction> _engine;
    private readonly string[] _intents;
    private readonly Lock _gate = new();

    private IntentClassifier(ITransformer model)
    {
        _model = model;
        _engine = _ml.Model.CreatePredictionEngine<Example, Prediction>(model);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        _engine.OutputSchema["Score"].GetSlotNames(ref names);
        _intents = [.. names.DenseValues().Select(n => n.ToString())];
    }

    /// <summary>The intents it knows.</summary>
    public IReadOnlyList<string> Intents => _intents;

    /// <summary>Trains on the examples (text already made ready by <see cref="Utterance"/>), with their embeddings.</summary>
    public static IntentClassifier Train(IReadOnlyList<(string Intent, string Text)> examples, IReadOnlyList<float[]> embeddings)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(examples.Select((e, i) => new Example { Label = e.Intent, Text = e.Text, Embedding = embeddings[i] }));
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Words", new TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = null,
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(Example.Text)))
            .Append(ml.Transforms.Concatenate("Features", nameof(Example.Embedding), "Words"))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L1Regularization = 0,
                L2Regularization = 0.01f,
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 400,
            }));
        return new IntentClassifier(pipeline.Fit(data));
    }

    public static IntentClassifier Load(Stream stream) => new(new MLContext(seed: 1).Model.Load(stream, out _));

    public void Save(Stream stream)
    {
        var schema = SchemaDefinition.Create(typeof(Example));
        _ml.Model.Save(_model, _ml.Data.LoadFromEnumerable(Array.Empty<Example>(), schema).Schema, stream);
    }

    /// <summary>Every intent with its probability, most likely first.</summary>
    public IReadOnlyList<(string Intent, double Probability)> Classify(string text, float[] embedding)
    {
        Prediction prediction;
        lock (_gate)
        {
            prediction = _engine.Predict(new Example { Text = text, Embedding = embedding });
        }

        return [.. prediction.Score.Select((p, i) => (_intents[i], (double)p)).OrderByDescending(s => s.Item2).ThenBy(s => s.Item1, StringComparer.Ordinal)];
    }

    private sealed class Example
    {
        public string Label { get; set; } = string.Empty;

        public string Text { get; set; } = string.Empty;

        [VectorType(SentenceEmbedder.Dimensions)]
        public float[] Embedding { get; set; } = [];
    }

    private sealed class Prediction
    {
        public float[] Score { get; set; } = [];
    }
}
