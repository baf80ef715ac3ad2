using System.Diagnostics;
using Navo.Agent.Local;

namespace Navo.Host;

/// <summary>
/// <c>train [prompts folder]</c>: trains the local client's intent classifier on <c>prompts/local/intents</c> and
/// writes the model and its fingerprint to <c>prompts/local/model/</c>, to be committed with the phrasings.
/// </summary>
public static class TrainCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var folder = Path.GetFullPath(args.Length > 0 ? args[0] : "prompts");
        if (!Directory.Exists(Path.Combine(folder, "local", "intents")))
        {
            Console.Error.WriteLine($"No phrasings under {Path.Combine(folder, "local", "intents")}: run this in the repository, or name the prompts folder.");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var lexicon = Lexicon.Load(folder);
        var classifier = IntentModel.TrainAndSave(folder, lexicon);
        output.WriteLine($"Trained {classifier.Intents.Count} intents on {IntentModel.Prepared(folder, lexicon).Examples.Count} phrasings in {clock.Elapsed.TotalSeconds:0.0} s: {IntentModel.ModelPath(folder)}");
        return 0;
    }
}
