using System.Collections.Concurrent;
using System.Diagnostics;
using Navo.Tools.Edit;
using Navo.Tools.Sites;

namespace Navo.Tools.Generate;

/// <summary>
/// What to generate from: the user's words and what they named explicitly. <c>Industry</c> may be free words ("dog
/// groomer"); <c>Place</c>, when given, wins over the place read from the description. <c>Earlier</c> is the brief of
/// the draft a redraft corrects: its facts and offerings stay unless the correction gives new ones.
/// </summary>
public sealed record GenerationRequest(
    string Description, string? BusinessName = null, string? Industry = null, string? Tone = null, string Seed = "", string? Place = null)
{
    public Brief? Earlier { get; init; }
}

/// <summary>The shared blackboard of one run: each step reads its inputs' outputs and writes its own.</summary>
public sealed class GenerationContext(GenerationRequest request)
{
    public GenerationRequest Request { get; } = request;

    public ConcurrentDictionary<string, object> Outputs { get; } = new(StringComparer.Ordinal);

    public T Get<T>(string key) => (T)Outputs[key];

    public void Set(string key, object value) => Outputs[key] = value;
}

/// <summary>One step of the generation DAG: its name, the steps it needs, and its work.</summary>
public interface IGenerationStep
{
    string Name { get; }

    IReadOnlyList<string> DependsOn { get; }

    Task RunAsync(GenerationContext context, CancellationToken cancellationToken);
}

/// <summary>A finished draft: the site, the brief, the home page's HTML, and each step's time.</summary>
public sealed record GenerationResult(Site Site, Brief Brief, string HomeHtml, IReadOnlyList<StepTiming> Steps);

/// <summary>
/// Runs the generation steps as a DAG: every step whose inputs are done starts at once, up to
/// <c>maxParallel</c> at a time; each is timed and cancellable; the first failure cancels the rest.
/// </summary>
public sealed class GenerationPipeline
{
    private readonly IReadOnlyList<IGenerationStep> _steps;
    private readonly int _maxParallel;

    public GenerationPipeline(IEnumerable<IGenerationStep> steps, int maxParallel = 4)
    {
        _steps = [.. steps];
        _maxParallel = maxParallel;
        var names = _steps.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (names.Count != _steps.Count)
        {
            throw new ArgumentException("Two generation steps share a name.", nameof(steps));
        }

        foreach (var step in _steps)
        {
            if (step.DependsOn.FirstOrDefault(d => !names.Contains(d)) is { } missing)
            {
                throw new ArgumentException($"Step '{step.Name}' needs '{missing}', which is not registered.", nameof(steps));
            }
        }

        if (HasCycle())
        {
            throw new ArgumentException("The generation steps depend on each other in a circle.", nameof(steps));
        }
    }

    public async Task<GenerationResult> RunAsync(GenerationRequest request, IProgress<StepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var context = new GenerationContext(request);
        var timings = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var running = new Dictionary<Task, IGenerationStep>();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(_maxParallel);

        while (done.Count < _steps.Count)
        {
            foreach (var step in _steps.Where(s => !done.Contains(s.Name) && !running.ContainsValue(s) && s.DependsOn.All(done.Contains)))
            {
                running[RunStepAsync(step, context, timings, slots, failed.Token)] = step;
            }

            var finished = await Task.WhenAny(running.Keys);
            var finishedStep = running[finished];
            running.Remove(finished);
            if (finished.IsFaulted || finished.IsCanceled)
            {
                await failed.CancelAsync();
                await Task.WhenAll(running.Keys.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
                await finished; // rethrows the step's own exception or cancellation
            }

            done.Add(finishedStep.Name);
            progress?.Report(new StepProgress(finishedStep.Name, done.Count, _steps.Count));
        }

        return new GenerationResult(
            context.Get<Site>(GenerationKeys.Site),
            context.Get<Brief>(GenerationKeys.Brief),
            context.Get<string>(GenerationKeys.HomeHtml),
            [.. _steps.Select(s => new StepTiming(s.Name, Math.Round(timings[s.Name], 3)))]);
    }

    private static async Task RunStepAsync(IGenerationStep step, GenerationContext context, ConcurrentDictionary<string, double> timings, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            await step.RunAsync(context, cancellationToken);
            timings[step.Name] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        finally
        {
            slots.Release();
        }
    }

    private bool HasCycle()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var byName = _steps.ToDictionary(s => s.Name, StringComparer.Ordinal);

        bool Visit(string name)
        {
            if (state.TryGetValue(name, out var s))
            {
                return s == 1;
            }

            state[name] = 1;
            var cyclic = byName[name].DependsOn.Any(Visit);
            state[name] = 2;
            return cyclic;
        }

        return _steps.Any(s => Visit(s.Name));
    }
}

/// <summary>The blackboard keys the local steps share.</summary>
public static class GenerationKeys
{
    public const string Brief = "brief";
    public const string Theme = "theme";
    public const string Seo = "seo";
    public const string Site = "site";
    public const string HomeHtml = "home-html";

    public static string Section(string type) => "section:" + type;
}
