using System.Diagnostics;
using Navo.EventStore;
using Navo.Tools;
using Navo.Tools.Edit;
using Navo.Tools.Generate;
using Navo.Tools.Projects;

namespace Navo.Bench;

/// <summary>
/// An edit on a project with a long history against one with a short history, in one run on one durable cluster: the
/// project state is a snapshot, so an edit should not slow down as the stream grows. The short project is the baseline.
/// </summary>
public static class HistoryBenchmark
{
    public static async Task RunAsync(BenchOptions options)
    {
        await using var own = await StoreOfItsOwn.StartAsync();
        var (projects, tenant, by) = (own.Projects, own.Tenant, own.By);

        var longHistory = options.Iterations ?? 5000;
        var (shortProject, _) = await projects.GenerateAsync(tenant, new GenerationRequest("Rosa's Bakery is a bakery in Porto."), by);
        var (longProject, _) = await projects.GenerateAsync(tenant, new GenerationRequest("Flow Studio is a yoga studio in Braga."), by);
        await GrowAsync(projects, tenant, shortProject.Id, 50, by);
        await GrowAsync(projects, tenant, longProject.Id, longHistory, by);

        // Alternate the two, so that whatever else the machine does falls on both.
        var (shortTimes, longTimes) = (new List<double>(), new List<double>());
        for (var i = 0; i < 200; i++)
        {
            shortTimes.Add(await EditAsync(projects, tenant, shortProject.Id, i, by));
            longTimes.Add(await EditAsync(projects, tenant, longProject.Id, i, by));
        }

        Console.WriteLine($"Edit benchmark by history length: {Environment.ProcessorCount} cores, PostgreSQL on loopback, fsync on, 200 edits each, alternating.");
        Console.WriteLine();
        Console.WriteLine("| project | events before | p50 ms | p95 ms | p50 / short project's |");
        Console.WriteLine("|---|---|---|---|---|");
        var (shortEdits, longEdits) = (new Measurements("short"), new Measurements("long"));
        shortEdits.Add(shortTimes, 1);
        longEdits.Add(longTimes, 1);
        foreach (var (name, events, edits) in new[] { ("short history (baseline)", 50 + 2, shortEdits), ("long history", longHistory + 2, longEdits) })
        {
            Console.WriteLine(
                $"| {name} | {events} | {Measurements.Format(edits.Percentile(50))} | {Measurements.Format(edits.Percentile(95))} | {edits.Percentile(50) / shortEdits.Percentile(50):0.00} |");
        }
    }

    private static async Task GrowAsync(ProjectService projects, TenantContext tenant, Guid id, int edits, Actor by)
    {
        for (var i = 0; i < edits; i++)
        {
            await projects.EditAsync(tenant, id, null, [new SetText("hero", "headline", $"History {i}")], by);
        }
    }

    private static async Task<double> EditAsync(ProjectService projects, TenantContext tenant, Guid id, int i, Actor by)
    {
        var started = Stopwatch.GetTimestamp();
        await projects.EditAsync(tenant, id, null, [new SetText("hero", "headline", $"Measured {i}")], by);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
