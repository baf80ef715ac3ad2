namespace Navo.EventStore;

/// <summary>
/// Writers to one stream take turns within this process. Appends carry the version they decided on, so two writers
/// that read the same version would make one of them fail and start over; when many arrive at once (a user sending
/// several chat messages, a script editing a site) most would fail again. Waiting for the stream instead costs
/// nothing. Other processes are not covered: their conflicts still surface as <see cref="ConcurrencyException"/>.
/// </summary>
public sealed class StreamLocks
{
    private readonly Dictionary<Guid, Entry> _entries = [];

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }
    }

    /// <summary>Waits until no one else in this process holds <paramref name="streamId"/>; dispose the answer to let the next in.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(Guid streamId, CancellationToken cancellationToken = default)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(streamId, out entry!))
            {
                _entries[streamId] = entry = new Entry();
            }

            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(streamId, entry);
            throw;
        }

        return new Held(this, streamId, entry);
    }

    private void Leave(Guid streamId, Entry entry)
    {
        lock (_entries)
        {
            // The last one out removes the entry, so the map holds only streams someone is writing to now.
            if (--entry.Users == 0)
            {
                _entries.Remove(streamId);
            }
        }
    }

    private sealed class Held(StreamLocks locks, Guid streamId, Entry entry) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Gate.Release();
                locks.Leave(streamId, entry);
            }

            return ValueTask.CompletedTask;
        }
    }
}
