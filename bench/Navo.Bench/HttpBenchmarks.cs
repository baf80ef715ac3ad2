using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
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

        // Long first messages with facts, as new users typed them: more clauses to weigh for the kind, prices, hours.
        "We run guided sea kayak tours around the Pembrokeshire coast out of St Davids. Company is called Blue Cove Kayaking. Half day trip £55pp, full day £95pp, all kit provided, no experience needed. Season April to October. Call us on 01437 720 555",
        "family farm shop just outside Ludlow, Shropshire - Oakleigh Farm Shop. our own beef and lamb, free range eggs, veg boxes from £15, local cheese and cakes. open every day 8-6 except Sunday 10-4. farm shop since 1998. tel 01584 872 111",
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
        var version = created.GetProperty("siteVersion").GetInt64();
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

    /// <summary>
    /// Chat edit turns with the local client: latency one at a time, then throughput with 32 conversations at once
    /// (each on its own project, as 32 users would be).
    /// </summary>
    public static Task ChatAsync(BenchOptions options) => RunAsync(async client =>
    {
        var edits = new[] { "make it dark", "make it light", "change the headline to 'Fresh bread daily'", "make it blue", "undo" };
        async Task<Guid> NewConversationAsync()
        {
            var id = (await (await client.PostAsync("/api/v1/conversations", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            (await client.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text = Businesses[0] })).EnsureSuccessStatusCode();
            return id;
        }

        var conversation = await NewConversationAsync();
        var turns = await MeasureAsync(options.Iterations ?? 300, async i =>
            (await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = edits[i % edits.Length] })).EnsureSuccessStatusCode());

        var conversations = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => NewConversationAsync()));
        var perConversation = Math.Max(1, (options.Iterations ?? 300) / 10);
        var clock = Stopwatch.StartNew();
        var concurrent = await Task.WhenAll(conversations.Select(c => MeasureAsync(perConversation, async i =>
            (await client.PostAsJsonAsync($"/api/v1/conversations/{c}/messages", new { text = edits[i % edits.Length] })).EnsureSuccessStatusCode())));
        var elapsed = clock.Elapsed;
        var all = concurrent.SelectMany(x => x).ToList();
        Console.WriteLine($"32 concurrent conversations: {all.Count} turns in {elapsed.TotalSeconds:0.00} s = {all.Count / elapsed.TotalSeconds:0} turns/s");
        return [("chat edit turn, one at a time", turns), ("chat edit turn, 32 conversations at once", all)];
    });

    /// <summary>
    /// Signing in (a PBKDF2 password check, by design slow), trading a refresh token, and what authentication adds to
    /// a request: <c>GET /api/v1/me</c> with a bearer token, with an API key and with the session cookie.
    /// </summary>
    public static Task AuthAsync(BenchOptions options) => RunAsync(async client =>
    {
        var email = TestAccounts.NewEmail("bench-auth");
        var refresh = (await client.SignInAsync(email)).GetProperty("refreshToken").GetString();
        var logins = await MeasureAsync(options.Iterations ?? 100, async _ =>
            (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestAccounts.Password })).EnsureSuccessStatusCode());
        var refreshes = await MeasureAsync(options.Iterations ?? 100, async _ =>
        {
            var response = (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).EnsureSuccessStatusCode();
            refresh = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString();
        });
        var bearer = await MeasureAsync(500, async _ => (await client.GetAsync("/api/v1/me")).EnsureSuccessStatusCode());
        var key = (await (await client.PostAsJsonAsync("/api/v1/workspace/api-keys", new { name = "bench", role = "viewer" })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        using var keyed = new HttpClient { BaseAddress = client.BaseAddress };
        keyed.DefaultRequestHeaders.Add("X-Api-Key", key);
        var apiKey = await MeasureAsync(500, async _ => (await keyed.GetAsync("/api/v1/me")).EnsureSuccessStatusCode());
        return [("POST /auth/login", logins), ("POST /auth/refresh", refreshes), ("GET /me with a bearer token", bearer), ("GET /me with an API key", apiKey)];
    });

    /// <summary>Publishing a five-page site again and again (each an edit plus a publish of the new version).</summary>
    public static Task PublishAsync(BenchOptions options) => RunAsync(async client =>
    {
        var (id, version) = await FivePageSiteAsync(client);
        var bytes = 0;
        var publishes = new List<double>();
        for (var i = 0; i < (options.Iterations ?? 100); i++)
        {
            // Each publish is of a new version, so every page is rendered and stored anew; only the publish is timed. The
            // ETag is the document's version: the publish leaves it as the edit made it.
            version = await EditHeadlineAsync(client, id, version, i);
            var started = Stopwatch.GetTimestamp();
            var response = (await client.PostAsync($"/api/v1/projects/{id}/publish", null)).EnsureSuccessStatusCode();
            publishes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var live = await response.Content.ReadFromJsonAsync<JsonElement>();
            bytes = (await client.GetByteArrayAsync(live.GetProperty("live").GetProperty("url").GetString())).Length;
        }

        Console.WriteLine($"home page: {bytes} bytes of HTML+CSS");
        return [("POST /publish (five pages)", publishes)];
    });

    /// <summary>Serving a published page: 32 clients at once for the given seconds.</summary>
    public static Task ServeAsync(BenchOptions options) => RunAsync(async client =>
    {
        var (id, _) = await FivePageSiteAsync(client);
        var url = (await (await client.PostAsync($"/api/v1/projects/{id}/publish", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("live").GetProperty("url").GetString()!;
        var stop = DateTime.UtcNow.AddSeconds(options.Seconds);
        var clock = Stopwatch.StartNew();
        var all = (await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>();
            while (DateTime.UtcNow < stop)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                response.EnsureSuccessStatusCode();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return latencies;
        })))).SelectMany(x => x).ToList();
        Console.WriteLine($"32 clients: {all.Count} requests in {clock.Elapsed.TotalSeconds:0.0} s = {all.Count / clock.Elapsed.TotalSeconds:0} requests/s");
        return [($"GET {url} (32 clients)", all)];
    });

    internal static async Task<(Guid Id, long Version)> FivePageSiteAsync(HttpClient client)
    {
        var created = await (await client.PostAsJsonAsync("/api/v1/projects", new { description = Businesses[0] })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("siteVersion").GetInt64();
        foreach (var title in new[] { "Menu", "About us", "Catering", "Visit" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{id}/operations")
            {
                Content = new StringContent($$"""{"operations":[{"op":"add_page","title":"{{title}}"},{"op":"add_section","type":"faq","page":"{{title}}"}]}""", Encoding.UTF8, "application/json"),
            };
            version = (await (await client.SendAsync(request)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("siteVersion").GetInt64();
        }

        return (id, version);
    }

    private static async Task<long> EditHeadlineAsync(HttpClient client, Guid id, long version, int i)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{id}/operations")
        {
            Content = new StringContent($$"""{"operations":[{"op":"set_text","section":"hero","field":"headline","value":"Fresh bread, batch {{i}}"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
        return version + 1;
    }

    private static Task RunAsync(Func<HttpClient, Task<List<(string Name, List<double> Milliseconds)>>> measure) =>
        RunAsync((_, client) => measure(client));

    /// <summary>
    /// Starts the real host on a fresh data folder, signs a client in, runs <paramref name="measure"/> once to warm up
    /// and once to measure, and prints the table with the <c>/health</c> floor.
    /// </summary>
    internal static async Task RunAsync(Func<HostProcess, HttpClient, Task<List<(string Name, List<double> Milliseconds)>>> measure, params string[] settings)
    {
        var dataPath = Directory.CreateTempSubdirectory("navo-bench-host-").FullName;
        try
        {
            // One user sends every turn and every sign-in here: the per-user and per-address limits would stop it.
            await using (var host = await HostProcess.StartAsync(dataPath, ["--Navo:Limits:ChatPerMinute", "1000000", "--Navo:Limits:AuthPerMinute", "1000000", .. settings]))
            {
                using var client = host.CreateClient();
                await client.SignInAsync(TestAccounts.NewEmail("bench"));
                // Warm up the JIT, the pool and the prepared statements, as a running host would be.
                await measure(host, client);
                var floor = await MeasureAsync(500, async _ => (await client.GetAsync("/health")).EnsureSuccessStatusCode());
                var rows = await measure(host, client);
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
            await BenchMachine.DeleteDataAsync(dataPath);
        }
    }

    internal static async Task<List<double>> MeasureAsync(int runs, Func<int, Task> run)
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
