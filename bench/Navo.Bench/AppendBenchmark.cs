using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Navo.EventStore;
using Navo.EventStore.Embedded;
using Npgsql;

namespace Navo.Bench;

/// <summary>
/// Event appends through Navo's store against the same inserts done by pgbench, on one private, durable
/// cluster in one run: single-event appends with 1, 8 and 32 writers, and 100-event batches.
/// </summary>
public static partial class AppendBenchmark
{
    private sealed record Appended(int Writer, int Sequence);

    public static async Task RunAsync(BenchOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("navo-bench-").FullName;
        var cluster = await EmbeddedPostgres.StartAsync(folder, durable: true);
        try
        {
            await cluster.CreateDatabaseAsync("bench");
            var connectionString = cluster.ConnectionStringFor("bench");
            await using var dataSource = EventStoreDataSource.Create(connectionString);
            var storeOptions = new EventStoreOptions();
            storeOptions.Events.Add<Appended>();
            var store = new PostgresEventStore(dataSource, storeOptions);
            await store.MigrateAsync();
            await CreateBaselineTablesAsync(dataSource);

            if (!options.Json)
            {
                Console.WriteLine($"Append benchmark: {options.Seconds} s a row, {Environment.ProcessorCount} cores, PostgreSQL on loopback, fsync on.");
                Console.WriteLine();
                Console.WriteLine("| workload | writers | Navo events/s | Navo p50 ms | Navo p99 ms | pgbench events/s | pgbench avg ms | Navo / pgbench | Navo client CPU µs/append |");
                Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
            }

            foreach (var (writers, batch) in new[] { (1, 1), (8, 1), (32, 1), (8, 100) })
            {
                if (options.Only is { } only && !only.Split(',').Contains($"{writers}x{batch}"))
                {
                    continue;
                }

                // Warm up first: JIT tiers, the connection pool and prepared statements, as a running host would be. Marten
                // has more code to bring to its final tier than the hand-written store had: 2 s left a lone 8-writer row
                // (--only 8x1) at 0.33 of pgbench against 0.5 after the other rows.
                await RunNavoAsync(store, writers, batch, TimeSpan.FromSeconds(5));
                var navo = await RunNavoAsync(store, writers, batch, TimeSpan.FromSeconds(options.Seconds));
                var pgbench = await RunPgbenchAsync(cluster, writers, batch, options.Seconds);
                var workload = batch == 1 ? "single-event append" : $"{batch}-event batch";
                if (options.Json)
                {
                    Console.WriteLine(JsonSerializer.Serialize(new
                    {
                        workload, writers, perSecond = Math.Round(navo.ItemsPerSecond), baselinePerSecond = Math.Round(pgbench.EventsPerSecond),
                        ratio = Math.Round(navo.ItemsPerSecond / pgbench.EventsPerSecond, 2),
                    }));
                    continue;
                }

                Console.WriteLine(
                    $"| {workload} | {writers} | {navo.ItemsPerSecond:0} | {Measurements.Format(navo.Percentile(50))} | {Measurements.Format(navo.Percentile(99))} " +
                    $"| {pgbench.EventsPerSecond:0} | {Measurements.Format(pgbench.AverageMs)} | {navo.ItemsPerSecond / pgbench.EventsPerSecond:0.00} | {navo.ClientCpu.TotalMicroseconds / navo.Operations:0} |");
            }
        }
        finally
        {
            await cluster.DisposeAsync();
            Directory.Delete(cluster.Root, recursive: true);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Measurements> RunNavoAsync(PostgresEventStore store, int writers, int batch, TimeSpan duration)
    {
        var result = new Measurements($"navo-{writers}x{batch}");
        var tenant = new TenantContext("bench", Guid.NewGuid(), ["owner"]);
        using var stop = new CancellationTokenSource(duration);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            var stream = Guid.NewGuid();
            var version = 0L;
            var latencies = new List<double>();
            var events = new object[batch];
            while (!stop.IsCancellationRequested)
            {
                for (var i = 0; i < batch; i++)
                {
                    events[i] = new Appended(writer, (int)version + i);
                }

                var started = Stopwatch.GetTimestamp();
                await using (var session = store.OpenSession(tenant))
                {
                    session.Append(stream, version, events);
                    await session.SaveChangesAsync();
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                version += batch;
            }

            result.Add(latencies, batch);
        })));
        result.Elapsed = clock.Elapsed;
        result.ClientCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return result;
    }

    /// <summary>Tables shaped like mt_streams and mt_events, without Navo: what pgbench writes to.</summary>
    private static async Task CreateBaselineTablesAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            create table pgb_streams (tenant_id varchar(64), id int, version bigint not null, timestamp timestamptz default now(),
                primary key (tenant_id, id));
            insert into pgb_streams (tenant_id, id, version) select 'bench', g, 0 from generate_series(1, 64) g;
            create table pgb_events (seq_id bigint generated by default as identity primary key, id uuid not null,
                stream_id int not null, version bigint not null, data jsonb not null, type varchar(500) not null,
                timestamp timestamptz not null default now(), tenant_id varchar(64) not null,
                unique (tenant_id, stream_id, version));
            """);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record PgbenchResult(double EventsPerSecond, double AverageMs);

    /// <summary>
    /// The same work as one append, in plain SQL: lock and bump the stream's version, insert the event(s),
    /// commit. Each pgbench client writes its own stream, as each Navo writer does.
    /// </summary>
    private static async Task<PgbenchResult> RunPgbenchAsync(EmbeddedPostgres cluster, int writers, int batch, int seconds)
    {
        var script = Path.GetTempFileName();
        await File.WriteAllTextAsync(script, $"""
            \set stream :client_id + 1
            BEGIN;
            UPDATE pgb_streams SET version = version + {batch}, timestamp = now() WHERE tenant_id = 'bench' AND id = :stream RETURNING version AS v \gset
            INSERT INTO pgb_events (id, stream_id, version, data, type, tenant_id) SELECT gen_random_uuid(), :stream, :v - {batch} + g, '{"{"}"writer": 1, "sequence": 2{"}"}', 'appended', 'bench' FROM generate_series(1, {batch}) g;
            END;
            """);
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(cluster.ConnectionStringFor("bench"));
            var start = new ProcessStartInfo(FindPgbench())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["PGPASSWORD"] = connection.Password },
            };
            foreach (var argument in new[]
            {
                "-n", "-M", "prepared", "-h", "127.0.0.1", "-p", connection.Port.ToString(CultureInfo.InvariantCulture), "-U", connection.Username!,
                "-c", writers.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(writers, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
                "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script, "bench",
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var tps = TpsPattern().Match(output);
            var latency = LatencyPattern().Match(output);
            if (process.ExitCode != 0 || !tps.Success)
            {
                throw new InvalidOperationException("pgbench failed: " + output);
            }

            return new PgbenchResult(
                double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture) * batch,
                latency.Success ? double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static string FindPgbench()
    {
        var folder = PostgresBinaries.Find();
        var beside = Path.Combine(folder, "pgbench");
        return File.Exists(beside) ? beside : "pgbench";
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsPattern();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex LatencyPattern();
}
