using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;

namespace Navo.Bench;

/// <summary>
/// The bytes of live objects in the host's GC heap, read after a full collection that the soak asks for. The heap
/// between collections also holds what died since the last one, so its size depends on when it is read; after a full
/// collection it is what the host keeps. The collection is asked for through the runtime's diagnostics port (an
/// EventPipe session with the GC heap collect keyword, as dotnet-gcdump does), and read from the runtime's own figures
/// at <c>/metrics</c>: the heap size of that collection less its fragmentation.
/// </summary>
internal static class LiveHeap
{
    private const string Runtime = "Microsoft-Windows-DotNETRuntime";

    // The runtime's GC keyword (0x1) and GCHeapCollect keyword (0x800000): enabling the latter starts a blocking gen2 collection.
    private const long GcHeapCollect = 0x1 | 0x800000;

    private const string Collections = "dotnet_gc_collections_total";
    private const string Gen2 = "gc_heap_generation=\"gen2\"";
    private const string HeapSize = "dotnet_gc_last_collection_heap_size_bytes";
    private const string Fragmentation = "dotnet_gc_last_collection_heap_fragmentation_size_bytes";

    /// <summary>The live bytes after a full collection of process <paramref name="pid"/>, or null when none was seen within 30 s.</summary>
    public static async Task<long?> AfterFullCollectionAsync(int pid, HttpClient client, CancellationToken cancellationToken = default)
    {
        var before = Sum(await client.GetStringAsync("/metrics", cancellationToken), Collections, Gen2);
        using var session = new DiagnosticsClient(pid).StartEventPipeSession(
            new EventPipeProvider(Runtime, EventLevel.Informational, GcHeapCollect), requestRundown: false);
        // The session's events are not needed, only the collection its start asks for: drained so the runtime never waits on them.
        var drained = session.EventStream.CopyToAsync(Stream.Null, cancellationToken);
        try
        {
            for (var waited = 0; waited < 60; waited++)
            {
                var metrics = await client.GetStringAsync("/metrics", cancellationToken);
                if (Sum(metrics, Collections, Gen2) > before)
                {
                    return (long)(Sum(metrics, HeapSize) - Sum(metrics, Fragmentation));
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }

            return null;
        }
        finally
        {
            await session.StopAsync(cancellationToken);
            await drained;
        }
    }

    /// <summary>
    /// The sum of the values of every line of <paramref name="metric"/> (one a generation for the heap figures), or of
    /// those with the label <paramref name="label"/>.
    /// </summary>
    private static double Sum(string metrics, string metric, string? label = null) => metrics.Split('\n')
        .Where(line => line.StartsWith(metric, StringComparison.Ordinal) && line.Length > metric.Length && line[metric.Length] is ' ' or '{')
        .Where(line => label is null || line.Contains(label, StringComparison.Ordinal))
        .Sum(line => double.Parse(
            (line[metric.Length] == '{' ? line[(line.LastIndexOf('}') + 1)..] : line[metric.Length..]).Trim().Split(' ')[0], CultureInfo.InvariantCulture));
}
