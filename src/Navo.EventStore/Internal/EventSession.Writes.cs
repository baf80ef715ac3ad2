using Marten.Exceptions;
using Npgsql;

namespace Navo.EventStore.Internal;

internal sealed partial class EventSession
{
    private readonly List<PendingStream> _pending = [];

    public void StartStream<TState>(Guid streamId, params object[] events) where TState : IAggregate<TState> =>
        Queue(streamId, typeof(TState), expectedVersion: 0, events);

    public void Append(Guid streamId, long? expectedVersion, params object[] events) =>
        Queue(streamId, streamType: null, expectedVersion, events);

    private void Queue(Guid streamId, Type? streamType, long? expectedVersion, object[] events)
    {
        if (streamId == Guid.Empty)
        {
            throw new ArgumentException("A stream id cannot be empty.", nameof(streamId));
        }

        if (events is null || events.Length == 0)
        {
            throw new ArgumentException("Append at least one event.", nameof(events));
        }

        if (expectedVersion < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), "An expected version is 0 or more.");
        }

        // Checked now, so that an event the store cannot take fails here and nothing is queued.
        foreach (var @event in events)
        {
            Check(@event);
        }

        var existing = _pending.Find(p => p.StreamId == streamId);
        if (existing is null)
        {
            _pending.Add(new PendingStream(streamId, streamType, expectedVersion, [.. events]));
            return;
        }

        if (expectedVersion is { } expected && existing.ExpectedVersion + existing.Events.Count != expected)
        {
            throw new InvalidOperationException(
                $"Stream {streamId} already has queued events; a further append must expect version {existing.ExpectedVersion + existing.Events.Count}.");
        }

        existing.Events.AddRange(events);
    }

    /// <summary>Refuses an event type that is not registered (Marten would store it under a made-up alias) or too large.</summary>
    private void Check(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var alias = store.Options.Events.AliasOf(@event.GetType());
        var bytes = JsonSize.Of(@event, store.Options.Json);
        if (bytes > store.Options.MaxEventBytes)
        {
            throw new EventTooLargeException(alias, bytes, store.Options.MaxEventBytes);
        }
    }

    public async Task<IReadOnlyList<EventEnvelope>> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        var pending = _pending.ToList();
        _pending.Clear();
        if (pending.Count == 0)
        {
            // No events: commit what the session's own statements wrote (a read table's row), if anything.
            if (_transaction is not null)
            {
                await _transaction.CommitAsync(CancellationToken.None);
            }

            return [];
        }

        var marten = _marten ?? (ReadsNothing(pending) ? BlindSession() : await MartenAsync(cancellationToken));
        var actions = pending.Select(stream => stream switch
        {
            { StreamType: { } type } => marten.Events.StartStream(type, stream.StreamId, [.. stream.Events]),
            { ExpectedVersion: null } => marten.Events.Append(stream.StreamId, [.. stream.Events]),
            // Marten's expected version is the stream's version after the append.
            { ExpectedVersion: { } expected } => marten.Events.Append(stream.StreamId, expected + stream.Events.Count, [.. stream.Events]),
        }).ToList();

        try
        {
            // Writes the events and runs the inline projections in one batch, then commits the session's transaction.
            await marten.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.ConcurrencyException conflict)
        {
            await RollBackQuietlyAsync();
            throw Conflict(pending, conflict.Id, conflict);
        }
        catch (ExistingStreamIdCollisionException collision)
        {
            await RollBackQuietlyAsync();
            throw Conflict(pending, collision.Id, collision);
        }
        catch (MartenCommandException race) when (race.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            // Two writers created the same stream at once: the loser hit the stream's primary key.
            await RollBackQuietlyAsync();
            throw Conflict(pending, pending.Find(p => unique.Detail?.Contains(p.StreamId.ToString(), StringComparison.Ordinal) == true)?.StreamId, race);
        }
        catch
        {
            await RollBackQuietlyAsync();
            throw;
        }

        return [.. actions.SelectMany(a => a.Events).Select(EventEnvelope.From)];
    }

    /// <summary>
    /// Whether Marten will send nothing before the batch that writes <paramref name="pending"/>: it loads a snapshot first
    /// when events it folds are appended to a stream that exists (a new stream has none to load).
    /// </summary>
    private bool ReadsNothing(List<PendingStream> pending) =>
        pending.All(stream => stream.StreamType is not null
            || !stream.Events.Any(e => store.Options.SnapshotEventTypes.Any(t => t.IsInstanceOfType(e))));

    /// <summary>
    /// The Marten session of a unit of work that read nothing before it appends: Marten begins and commits the transaction
    /// itself, and the tenant statements go first in its batch, which saves the round trip of sending them alone.
    /// </summary>
    private global::Marten.IDocumentSession BlindSession()
    {
        _marten = store.Marten.LightweightSession(Tenant.TenantId);
        _marten.Logger = new TenantStatementsFirst(Tenant.TenantId);
        return _marten;
    }

    /// <summary>A stale version and a lost race on a new stream are one answer to callers: someone else wrote first.</summary>
    private static ConcurrencyException Conflict(List<PendingStream> pending, object? id, Exception inner)
    {
        // Marten names the stream on some paths only (not when one of several streams in a batch was stale).
        var stream = pending.Find(p => p.StreamId.ToString() == id?.ToString());
        return new ConcurrencyException(stream?.StreamId, stream?.ExpectedVersion, inner);
    }

    private sealed record PendingStream(Guid StreamId, Type? StreamType, long? ExpectedVersion, List<object> Events);
}
