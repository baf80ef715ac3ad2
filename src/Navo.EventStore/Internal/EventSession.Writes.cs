using Navo.EventStore.Projections;
using Npgsql;
using NpgsqlTypes;

namespace Navo.EventStore.Internal;

internal sealed partial class EventSession
{
    private readonly List<PendingStream> _pending = [];

    public EventMetadata Metadata { get; set; } = EventMetadata.None;

    public void StartStream(Guid streamId, string streamType, params object[] events) =>
        Queue(streamId, streamType, expectedVersion: 0, events);

    public void Append(Guid streamId, long? expectedVersion, params object[] events) =>
        Queue(streamId, streamType: null, expectedVersion, events);

    private void Queue(Guid streamId, string? streamType, long? expectedVersion, object[] events)
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

        // Serialize now, so that an event the store cannot take fails here and nothing is queued.
        var serialized = events.Select(store.Serializer.Serialize).ToList();

        var existing = _pending.Find(p => p.StreamId == streamId);
        if (existing is null)
        {
            _pending.Add(new PendingStream(streamId, streamType, expectedVersion, Metadata, serialized));
            return;
        }

        if (expectedVersion is { } expected && existing.ExpectedVersion + existing.Events.Count != expected)
        {
            throw new InvalidOperationException(
                $"Stream {streamId} already has queued events; a further append must expect version {existing.ExpectedVersion + existing.Events.Count}.");
        }

        existing.Events.AddRange(serialized);
    }

    public async Task<IReadOnlyList<EventEnvelope>> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        if (_pending.Count == 0)
        {
            await EndTransactionAsync(commit: true);
            return [];
        }

        var pending = _pending.ToList();
        _pending.Clear();
        try
        {
            // Nothing read, nothing else to write: the batch alone is the transaction (PostgreSQL runs the
            // statements of one extended-protocol batch atomically), which saves the commit's round trip.
            if (_transaction is null && store.Options.InlineProjections.Count == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return await AppendAsync(pending, cancellationToken, implicitTransaction: true);
            }

            var written = await AppendAsync(pending, cancellationToken);
            var context = new ProjectionContext(_connection!, _transaction!, Tenant.TenantId);
            foreach (var projection in store.Options.InlineProjections)
            {
                await projection.ApplyAsync(context, written, cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
            await EndTransactionAsync(commit: true);
            return written;
        }
        catch
        {
            await RollBackQuietlyAsync();
            throw;
        }
    }

    /// <summary>One round trip: a call of <c>mt_append_events</c> per stream, in one batch.</summary>
    private async Task<List<EventEnvelope>> AppendAsync(
        List<PendingStream> pending, CancellationToken cancellationToken, bool implicitTransaction = false)
    {
        await using var batch = await CreateBatchAsync(cancellationToken, implicitTransaction);
        foreach (var stream in pending)
        {
            batch.BatchCommands.Add(Command(
                "select seq_id, version, timestamp from mt_append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                Tenant.TenantId,
                stream.StreamId,
                new NpgsqlParameter { Value = (object?)stream.StreamType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                stream.ExpectedVersion ?? -1L,
                stream.Events.Select(e => e.Id).ToArray(),
                stream.Events.Select(e => e.Alias).ToArray(),
                stream.Events.Select(e => e.DotnetType).ToArray(),
                new NpgsqlParameter { Value = stream.Events.Select(e => e.Json).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb },
                new NpgsqlParameter { Value = (object?)stream.Metadata.CorrelationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { Value = (object?)stream.Metadata.CausationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { Value = (object?)store.Serializer.SerializeHeaders(stream.Metadata) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb }));
        }

        var written = new List<EventEnvelope>();
        var current = pending[0];
        try
        {
            // Npgsql reports a failing command of a batch when the reader reaches its result.
            await using var reader = await ExecuteAsync(batch, cancellationToken);
            for (var i = 0; i < pending.Count; i++)
            {
                var stream = current = pending[i];
                if (i > 0 && !await reader.NextResultAsync(cancellationToken))
                {
                    throw new EventStoreException("The append returned fewer results than streams.");
                }

                var index = 0;
                while (await reader.ReadAsync(cancellationToken))
                {
                    var @event = stream.Events[index++];
                    written.Add(new EventEnvelope(
                        reader.GetInt64(0), @event.Id, stream.StreamId, reader.GetInt64(1),
                        reader.GetFieldValue<DateTimeOffset>(2), Tenant.TenantId, @event.Alias, @event.Data, stream.Metadata));
                }
            }
        }
        catch (PostgresException ex) when (ex.SqlState is "NV409" or PostgresErrorCodes.UniqueViolation)
        {
            // NV409: mt_append_events found another version; 23505: a race past it hit the unique index.
            throw new ConcurrencyException(current.StreamId, current.ExpectedVersion, ex);
        }

        return written;
    }

    private async Task RollBackQuietlyAsync()
    {
        try
        {
            await EndTransactionAsync(commit: false);
        }
        catch (NpgsqlException)
        {
            // The connection is already broken; the server rolls the transaction back on its own.
            _transaction = null;
        }
    }

    private sealed record PendingStream(Guid StreamId, string? StreamType, long? ExpectedVersion, EventMetadata Metadata, List<SerializedEvent> Events);
}
