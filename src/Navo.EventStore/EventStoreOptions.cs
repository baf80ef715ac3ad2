using System.Text.Json;
using System.Text.Json.Serialization;
using Navo.EventStore.Projections;
using Navo.EventStore.Schema;

namespace Navo.EventStore;

/// <summary>How a store is set up: its event types, projections, extra schema and limits.</summary>
public sealed class EventStoreOptions
{
    /// <summary>The registered event types.</summary>
    public EventTypes Events { get; } = new();

    /// <summary>Projections run in the append's own transaction: a failure rolls the append back.</summary>
    public IList<IInlineProjection> InlineProjections { get; } = [];

    /// <summary>Projections the daemon runs after commit, in <c>seq_id</c> order, one leader each.</summary>
    public IList<IAsyncProjection> AsyncProjections { get; } = [];

    /// <summary>Schema owned by other parts of Navo (read tables), applied after the store's own, in order.</summary>
    public IList<SchemaMigration> Migrations { get; } = [];

    /// <summary>The largest event accepted, as UTF-8 JSON. Default 1 MiB.</summary>
    public int MaxEventBytes { get; set; } = 1024 * 1024;

    /// <summary>How event data is written to and read from <c>jsonb</c>.</summary>
    public JsonSerializerOptions Json { get; set; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>How often the daemon looks for new events when idle.</summary>
    public TimeSpan DaemonPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many events the daemon hands a projection at once.</summary>
    public int DaemonBatchSize { get; set; } = 500;
}
