namespace Navo.EventStore;

/// <summary>Base type of the errors the store raises on purpose.</summary>
public class EventStoreException : Exception
{
    public EventStoreException(string message) : base(message) { }

    public EventStoreException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// An append's expected version did not match the stream's version: another writer got there first.
/// Nothing of the losing transaction was written, and no event sequence number was used.
/// </summary>
public sealed class ConcurrencyException : EventStoreException
{
    public ConcurrencyException(Guid streamId, long? expectedVersion, Exception? inner = null)
        : base(
            $"Stream {streamId} has moved on: expected version {expectedVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"}.",
            inner ?? new InvalidOperationException("version mismatch"))
    {
        StreamId = streamId;
        ExpectedVersion = expectedVersion;
    }

    /// <summary>The stream whose version moved on.</summary>
    public Guid StreamId { get; }

    /// <summary>The version the caller expected (null: any).</summary>
    public long? ExpectedVersion { get; }
}

/// <summary>A stored event's <c>type</c> alias has no registered C# type: the store refuses to guess.</summary>
public sealed class UnknownEventTypeException(string alias)
    : EventStoreException($"Unknown event type '{alias}': register it with EventTypes.Add<T>().")
{
    /// <summary>The alias found in <c>mt_events.type</c>.</summary>
    public string Alias { get; } = alias;
}

/// <summary>An event whose JSON is larger than <see cref="EventStoreOptions.MaxEventBytes"/>.</summary>
public sealed class EventTooLargeException(string alias, int bytes, int limit)
    : EventStoreException($"Event '{alias}' is {bytes} bytes; the limit is {limit} bytes.")
{
    public int Bytes { get; } = bytes;
}
