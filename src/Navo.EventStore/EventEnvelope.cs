using System.Globalization;
using JasperFx.Events;

namespace Navo.EventStore;

/// <summary>An event as stored: its data plus where and when it sits in the store.</summary>
/// <param name="Sequence">The global order (<c>seq_id</c>), the order async projections see.</param>
/// <param name="Id">The event's own id.</param>
/// <param name="StreamId">The stream it belongs to.</param>
/// <param name="Version">Its position in the stream, from 1.</param>
/// <param name="Timestamp">When it was committed.</param>
/// <param name="TenantId">The workspace that owns it.</param>
/// <param name="Type">The snake_case alias (<c>site_generated</c>).</param>
/// <param name="Data">The deserialized event record.</param>
/// <param name="Metadata">Correlation, causation and headers.</param>
public sealed record EventEnvelope(
    long Sequence,
    Guid Id,
    Guid StreamId,
    long Version,
    DateTimeOffset Timestamp,
    string TenantId,
    string Type,
    object Data,
    EventMetadata Metadata)
{
    /// <summary>Marten's view of a stored or just-appended event as Navo's envelope.</summary>
    public static EventEnvelope From(IEvent @event) => new(
        @event.Sequence,
        @event.Id,
        @event.StreamId,
        @event.Version,
        // As PostgreSQL stores it (microseconds), so a just-appended event and the same event read back are equal.
        @event.Timestamp.AddTicks(-(@event.Timestamp.Ticks % 10)),
        @event.TenantId,
        @event.EventTypeName,
        @event.Data,
        @event.CorrelationId is null && @event.CausationId is null && @event.Headers is not { Count: > 0 }
            ? EventMetadata.None
            : new EventMetadata(@event.CorrelationId, @event.CausationId, @event.Headers?.ToDictionary(
                h => h.Key, h => Convert.ToString(h.Value, CultureInfo.InvariantCulture) ?? string.Empty, StringComparer.Ordinal)));
}

/// <summary>What travels with a group of appended events: why they happened and what caused them.</summary>
public sealed record EventMetadata(
    string? CorrelationId = null,
    string? CausationId = null,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>No correlation, causation or headers.</summary>
    public static EventMetadata None { get; } = new();
}

/// <summary>The state of a stream folded from its events, and the version it was folded to.</summary>
public sealed record Aggregated<T>(T State, long Version);

/// <summary>
/// A state type that can be folded from a stream: an initial value and a pure <see cref="Apply"/> that returns
/// the next state (<c>this with { ... }</c>).
/// </summary>
public interface IAggregate<TSelf> where TSelf : IAggregate<TSelf>
{
    /// <summary>The state before the first event.</summary>
    static abstract TSelf Initial { get; }

    /// <summary>The state after <paramref name="event"/>; events it does not care about return this.</summary>
    TSelf Apply(EventEnvelope @event);
}
