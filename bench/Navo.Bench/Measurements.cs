using System.Globalization;

namespace Navo.Bench;

/// <summary>Latencies of one run, and the throughput they add up to.</summary>
public sealed class Measurements(string name)
{
    private readonly List<double> _milliseconds = [];
    private readonly Lock _lock = new();

    public string Name { get; } = name;

    public long Operations { get; private set; }

    public long Items { get; private set; }

    public TimeSpan Elapsed { get; set; }

    /// <summary>CPU time the benchmark process itself used: the client's share of the machine.</summary>
    public TimeSpan ClientCpu { get; set; }

    public void Add(List<double> milliseconds, int itemsPerOperation)
    {
        lock (_lock)
        {
            _milliseconds.AddRange(milliseconds);
            Operations += milliseconds.Count;
            Items += (long)milliseconds.Count * itemsPerOperation;
        }
    }

    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _milliseconds.Order().ToList();
        var index = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    public static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
