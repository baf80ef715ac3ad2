using JasperFx.Events;

namespace Navo.EventStore.Internal;

internal sealed partial class EventSession
{
    public async Task<IReadOnlyList<EventEnvelope>> FetchStreamAsync(
        Guid streamId, long fromVersion = 0, long? toVersion = null, CancellationToken cancellationToken = default)
    {
        var marten = await MartenAsync(cancellationToken);
        var events = await Read(() => marten.Events.FetchStreamAsync(streamId, toVersion ?? 0, null, fromVersion + 1, cancellationToken));
        return [.. events.Where(e => e.Version > fromVersion).Select(EventEnvelope.From)];
    }

    public async Task<long?> FetchStreamVersionAsync(Guid streamId, CancellationToken cancellationToken = default)
    {
        var marten = await MartenAsync(cancellationToken);
        return (await marten.Events.FetchStreamStateAsync(streamId, cancellationToken))?.Version;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<System.Data.Common.DbDataReader, T> map, CancellationToken cancellationToken, params object[] parameters)
    {
        await MartenAsync(cancellationToken);
        return await _connection!.ListAsync(sql, map, cancellationToken, parameters);
    }

    public async Task<Aggregated<T>?> AggregateStreamAsync<T>(
        Guid streamId, long? version = null, CancellationToken cancellationToken = default)
        where T : IAggregate<T>
    {
        if (version is null && store.Options.SnapshotTypes.Contains(typeof(T)))
        {
            var marten = await MartenAsync(cancellationToken);
            // A stream written before its snapshot existed has none yet: it is folded like any other.
            if (await marten.LoadAsync<StreamSnapshot<T>>(streamId, cancellationToken) is { } snapshot)
            {
                return WithQueued(streamId, new Aggregated<T>(snapshot.State, snapshot.Version));
            }
        }

        var folded = version is null ? store.Folded.GetValueOrDefault(typeof(T)) : null;
        if (folded is not null && await FoldedSinceAsync<T>(folded, streamId, cancellationToken) is { } caughtUp)
        {
            return WithQueued(streamId, caughtUp);
        }

        var events = await FetchStreamAsync(streamId, 0, version, cancellationToken);
        if (events.Count == 0)
        {
            folded?.Forget(Tenant.TenantId, streamId);
            return version is null ? WithQueued<T>(streamId, null) : null;
        }

        var state = T.Initial;
        foreach (var @event in events)
        {
            state = state.Apply(@event);
        }

        folded?.Set(Tenant.TenantId, streamId, state, events[^1].Version, events[^1].Id);
        var stored = new Aggregated<T>(state, events[^1].Version);
        return version is null ? WithQueued(streamId, stored) : stored;
    }

    /// <summary>
    /// The state kept in memory with the events appended since folded on, or null when none is kept or the last event
    /// it was folded to is no longer in the stream with the same id.
    /// </summary>
    private async Task<Aggregated<T>?> FoldedSinceAsync<T>(FoldedStates folded, Guid streamId, CancellationToken cancellationToken)
        where T : IAggregate<T>
    {
        if (!folded.TryGet<T>(Tenant.TenantId, streamId, out var state, out var version, out var lastEventId))
        {
            return null;
        }

        var events = await FetchStreamAsync(streamId, version - 1, null, cancellationToken);
        if (events.Count == 0 || events[0].Version != version || events[0].Id != lastEventId)
        {
            return null;
        }

        foreach (var @event in events.Skip(1))
        {
            state = state.Apply(@event);
        }

        if (events.Count > 1)
        {
            folded.Set(Tenant.TenantId, streamId, state!, events[^1].Version, events[^1].Id);
        }

        return new Aggregated<T>(state, events[^1].Version);
    }

    /// <summary>
    /// The current state as this session will leave it: the events it has queued for the stream and not yet saved
    /// folded on top of what is stored, so that a second change in one unit of work (two edits a model asks for at
    /// once) decides on the first one's result and expects the version after it.
    /// </summary>
    private Aggregated<T>? WithQueued<T>(Guid streamId, Aggregated<T>? stored) where T : IAggregate<T>
    {
        if (_pending.Find(p => p.StreamId == streamId) is not { } queued || queued.ExpectedVersion != (stored?.Version ?? 0))
        {
            return stored;
        }

        var (state, version) = stored is null ? (T.Initial, 0L) : (stored.State, stored.Version);
        var now = DateTimeOffset.UtcNow;
        foreach (var data in queued.Events)
        {
            version++;
            state = state.Apply(new EventEnvelope(0, Guid.Empty, streamId, version, now, Tenant.TenantId, store.Options.Events.AliasOf(data.GetType()), data, EventMetadata.None));
        }

        return new Aggregated<T>(state, version);
    }

    /// <summary>Reads events, failing loudly on a stored type this version does not know.</summary>
    private static async Task<IReadOnlyList<IEvent>> Read(Func<Task<IReadOnlyList<IEvent>>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (UnknownAlias(ex) is { } alias)
        {
            throw new UnknownEventTypeException(alias);
        }
    }

    private static string? UnknownAlias(Exception ex) =>
        ex switch
        {
            global::Marten.Exceptions.UnknownEventTypeException marten => marten.EventTypeName,
            JasperFx.Events.UnknownEventTypeException jasper => jasper.EventTypeName,
            _ => ex.InnerException is { } inner ? UnknownAlias(inner) : null,
        };
}
