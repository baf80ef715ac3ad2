namespace Navo.EventStore;

/// <summary>
/// A unit of work for one tenant. Reads and writes see only that tenant's streams. Appends are held until
/// <see cref="SaveChangesAsync"/>, which writes every stream's events and runs the inline projections in one
/// transaction (one turn = one commit). Dispose without saving and nothing is written.
/// </summary>
public interface IEventSession : IAsyncDisposable
{
    /// <summary>The tenant and user this session acts for.</summary>
    TenantContext Tenant { get; }

    /// <summary>
    /// Queues the events of a new stream whose state is <typeparamref name="TState"/> (its type names the stream in
    /// <c>mt_streams.type</c>); saving fails with <see cref="ConcurrencyException"/> if it exists.
    /// </summary>
    void StartStream<TState>(Guid streamId, params object[] events) where TState : IAggregate<TState>;

    /// <summary>
    /// Queues events for a stream. <paramref name="expectedVersion"/>: null for any, 0 for a new stream,
    /// otherwise the version the caller decided on; a mismatch fails the save with <see cref="ConcurrencyException"/>.
    /// </summary>
    void Append(Guid streamId, long? expectedVersion, params object[] events);

    /// <summary>The stream's events after <paramref name="fromVersion"/>, up to <paramref name="toVersion"/> if given.</summary>
    Task<IReadOnlyList<EventEnvelope>> FetchStreamAsync(Guid streamId, long fromVersion = 0, long? toVersion = null, CancellationToken cancellationToken = default);

    /// <summary>The stream's current version, or null when this tenant has no such stream.</summary>
    Task<long?> FetchStreamVersionAsync(Guid streamId, CancellationToken cancellationToken = default);

    /// <summary>Folds the stream into <typeparamref name="T"/> (up to <paramref name="version"/> if given); null when there is no such stream.</summary>
    Task<Aggregated<T>?> AggregateStreamAsync<T>(Guid streamId, long? version = null, CancellationToken cancellationToken = default)
        where T : IAggregate<T>;

    /// <summary>
    /// Reads a read table in this session's transaction, so row-level security limits it to the tenant.
    /// <paramref name="sql"/> takes positional parameters (<c>$1</c>…); still filter by <c>tenant_id</c> in it.
    /// </summary>
    Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<System.Data.Common.DbDataReader, T> map, CancellationToken cancellationToken, params object[] parameters);

    /// <summary>Writes every queued event and runs the inline projections in one transaction, then commits.</summary>
    Task<IReadOnlyList<EventEnvelope>> SaveChangesAsync(CancellationToken cancellationToken = default);
}
