namespace Navo.EventStore;

/// <summary>Base type of the errors the store raises on purpose.</summary>
public class EventStoreException : Exception
{
    public EventStoreException(string message) : base(message) { }

    public EventStoreException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// An append's expected version did not match the stream's version: another writer got there first.
/// Nothing of the losing transaction was written.
/// </summary>
public sealed class ConcurrencyException : EventStoreException
{
    public ConcurrencyException(Guid? streamId, long? expectedVersion, Exception? inner = null)
        : base(
            streamId is null
                ? "A stream has moved on since it was read."
                : $"Stream {streamId} has moved on: expected version {expectedVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"}.",
            inner ?? new InvalidOperationException("version mismatch"))
    {
        StreamId = streamId;
        ExpectedVersion = expectedVersion;
    }

    /// <summary>The stream whose version moved on, when the store could tell which.</summary>
    public Guid? StreamId { get; }

    /// <summary>The version the caller expected (null: any).</summary>
    public long? ExpectedVersion { get; }
}

/// <summary>A stored event's type is not one this version of Navo knows (a newer version wrote it): the store refuses to guess.</summary>
public sealed class UnknownEventTypeException(string alias)
    : EventStoreException($"Unknown event type '{alias}': register it with EventTypes.Add<T>().")
{
    /// <summary>The type as the store names it.</summary>
    public string Alias { get; } = alias;
}

/// <summary>An event whose JSON is larger than <see cref="EventStoreOptions.MaxEventBytes"/>.</summary>
public sealed class EventTooLargeException(string alias, int bytes, int limit)
    : EventStoreException($"Event '{alias}' is {bytes} bytes; the limit is {limit} bytes.")
{
    public int Bytes { get; } = bytes;
}

/// <summary>
/// The database's schema is not what this version of Navo needs, and the host was told not to change it (Production):
/// its message says what differs and the command that applies it.
/// </summary>
public sealed class SchemaOutOfDateException(string message) : EventStoreException(message);
