using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.EventStore.Embedded;
using Navo.Testing;

namespace Navo.Bench;

/// <summary>
/// The soak (issue 19): 64 conversations chatting with the local client and 32 clients reading live pages, through
/// the real host on its embedded cluster, for <c>--minutes N</c> (default 10). Each minute: the chat turns and page
/// views with their p99, 5xx and other failures, the host's working set, GC heap and live heap after a full collection, and the peaks of PostgreSQL's
/// connections and the host's sockets; then pass or fail against the bar (<see cref="SoakReport"/>).
/// </summary>
public static class SoakBenchmark
{
    private const int Conversations = 64;
    private const int Readers = 32;
    private const int Sites = 4;

    // People pause between messages and between pages. The soak holds a steady load to see what drifts over time;
    // the chat and serve benchmarks measure the peak.
    private static readonly TimeSpan ChatPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReadPause = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(5);

    // Every third sample (15 s) first asks for a full collection and reads the live heap: four a minute, each a pause
    // of the host like any full collection, in every minute alike.
    private const int CollectEvery = 3;

    // An access token lasts 15 minutes: a longer soak trades the refresh token well before.
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(10);
    private static readonly string[] Turns = ["make it dark", "make it light", "change the headline to 'Fresh bread daily'", "make it blue", "undo"];
    private static readonly string[] PagePaths = ["", "menu", "about-us", "catering", "visit"];

    public static async Task RunAsync(BenchOptions options)
    {
        var minutes = options.Minutes ?? 10;
        if (minutes < 3)
        {
            // The first minute is warm-up, and the verdict compares the first minute after it with the last.
            throw new ArgumentException("The soak needs at least 3 minutes: a warm-up, then two to compare.");
        }

        var dataPath = Directory.CreateTempSubdirectory("navo-bench-soak-").FullName;
        try
        {
            // One user holds all 64 conversations: the per-user limits would stop it.
            await using (var host = await HostProcess.StartAsync(dataPath, ["--Navo:Limits:ChatPerMinute", "1000000", "--Navo:Limits:AuthPerMinute", "1000000"]))
            {
                // The host's own cluster, already running (nothing is started): read for pg_stat_activity only, and not
                // disposed here, which would stop it under the host (DeleteDataAsync stops it at the end).
                var cluster = await EmbeddedPostgres.StartAsync(dataPath);
                using var owner = host.CreateClient();
                var tokens = await owner.SignInAsync(TestAccounts.NewEmail("bench-soak"));
                var urls = await PublishSitesAsync(owner);
                var conversations = await ParallelAsync(Conversations, _ => NewConversationAsync(owner));
                Console.WriteLine($"{Environment.ProcessorCount} cores, shared by the host, PostgreSQL and the clients; load before: {BenchMachine.Load()}");
                Console.WriteLine($"{Conversations} conversations (a turn, then {ChatPause.TotalMilliseconds:0} ms), {Readers} readers of {urls.Count} live pages "
                    + $"(a view, then {ReadPause.TotalMilliseconds:0} ms), {minutes} minutes, the first one warm-up; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

                var report = new SoakReport(minutes);
                using var chat = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
                using var reader = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
                var bearer = tokens.GetProperty("accessToken").GetString()!;
                var refresh = tokens.GetProperty("refreshToken").GetString()!;
                using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
                var load = new List<Task>();
                load.AddRange(conversations.Select((conversation, c) => Task.Run(async () =>
                {
                    for (var i = c; !stop.IsCancellationRequested; i++)
                    {
                        using var turn = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages")
                        {
                            Content = JsonContent.Create(new { text = Turns[i % Turns.Length] }),
                        };
                        turn.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Volatile.Read(ref bearer));
                        await report.TimeAsync(SoakReport.Chat, () => chat.SendAsync(turn));
                        await PauseAsync(ChatPause, stop.Token);
                    }
                })));
                load.AddRange(Enumerable.Range(0, Readers).Select(r => Task.Run(async () =>
                {
                    for (var i = r; !stop.IsCancellationRequested; i++)
                    {
                        await report.TimeAsync(SoakReport.Views, () => reader.GetAsync(urls[i % urls.Count]));
                        await PauseAsync(ReadPause, stop.Token);
                    }
                })));
                load.Add(Task.Run(async () =>
                {
                    for (var sample = 0; !stop.IsCancellationRequested; sample++)
                    {
                        report.Sample(await SoakSample.TakeAsync(host, owner, cluster, collect: sample % CollectEvery == 0));
                        await PauseAsync(SampleEvery, stop.Token);
                    }
                }));
                load.Add(Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        await PauseAsync(RefreshEvery, stop.Token);
                        if (stop.IsCancellationRequested)
                        {
                            break;
                        }

                        var renewed = await (await owner.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).EnsureSuccessStatusCode()
                            .Content.ReadFromJsonAsync<JsonElement>();
                        refresh = renewed.GetProperty("refreshToken").GetString()!;
                        Volatile.Write(ref bearer, renewed.GetProperty("accessToken").GetString()!);
                    }
                }));
                await Task.WhenAll(load);

                Console.WriteLine($"load after: {BenchMachine.Load()}");
                Console.WriteLine();
                report.Print(Console.Out);
                await host.StopAsync();
            }
        }
        finally
        {
            await BenchMachine.DeleteDataAsync(dataPath);
        }
    }

    /// <summary>Five-page sites, published: every page of each, each answering 200 before the soak starts.</summary>
    private static async Task<List<string>> PublishSitesAsync(HttpClient owner)
    {
        var urls = new List<string>();
        for (var s = 0; s < Sites; s++)
        {
            var (id, _) = await HttpBenchmarks.FivePageSiteAsync(owner);
            var url = (await (await owner.PostAsync($"/api/v1/projects/{id}/publish", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("live").GetProperty("url").GetString()!;
            foreach (var path in PagePaths)
            {
                (await owner.GetAsync(url + path)).EnsureSuccessStatusCode();
                urls.Add(url + path);
            }
        }

        return urls;
    }

    /// <summary>A conversation that drafted its own site: its turns edit that site.</summary>
    private static async Task<Guid> NewConversationAsync(HttpClient owner)
    {
        var id = (await (await owner.PostAsync("/api/v1/conversations", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await owner.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text = "Rosa's Bakery is a bakery in Porto. We bake sourdough bread, croissants and custard tarts." }))
            .EnsureSuccessStatusCode();
        return id;
    }

    private static async Task<List<T>> ParallelAsync<T>(int count, Func<int, Task<T>> make)
    {
        var made = new T[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) => made[i] = await make(i));
        return [.. made];
    }

    private static async Task PauseAsync(TimeSpan pause, CancellationToken stop)
    {
        try
        {
            await Task.Delay(pause, stop);
        }
        catch (OperationCanceledException)
        {
            // The soak is over.
        }
    }

}
