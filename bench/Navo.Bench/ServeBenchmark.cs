using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Navo.Testing;

namespace Navo.Bench;

/// <summary>
/// A live page served by Navo against nginx serving the very same published file from disk, both loaded by wrk in the
/// same run, alternated (nginx, Navo, nginx, Navo, …) so that whatever else the machine does falls on both. Needs
/// nginx and wrk (Debian packages; not needed by the tests).
/// </summary>
internal static partial class ServeBenchmark
{
    private const int Connections = 32;

    public static async Task RunAsync(BenchOptions options)
    {
        var rounds = options.Iterations ?? 3;
        var dataPath = Directory.CreateTempSubdirectory("navo-bench-serve-").FullName;
        try
        {
            await using var host = await HostProcess.StartAsync(dataPath, "--Navo:Limits:AuthPerMinute", "1000000");
            using var client = host.CreateClient();
            await client.SignInAsync(TestAccounts.NewEmail("bench"));
            var (id, _) = await HttpBenchmarks.FivePageSiteAsync(client);
            var url = (await (await client.PostAsync($"/api/v1/projects/{id}/publish", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("live").GetProperty("url").GetString()!;
            using var anonymous = new HttpClient { BaseAddress = host.Address };
            using var page = (await anonymous.GetAsync(url)).EnsureSuccessStatusCode();
            var key = page.Headers.ETag!.Tag.Trim('"');
            var bytes = await page.Content.ReadAsByteArrayAsync();
            var file = Path.Combine(dataPath, "sites", key[..2], key[2..]);
            (await File.ReadAllBytesAsync(file)).SequenceEqual(bytes).Should("nginx serves the file Navo published, byte for byte");

            await using var nginx = await Nginx.StartAsync(Path.Combine(dataPath, "nginx"), file);
            var navoUrl = new Uri(host.Address, url).ToString();
            Console.WriteLine($"page: {bytes.Length} bytes; wrk -t2 -c{Connections} -d{options.Seconds}s --latency; {rounds} rounds, alternated; load before: {BenchMachine.Load()}");
            // Warm-up: the JIT, the caches, the connection pools.
            await WrkAsync(navoUrl, 3);
            await WrkAsync(nginx.Url, 3);

            var results = new List<(string Server, double Rps, double P50, double P99)>();
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var (server, target) in new[] { ("nginx", nginx.Url), ("Navo", navoUrl) })
                {
                    var (rps, p50, p99, errors) = await WrkAsync(target, options.Seconds);
                    errors.Should(0, $"{server} answers every request with 200");
                    results.Add((server, rps, p50, p99));
                    Console.WriteLine($"round {round} {server}: {rps:0} requests/s, p50 {p50:0.00} ms, p99 {p99:0.00} ms");
                }
            }

            Console.WriteLine();
            Console.WriteLine($"{Environment.ProcessorCount} cores, shared by wrk, the server and PostgreSQL; load after: {BenchMachine.Load()}");
            Console.WriteLine();
            Console.WriteLine("| server | requests/s (median) | p50 ms (median) | p99 ms (median) |");
            Console.WriteLine("|---|---|---|---|");
            foreach (var server in new[] { "nginx", "Navo" })
            {
                var mine = results.Where(r => r.Server == server).ToList();
                Console.WriteLine($"| {server} | {Median(mine.Select(r => r.Rps)):0} | {Median(mine.Select(r => r.P50)):0.00} | {Median(mine.Select(r => r.P99)):0.00} |");
            }

            var ratio = Median(results.Where(r => r.Server == "Navo").Select(r => r.Rps)) / Median(results.Where(r => r.Server == "nginx").Select(r => r.Rps));
            var p99Ratio = Median(results.Where(r => r.Server == "Navo").Select(r => r.P99)) / Median(results.Where(r => r.Server == "nginx").Select(r => r.P99));
            Console.WriteLine();
            Console.WriteLine($"Navo/nginx: {ratio:0.00}x the requests per second (target ≥ 0.5), p99 {p99Ratio:0.00}x (target ≤ 3)");
            await host.StopAsync();
        }
        finally
        {
            await BenchMachine.DeleteDataAsync(dataPath);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }


    private static async Task<(double Rps, double P50, double P99, long Errors)> WrkAsync(string url, int seconds)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-t2", $"-c{Connections}", $"-d{seconds}s", "--latency", url })
        {
            start.ArgumentList.Add(argument);
        }

        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk could not start: apt-get install wrk");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = Non2xx().Match(output) is { Success: true } non2xx ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return (rps, Percentile(output, "50"), Percentile(output, "99"), errors);
    }

    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    private static void Should(this bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Expected: {what}.");
        }
    }

    private static void Should(this long value, long expected, string what) => (value == expected).Should(what);

    /// <summary>nginx on a free loopback port, serving one file at <c>/page</c>, stopped when disposed.</summary>
    private sealed class Nginx(Process process, string url) : IAsyncDisposable
    {
        public string Url => url;

        public static async Task<Nginx> StartAsync(string folder, string file)
        {
            Directory.CreateDirectory(folder);
            var port = LoopbackPort.Free();
            // As a static server is usually set up: every core, no access log, sendfile, long keep-alive (as Kestrel's).
            var config = $$"""
                daemon off;
                worker_processes auto;
                {{(Environment.UserName == "root" ? "user root;" : string.Empty)}}
                pid {{folder}}/nginx.pid;
                error_log {{folder}}/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    sendfile on;
                    tcp_nopush on;
                    keepalive_requests 1000000;
                    client_body_temp_path {{folder}}/body;
                    proxy_temp_path {{folder}}/proxy;
                    fastcgi_temp_path {{folder}}/fastcgi;
                    uwsgi_temp_path {{folder}}/uwsgi;
                    scgi_temp_path {{folder}}/scgi;
                    server {
                        listen 127.0.0.1:{{port}};
                        location = /page { alias {{file}}; default_type "text/html; charset=utf-8"; }
                    }
                }
                """;
            var path = Path.Combine(folder, "nginx.conf");
            await File.WriteAllTextAsync(path, config);
            var nginx = Process.Start(new ProcessStartInfo("nginx", ["-c", path, "-p", folder]) { UseShellExecute = false })
                ?? throw new InvalidOperationException("nginx could not start: apt-get install nginx");
            var served = new Nginx(nginx, $"http://127.0.0.1:{port}/page");
            using var client = new HttpClient();
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    (await client.GetAsync(served.Url)).EnsureSuccessStatusCode();
                    return served;
                }
                catch (HttpRequestException) when (attempt < 50 && !nginx.HasExited)
                {
                    await Task.Delay(100);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                // QUIT: the master lets its workers finish, then all exit.
                using (var quit = Process.Start("kill", ["-QUIT", process.Id.ToString(CultureInfo.InvariantCulture)]))
                {
                    await quit.WaitForExitAsync();
                }

                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }
}
