using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using Marten.Events.Projections;
using Navo.EventStore.Internal;
using Navo.EventStore.Schema;

namespace Navo.EventStore;

/// <summary>How Navo's store is set up on Marten: its event types, projections, snapshots, extra schema and limits.</summary>
public sealed class EventStoreOptions
{
    /// <summary>The registered event types and their snake_case aliases.</summary>
    public EventTypes Events { get; } = new();

    /// <summary>Marten projections run in the append's own transaction: a failure rolls the append back.</summary>
    public IList<IProjection> InlineProjections { get; } = [];

    /// <summary>Marten projections the async daemon runs after commit, by the name their progress is kept under.</summary>
    public IDictionary<string, IProjection> AsyncProjections { get; } = new Dictionary<string, IProjection>(StringComparer.Ordinal);

    /// <summary>
    /// Further Marten configuration from the parts of Navo that own it: snapshots (<see cref="StoreSnapshots.Snapshot{T, TEvent}"/>),
    /// upcasters of old event shapes.
    /// </summary>
    public IList<Action<StoreOptions>> Marten { get; } = [];

    /// <summary>Schema owned by Navo (its read tables and their row-level security), applied after Marten's, in order.</summary>
    public IList<SchemaMigration> Migrations { get; } = [];

    /// <summary>The largest event accepted, as UTF-8 JSON. Default 1 MiB.</summary>
    public int MaxEventBytes { get; set; } = 1024 * 1024;

    /// <summary>How event data and snapshots are written to and read from <c>jsonb</c>: camelCase, enums as snake_case text.</summary>
    public JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new ImmutableStackConverterFactory() },
    };

    /// <summary>The state types kept as snapshots (<see cref="StoreSnapshots.Snapshot{T, TEvent}"/>).</summary>
    internal HashSet<Type> SnapshotTypes { get; } = [];

    /// <summary>The state types whose folds are kept in memory (<see cref="StoreFoldedStates.KeepFolded{T}"/>), with how many streams of each.</summary>
    internal Dictionary<Type, int> FoldedTypes { get; } = [];

    /// <summary>The events those snapshots are folded from.</summary>
    internal HashSet<Type> SnapshotEventTypes { get; } = [];

    /// <summary>How often the async daemon looks for new events when it is behind; Marten's default when null.</summary>
    public TimeSpan? DaemonPollInterval { get; set; }
}
