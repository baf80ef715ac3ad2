using Navo.EventStore.Embedded;

namespace Navo.Bench;

/// <summary>What the benchmarks that run the real host share: the machine's load, and leaving no data folder behind.</summary>
internal static class BenchMachine
{
    /// <summary>The load averages over 1, 5 and 15 minutes: a shared machine's figures are read against them.</summary>
    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The load average over the last minute, or null where the machine does not tell.</summary>
    public static double? LoadNow() => File.Exists("/proc/loadavg")
        ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)
        : null;

    /// <summary>Stops the embedded cluster of <paramref name="dataPath"/> (if the host left it running) and deletes it with the folder.</summary>
    public static async Task DeleteDataAsync(string dataPath)
    {
        var cluster = await EmbeddedPostgres.StartAsync(dataPath);
        await cluster.DisposeAsync();
        Directory.Delete(cluster.Root, recursive: true);
        Directory.Delete(dataPath, recursive: true);
    }
}
