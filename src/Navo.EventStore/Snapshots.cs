using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Aggregation;

namespace Navo.EventStore;

/// <summary>
/// The stored state of one stream folded to <see cref="Version"/>: a Marten document kept in the append's transaction, so
/// reading the current state is one row however long the stream is.
/// </summary>
/// <typeparam name="T">The folded state.</typeparam>
public sealed class StreamSnapshot<T> where T : IAggregate<T>
{
    /// <summary>The stream's id.</summary>
    public Guid Id { get; set; }

    /// <summary>The version of the last event folded in.</summary>
    public long Version { get; set; }

    /// <summary>The state after that event.</summary>
    public T State { get; set; } = T.Initial;
}

/// <summary>
/// Keeps <see cref="StreamSnapshot{T}"/> with <see cref="IAggregate{TSelf}.Apply"/>, the same fold a live read does, for the
/// streams whose events are <typeparamref name="TEvent"/>s (Marten would otherwise keep one for every stream).
/// </summary>
internal sealed class SnapshotProjection<T, TEvent> : SingleStreamProjection<StreamSnapshot<T>, Guid> where T : IAggregate<T>
{
    public SnapshotProjection() => IncludeType<TEvent>();

    public override StreamSnapshot<T> Evolve(StreamSnapshot<T>? snapshot, Guid id, IEvent e)
    {
        snapshot ??= new StreamSnapshot<T> { Id = id };
        snapshot.State = snapshot.State.Apply(EventEnvelope.From(e));
        snapshot.Version = e.Version;
        return snapshot;
    }
}

public static class StoreSnapshots
{
    /// <summary>
    /// Keeps a snapshot of every stream of <typeparamref name="TEvent"/>s folded into <typeparamref name="T"/>, in the
    /// append's transaction; then
    /// <see cref="IEventSession.AggregateStreamAsync{T}"/> for the current version reads it instead of the whole stream.
    /// </summary>
    /// <param name="options">The store's options.</param>
    /// <param name="alias">The document's name, its table being <c>mt_doc_{alias}</c>.</param>
    public static EventStoreOptions Snapshot<T, TEvent>(this EventStoreOptions options, string alias) where T : IAggregate<T>
    {
        options.Marten.Add(marten =>
        {
            // Marten keeps the policy on its document tables itself (Weasel would remove one it did not make), on the
            // same setting Navo's tenant sessions set.
            marten.Schema.For<StreamSnapshot<T>>().DocumentAlias(alias).MultiTenanted().UseRowLevelSecurity(TenantSetting.Name);
            marten.Projections.Add(new SnapshotProjection<T, TEvent>(), ProjectionLifecycle.Inline);
        });
        options.SnapshotTypes.Add(typeof(T));
        options.SnapshotEventTypes.Add(typeof(TEvent));
        return options;
    }
}
