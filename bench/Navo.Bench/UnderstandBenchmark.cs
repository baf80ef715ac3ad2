using System.Diagnostics;
using Navo.Agent.Local;
using Navo.Testing;
using Navo.Tools.Reading;

namespace Navo.Bench;

/// <summary>
/// The local client's understanding, in-process: what loading it costs (time and working set), training afresh,
/// and planning each message of the evaluation set, against the sentence embedding alone in the same run (the
/// floor: every message is embedded once).
/// </summary>
public static class UnderstandBenchmark
{
    public static Task RunAsync(BenchOptions options)
    {
        var prompts = Path.Combine(AppContext.BaseDirectory, "prompts");
        var messages = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "tests", "Navo.Agent.Tests", "Eval", "understanding.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0]).ToList();

        GC.Collect();
        var before = Environment.WorkingSet;
        var clock = Stopwatch.StartNew();
        var planner = LocalPlanner.FromPrompts(prompts);
        var load = clock.Elapsed;
        GC.Collect();
        var loaded = Environment.WorkingSet;

        clock.Restart();
        var lexicon = Lexicon.Load(prompts);
        var training = IntentModel.Prepared(prompts, lexicon);
        var embeddings = SentenceEmbedder.Shared.Embed([.. training.Examples.Select(e => e.Text)]);
        var embedded = clock.Elapsed;
        IntentClassifier.Train(training.Examples, embeddings);
        var trained = clock.Elapsed;

        // Warm up, then measure: the embedding alone, then the whole plan, alternately, over every message.
        foreach (var message in messages.Take(50))
        {
            planner.Plan(message, PlanContext.Sample);
        }

        var rounds = options.Iterations ?? 3;
        var embed = new List<double>();
        var plan = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var message in messages)
            {
                var started = Stopwatch.GetTimestamp();
                SentenceEmbedder.Shared.Embed(message);
                embed.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                started = Stopwatch.GetTimestamp();
                planner.Plan(message, PlanContext.Sample);
                plan.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        Console.WriteLine($"{Environment.ProcessorCount} cores; {messages.Count} messages of understanding.tsv x {rounds} rounds; {training.Examples.Count} training phrasings.");
        Console.WriteLine($"Loading the planner (MiniLM, the saved classifier, the lexicon): {load.TotalSeconds:0.00} s; working set {before / 1048576} -> {loaded / 1048576} MiB (+{(loaded - before) / 1048576} MiB).");
        Console.WriteLine($"Training afresh (the train verb): embedding the phrasings {embedded.TotalSeconds:0.0} s, with the classifier {trained.TotalSeconds:0.0} s.");
        Console.WriteLine();
        Console.WriteLine("| step | runs | p50 ms | p95 ms | p99 ms |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (name, ms) in new[] { ("MiniLM embedding of the message (floor)", embed), ("plan a message (clean, classify, slots, context)", plan) })
        {
            var m = new Measurements(name);
            m.Add(ms, 1);
            Console.WriteLine($"| {name} | {ms.Count} | {Measurements.Format(m.Percentile(50))} | {Measurements.Format(m.Percentile(95))} | {Measurements.Format(m.Percentile(99))} |");
        }

        return Task.CompletedTask;
    }
}
