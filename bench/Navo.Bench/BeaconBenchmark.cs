using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Navo.Bench;

/// <summary>
/// The beacon's endpoint under load: 32 clients over loopback send page views to one published site for
/// <c>--seconds</c> (default 10), each client as visitors of its own, without the benchmark's sign-in. It reports events accepted a second, latencies,
/// how many were refused (503: buffer full), and whether every accepted event is in the database once the buffer was
/// written (the site's page views before and after, through the analytics API).
/// </summary>
public static class BeaconBenchmark
{
    private const int Clients = 32;

    public static Task RunAsync(BenchOptions options) => HttpBenchmarks.RunAsync(async (_, client) =>
    {
        var id = (await (await client.PostAsJsonAsync("/api/v1/projects", new { description = "Rosa's Bakery is a bakery in Porto." })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var slug = (await (await client.PostAsync($"/api/v1/projects/{id}/publish", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("live").GetProperty("slug").GetString()!;
        var before = await PageviewsAsync(client, id);
        // Visitors are not signed in to Navo: a browser's sendBeacon carries no Authorization header or session cookie.
        using var visitors = new HttpClient { BaseAddress = client.BaseAddress };
        var stop = DateTime.UtcNow.AddSeconds(options.Seconds);
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var latencies = new List<double>();
            var refused = 0;
            for (var i = 0; DateTime.UtcNow < stop; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/s/{slug}/_navo/event")
                {
                    Content = new StringContent("""{"k":"v","p":"/","w":1280}""", Encoding.UTF8, "text/plain"),
                };
                request.Headers.TryAddWithoutValidation("User-Agent", $"Mozilla/5.0 (X11; Linux x86_64; bench {c}/{i % 1000}) Chrome/142.0.0.0");
                var started = Stopwatch.GetTimestamp();
                using var response = await visitors.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    refused++;
                    continue;
                }

                response.EnsureSuccessStatusCode();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return (latencies, refused);
        })));
        var elapsed = clock.Elapsed;
        var accepted = results.Sum(r => r.latencies.Count);

        // The host writes its buffer every second: wait for the last write, then count.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var written = await PageviewsAsync(client, id) - before;
        Console.WriteLine($"{Clients} clients: {accepted} events accepted in {elapsed.TotalSeconds:0.0} s = {accepted / elapsed.TotalSeconds:0} events/s; "
            + $"{results.Sum(r => r.refused)} refused (503); {written} written, {(written == accepted ? "none lost" : $"{accepted - written} LOST")}");
        return [($"POST _navo/event ({Clients} clients)", results.SelectMany(r => r.latencies).ToList())];
    }, "--Navo:Analytics:EventsPerMinutePerAddress", "1000000");

    private static async Task<long> PageviewsAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/analytics?period=7d")).GetProperty("pageviews").GetInt64();
}
