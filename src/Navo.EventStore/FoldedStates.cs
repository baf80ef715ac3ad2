using System.Collections.Concurrent;

namespace Navo.EventStore;

/// <summary>
/// States this process has folded, kept in memory for the stream types that ask for it
/// (<see cref="StoreFoldedStates.KeepFolded{T}"/>), so that reading one folds only the events appended since, by this
/// host or another. The store stays the truth: a read fetches the stream from the last event folded on, and folds the
/// whole stream again when that event is not there with the same id (a stream deleted, or written again). Entries
/// hold no more than <see cref="Capacity"/> streams; the least recently read tenth goes when it is full. The states must
/// be immutable: one is handed to every reader.
/// </summary>
internal sealed class FoldedStates(int capacity)
{
    private readonly ConcurrentDictionary<(string Tenant, Guid Stream), Entry> _entries = new();
    private long _clock;
    private int _trimming;

    /// <summary>The most streams kept.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>How many streams are kept now.</summary>
    public int Count => _entries.Count;

    public bool TryGet<T>(string tenant, Guid stream, out T state, out long version, out Guid lastEventId)
    {
        if (_entries.TryGetValue((tenant, stream), out var entry) && entry.State is T kept)
        {
            entry.Used = Interlocked.Increment(ref _clock);
            (state, version, lastEventId) = (kept, entry.Version, entry.LastEventId);
            return true;
        }

        (state, version, lastEventId) = (default!, 0, Guid.Empty);
        return false;
    }

    public void Set(string tenant, Guid stream, object state, long version, Guid lastEventId)
    {
        var entry = new Entry(state, version, lastEventId) { Used = Interlocked.Increment(ref _clock) };
        // Two readers may fold the same stream at once: the state of the later version stays.
        _entries.AddOrUpdate((tenant, stream), entry, (_, old) => old.Version > version ? old : entry);
        if (_entries.Count > Capacity && Interlocked.Exchange(ref _trimming, 1) == 0)
        {
            try
            {
                foreach (var stale in _entries.OrderBy(e => e.Value.Used).Take(Math.Max(1, Capacity / 10)).ToList())
                {
                    _entries.TryRemove(stale);
                }
            }
            finally
            {
                Volatile.Write(ref _trimming, 0);
            }
        }
    }

    public void Forget(string tenant, Guid stream) => _entries.TryRemove((tenant, stream), out _);

    private sealed class Entry(object state, long version, Guid lastEventId)
    {
        public object State { get; } = state;

        public long Version { get; } = version;

        public Guid LastEventId { get; } = lastEventId;

        public long Used { get; set; }
    }
}

public static class StoreFoldedStates
{
    /// <summary>
    /// Keeps the states of <typeparamref name="T"/> streams that this process folds in memory (at most
    /// <paramref name="streams"/> of them), so that <see cref="IEventSession.AggregateStreamAsync{T}"/> for the current
    /// version reads and folds only the events appended since. For streams that grow long and are read on every request
    /// (a conversation is read every turn), without a second write in the append as a stored snapshot would need.
    /// </summary>
    public static EventStoreOptions KeepFolded<T>(this EventStoreOptions options, int streams = 10_000) where T : IAggregate<T>
    {
        options.FoldedTypes[typeof(T)] = streams;
        return options;
    }
}
