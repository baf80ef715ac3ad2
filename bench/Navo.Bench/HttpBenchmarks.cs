using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Navo.EventStore.Embedded;
using Navo.Testing;

namespace Navo.Bench;

/// <summary>
/// Drafts and edits through the real host over loopback HTTP, on its own embedded, durable cluster. Latencies are
/// measured by the client, so they are an upper bound on the server-side time; <c>GET /health</c> in the same
/// run is the floor (HTTP plus one database round trip).
/// </summary>
public static class HttpBenchmarks
{
    private static readonly string[] Businesses =
    [
        "Rosa's Bakery is a bakery in Porto. We bake sourdough bread, croissants and custard tarts.",
        "Flow Studio is a yoga studio in Braga. We offer vinyasa classes, prenatal yoga and meditation.",
        "Ferreira Plumbing is a plumber in Aveiro. We fix leaks, boilers and blocked drains.",
        "Tasklane is a software app for small teams. We provide task automation, time tracking and invoicing.",
    ];

    public static Task GenerateAsync(BenchOptions options) => RunAsync(async client =>
    {
        var drafts = await MeasureAsync(options.Iterations ?? 200, async i =>
            (await client.PostAsJsonAsync("/api/v1/projects", new { description = Businesses[i % Businesses.Length] })).EnsureSuccessStatusCode());
        return [("POST /api/v1/projects (draft, persist, render home)", drafts)];
    });

    public static Task EditAsync(BenchOptions options) => RunAsync(async client =>
    {
        var created = await (await client.PostAsJsonAsync("/api/v1/projects", new { description = Businesses[0] })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt64();
        var edits = await MeasureAsync(options.Iterations ?? 500, async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{id}/operations")
            {
                Content = new StringContent($$"""{"operations":[{"op":"set_text","section":"hero","field":"headline","value":"Fresh bread, batch {{i}}"}]}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
            version++;
        });
        return [("POST /operations (one set_text, If-Match)", edits)];
    });

    private static async Task RunAsync(Func<HttpClient, Task<List<(string Name, List<double> Milliseconds)>>> measure)
    {
        var dataPath = Directory.CreateTempSubdirectory("navo-bench-host-").FullName;
        try
        {
            await using (var host = await HostProcess.StartAsync(dataPath, "--Navo:SeedDemo", "true"))
            {
                using var client = host.CreateClient();
                // Warm up the JIT, the pool and the prepared statements, as a running host would be.
                await measure(client);
                var floor = await MeasureAsync(500, async _ => (await client.GetAsync("/health")).EnsureSuccessStatusCode());
                var rows = await measure(client);
                rows.Add(("GET /health (floor: HTTP + one query)", floor));
                Console.WriteLine($"{Environment.ProcessorCount} cores; host and PostgreSQL on this machine; client-measured over loopback.");
                Console.WriteLine();
                Console.WriteLine("| request | runs | p50 ms | p95 ms | p99 ms |");
                Console.WriteLine("|---|---|---|---|---|");
                foreach (var (name, ms) in rows)
                {
                    var m = new Measurements(name);
                    m.Add(ms, 1);
                    Console.WriteLine($"| {name} | {ms.Count} | {Measurements.Format(m.Percentile(50))} | {Measurements.Format(m.Percentile(95))} | {Measurements.Format(m.Percentile(99))} |");
                }

                await host.StopAsync();
            }
        }
        finally
        {
            var cluster = await EmbeddedPostgres.StartAsync(dataPath);
            await cluster.DisposeAsync();
            Directory.Delete(cluster.Root, recursive: true);
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static async Task<List<double>> MeasureAsync(int runs, Func<int, Task> run)
    {
        var milliseconds = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run(i);
            milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return milliseconds;
    }
}
