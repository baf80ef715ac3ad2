namespace Navo.EventStore.Internal;

internal sealed partial class EventSession
{
    public async Task<IReadOnlyList<EventEnvelope>> FetchStreamAsync(
        Guid streamId, long fromVersion = 0, long? toVersion = null, CancellationToken cancellationToken = default)
    {
        await using var batch = await CreateBatchAsync(cancellationToken);
        // tenant_id is filtered here and by row-level security: two lines of defence.
        batch.BatchCommands.Add(Command(
            $"""
            select {EventSerializer.EnvelopeColumns} from mt_events
             where tenant_id = $1 and stream_id = $2 and version > $3 and version <= $4 and not is_archived
             order by version
            """,
            Tenant.TenantId, streamId, fromVersion, toVersion ?? long.MaxValue));

        var events = new List<EventEnvelope>();
        await using var reader = await ExecuteAsync(batch, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(store.Serializer.ReadEnvelope(reader));
        }

        return events;
    }

    public async Task<long?> FetchStreamVersionAsync(Guid streamId, CancellationToken cancellationToken = default)
    {
        await using var batch = await CreateBatchAsync(cancellationToken);
        batch.BatchCommands.Add(Command(
            "select version from mt_streams where tenant_id = $1 and id = $2", Tenant.TenantId, streamId));
        await using var reader = await ExecuteAsync(batch, cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            return reader.GetInt64(0);
        }

        return null;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<System.Data.Common.DbDataReader, T> map, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var batch = await CreateBatchAsync(cancellationToken);
        batch.BatchCommands.Add(Command(sql, parameters));
        var rows = new List<T>();
        await using var reader = await ExecuteAsync(batch, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public async Task<Aggregated<T>?> AggregateStreamAsync<T>(
        Guid streamId, long? version = null, CancellationToken cancellationToken = default)
        where T : IAggregate<T>
    {
        var events = await FetchStreamAsync(streamId, 0, version, cancellationToken);
        if (events.Count == 0)
        {
            return null;
        }

        var state = T.Initial;
        foreach (var @event in events)
        {
            state = state.Apply(@event);
        }

        return new Aggregated<T>(state, events[^1].Version);
    }
}
