using System.Globalization;
using Navo.EventStore.Embedded;
using Navo.Testing;
using Npgsql;

namespace Navo.Bench;

/// <summary>
/// What the host holds at one moment: its working set, its GC heap as the last collection left it (the runtime's
/// <c>dotnet.gc.last_collection.heap.size</c> at <c>/metrics</c>: after a collection of gen0 only, it still counts what
/// died in the older generations, so it rises and falls with the moment it is read), when asked for its live heap after
/// a full collection (<see cref="Navo.Bench.LiveHeap"/>), the host database's connections in <c>pg_stat_activity</c>, and
/// the host process's open sockets (clients, PostgreSQL and the listener), and the machine's load average over the last
/// minute (on a shared machine the latencies follow it).
/// </summary>
public sealed record SoakSample(DateTime At, long WorkingSet, long? GcHeap, long? LiveHeap, int DatabaseConnections, int HostSockets, double? Load)
{
    private const string HeapMetric = "dotnet_gc_last_collection_heap_size_bytes";

    public static async Task<SoakSample> TakeAsync(HostProcess host, HttpClient client, EmbeddedPostgres cluster, bool collect)
    {
        var live = collect ? await Navo.Bench.LiveHeap.AfterFullCollectionAsync(host.Id, client) : null;
        var at = DateTime.UtcNow;
        var workingSet = host.WorkingSet;
        var metrics = await client.GetStringAsync("/metrics");
        // One line a generation: gen0, gen1, gen2, loh, poh.
        var heap = metrics.Split('\n')
            .Where(line => line.StartsWith(HeapMetric, StringComparison.Ordinal))
            .Select(line => (long?)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
            .Aggregate((long?)null, (sum, bytes) => (sum ?? 0) + bytes);
        // Its own connection is to another database, so it is not counted.
        await using var connection = new NpgsqlConnection(cluster.ConnectionStringFor("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from pg_stat_activity where datname = 'navo'", connection);
        var database = (int)(long)(await command.ExecuteScalarAsync())!;
        return new SoakSample(at, workingSet, heap, live, database, Sockets(host.Id), BenchMachine.LoadNow());
    }

    private static int Sockets(int pid) => new DirectoryInfo($"/proc/{pid}/fd").EnumerateFileSystemInfos()
        .Count(fd => fd.LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true);
}
