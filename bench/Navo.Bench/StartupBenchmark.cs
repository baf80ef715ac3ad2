using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Testing;

namespace Navo.Bench;

/// <summary>
/// How long the host takes from launch to a healthy <c>/health</c> on a data folder whose database is already
/// set up (a restart), and its resident memory after a first draft and edit by chat. With <c>--host</c>, another
/// build's host, so that two builds are compared in one run.
/// </summary>
public static class StartupBenchmark
{
    public static async Task RunAsync(BenchOptions options)
    {
        var dataPath = Directory.CreateTempSubdirectory("navo-bench-startup-").FullName;
        var starts = new List<double>();
        var memory = new List<long>();
        try
        {
            for (var run = 0; run <= (options.Iterations ?? 5); run++)
            {
                var clock = Stopwatch.StartNew();
                await using var host = await HostProcess.StartAsync(dataPath, "--Navo:Limits:ChatPerMinute", "1000000", "--Navo:Limits:AuthPerMinute", "1000000");
                var started = clock.Elapsed.TotalMilliseconds;
                using var client = host.CreateClient();
                await client.SignInAsync(TestAccounts.NewEmail("bench-startup"));
                var id = (await (await client.PostAsync("/api/v1/conversations", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                foreach (var text in new[] { "Crumbs is a bakery in Leeds", "make it dark" })
                {
                    (await client.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text })).EnsureSuccessStatusCode();
                }

                // The first start creates the cluster and schema: not a restart, so not counted.
                if (run > 0)
                {
                    starts.Add(started);
                    memory.Add(host.WorkingSet);
                }

                await host.StopAsync();
            }

            starts.Sort();
            memory.Sort();
            Console.WriteLine($"{Environment.ProcessorCount} cores; host {options.Host ?? "of this checkout"}; {starts.Count} restarts.");
            Console.WriteLine($"launch to healthy: median {starts[starts.Count / 2]:0} ms (min {starts[0]:0}, max {starts[^1]:0}); resident memory after a draft and an edit: median {memory[memory.Count / 2] / 1048576} MiB");
        }
        finally
        {
            await BenchMachine.DeleteDataAsync(dataPath);
        }
    }
}
