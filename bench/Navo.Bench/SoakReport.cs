using System.Diagnostics;
using System.Net;

namespace Navo.Bench;

/// <summary>
/// The soak's figures, minute by minute, and its verdict against the bar of issue 19, read as: no 5xx and no other
/// failed request in the whole run; memory flat — each minute after the warm-up within 10% of the lowest of them in its
/// working set (the median of its samples: the memory the machine gives the host), and no leak — no minute's live heap
/// (the lowest of its readings after a full collection: the heap read at any other moment also holds what died since
/// the last full collection, so two minutes' figures would differ by when their collections fell rather than by what
/// the host keeps) more than 10% above the lowest minute before it after the warm-up. The live heap is judged by its
/// rises only: it falls by about a tenth when the connection pool closes the connections the start-up surge opened (they
/// stay idle for the pool's idle lifetime, five minutes), which is memory given back, not kept; no growth in open
/// connections — the peaks of PostgreSQL's
/// connections and of the host's sockets in the last minute at most 5% (and at least 2) above the first minute after
/// the warm-up, since a pool that settles moves by one or two while a leak keeps climbing; and a stable p99 — chat
/// turns' and page views' in the last minute at most 20% above the first minute after the warm-up.
/// </summary>
public sealed class SoakReport(int minutes)
{
    public const int Chat = 0;
    public const int Views = 1;

    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Minute[] _minutes = [.. Enumerable.Range(0, minutes).Select(_ => new Minute())];
    private readonly Lock _lock = new();

    private sealed class Minute
    {
        public List<double>[] Latencies { get; } = [[], []];

        public int ServerErrors { get; set; }

        public int Failures { get; set; }

        public List<SoakSample> Samples { get; } = [];
    }

    /// <summary>Sends one request and counts it in the minute it ends in (one still in flight at the end, in the last).</summary>
    public async Task TimeAsync(int kind, Func<Task<HttpResponseMessage>> send)
    {
        var started = Stopwatch.GetTimestamp();
        HttpStatusCode? status = null;
        try
        {
            using var response = await send();
            await response.Content.LoadIntoBufferAsync();
            status = response.StatusCode;
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
        {
            // A refused connection or a timeout: a failure, not a latency.
        }

        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        lock (_lock)
        {
            var minute = Current();
            if (status is { } code && (int)code < 400)
            {
                minute.Latencies[kind].Add(milliseconds);
            }
            else if (status is { } error && (int)error >= 500)
            {
                minute.ServerErrors++;
            }
            else
            {
                minute.Failures++;
            }
        }
    }

    public void Sample(SoakSample sample)
    {
        lock (_lock)
        {
            Current().Samples.Add(sample);
        }
    }

    public void Print(TextWriter output)
    {
        output.WriteLine("| minute | chat turns | chat p99 ms | page views | view p99 ms | 5xx | other failures | working set MB (median) | GC heap MB (median) | live heap MB after a full GC (lowest) | PostgreSQL connections (peak) | host sockets (peak) | load average (1 min, at its end) |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (var i = 0; i < _minutes.Length; i++)
        {
            var m = _minutes[i];
            output.WriteLine($"| {i + 1}{(i == 0 ? " (warm-up)" : string.Empty)} | {m.Latencies[Chat].Count} | {P99(m, Chat)} | {m.Latencies[Views].Count} | {P99(m, Views)} "
                + $"| {m.ServerErrors} | {m.Failures} | {Megabytes(Median(m, s => s.WorkingSet))} | {Megabytes(Median(m, s => s.GcHeap))} | {Megabytes(Lowest(m, s => s.LiveHeap))} "
                + $"| {(m.Samples.Count == 0 ? "-" : m.Samples.Max(s => s.DatabaseConnections))} | {(m.Samples.Count == 0 ? "-" : m.Samples.Max(s => s.HostSockets))} "
                + $"| {(m.Samples.LastOrDefault()?.Load is { } load ? load.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "-")} |");
        }

        var measured = _minutes.Skip(1).Where(m => m.Samples.Count > 0).ToList();
        var (first, final) = (measured[0], measured[^1]);
        var serverErrors = _minutes.Sum(m => m.ServerErrors);
        var failures = _minutes.Sum(m => m.Failures);
        var workingSet = Spread(measured.Select(m => Median(m, s => s.WorkingSet)));
        var heaps = measured.Select(m => Lowest(m, s => s.LiveHeap)).OfType<long>().ToList();
        var heapSpread = heaps.Count == measured.Count ? Spread(heaps.Cast<long?>()) : double.NaN;
        var heapRise = heaps.Count == measured.Count ? LargestRise(heaps) : double.NaN;
        var connections = (First: Peak(first, s => s.DatabaseConnections), Last: Peak(final, s => s.DatabaseConnections));
        var sockets = (First: Peak(first, s => s.HostSockets), Last: Peak(final, s => s.HostSockets));
        var chatRatio = Percentile(final, Chat) / Percentile(first, Chat);
        var viewRatio = Percentile(final, Views) / Percentile(first, Views);
        var checks = new[]
        {
            (serverErrors == 0 && failures == 0, $"5xx: {serverErrors}, other failures: {failures} (bar: none)"),
            (workingSet <= 0.10, $"memory after warm-up: working set spread {workingSet:P1} (bar: within 10%)"),
            (heapRise <= 0.10, $"live heap after a full GC: largest rise {heapRise:P1} above a lower minute before it, spread {heapSpread:P1} (bar: no rise above 10%)"),
            (NoGrowth(connections), $"PostgreSQL connections, peak of the first and last minute after warm-up: {connections.First} and {connections.Last} (bar: no growth)"),
            (NoGrowth(sockets), $"host sockets, peak of the first and last minute after warm-up: {sockets.First} and {sockets.Last} (bar: no growth)"),
            (chatRatio <= 1.2 && viewRatio <= 1.2, $"p99 of the last minute against the first after warm-up: chat turns {chatRatio:0.00}x, page views {viewRatio:0.00}x (bar: at most 1.20x)"),
        };
        output.WriteLine();
        foreach (var (pass, line) in checks)
        {
            output.WriteLine($"- {line} — {(pass ? "pass" : "FAIL")}");
        }

        output.WriteLine();
        output.WriteLine($"Soak: {(checks.All(c => c.Item1) ? "PASS" : "FAIL")}");
    }

    private Minute Current() =>
        _minutes[Math.Min(_minutes.Length - 1, (int)(Stopwatch.GetElapsedTime(_started).TotalMinutes))];

    private static double Percentile(Minute minute, int kind)
    {
        var m = new Measurements(string.Empty);
        m.Add(minute.Latencies[kind], 1);
        return m.Percentile(99);
    }

    private static string P99(Minute minute, int kind) => Measurements.Format(Percentile(minute, kind));

    private static int Peak(Minute minute, Func<SoakSample, int> count) => minute.Samples.Count == 0 ? 0 : minute.Samples.Max(count);

    private static string Megabytes(long? bytes) => bytes is { } b ? (b / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "-";

    private static long? Median(Minute minute, Func<SoakSample, long?> value)
    {
        var values = minute.Samples.Select(value).OfType<long>().Order().ToList();
        return values.Count == 0 ? null : values[values.Count / 2];
    }

    private static long? Lowest(Minute minute, Func<SoakSample, long?> value)
    {
        var values = minute.Samples.Select(value).OfType<long>().ToList();
        return values.Count == 0 ? null : values.Min();
    }

    private static double Spread(IEnumerable<long?> values)
    {
        var known = values.OfType<long>().ToList();
        return (double)known.Max() / known.Min() - 1;
    }

    /// <summary>The most a value rose above the lowest one before it, as a fraction of that one (0 when it only fell).</summary>
    private static double LargestRise(IReadOnlyList<long> values)
    {
        var (lowest, rise) = (values[0], 0.0);
        foreach (var value in values)
        {
            rise = Math.Max(rise, (double)value / lowest - 1);
            lowest = Math.Min(lowest, value);
        }

        return rise;
    }

    private static bool NoGrowth((int First, int Last) peaks) => peaks.Last <= peaks.First + Math.Max(2, (int)Math.Ceiling(peaks.First * 0.05));
}
