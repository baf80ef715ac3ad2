using System.Data.Common;
using System.Text;
using System.Text.Json;

namespace Navo.EventStore.Internal;

/// <summary>Turns event records into <c>jsonb</c> text and stored rows back into <see cref="EventEnvelope"/>s.</summary>
internal sealed class EventSerializer(EventStoreOptions options)
{
    /// <summary>The columns <see cref="ReadEnvelope"/> expects, in order.</summary>
    public const string EnvelopeColumns =
        "seq_id, id, stream_id, version, timestamp, tenant_id, type, data::text, correlation_id, causation_id, headers::text";

    public SerializedEvent Serialize(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        var alias = options.Events.AliasOf(type);
        var json = JsonSerializer.Serialize(@event, type, options.Json);
        var bytes = Encoding.UTF8.GetByteCount(json);
        if (bytes > options.MaxEventBytes)
        {
            throw new EventTooLargeException(alias, bytes, options.MaxEventBytes);
        }

        return new SerializedEvent(Guid.CreateVersion7(), alias, type.FullName ?? type.Name, json, @event);
    }

    public string? SerializeHeaders(EventMetadata metadata) =>
        metadata.Headers is { Count: > 0 } headers ? JsonSerializer.Serialize(headers, options.Json) : null;

    public EventEnvelope ReadEnvelope(DbDataReader reader)
    {
        var alias = reader.GetString(6);
        var type = options.Events.TypeOf(alias);
        var data = JsonSerializer.Deserialize(reader.GetString(7), type, options.Json)
            ?? throw new EventStoreException($"Event {reader.GetInt64(0)} of type '{alias}' has null data.");
        var headers = reader.IsDBNull(10)
            ? null
            : JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(10), options.Json);
        return new EventEnvelope(
            Sequence: reader.GetInt64(0),
            Id: reader.GetGuid(1),
            StreamId: reader.GetGuid(2),
            Version: reader.GetInt64(3),
            Timestamp: reader.GetFieldValue<DateTimeOffset>(4),
            TenantId: reader.GetString(5),
            Type: alias,
            Data: data,
            Metadata: new EventMetadata(
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                headers));
    }
}

/// <summary>An event ready to be written.</summary>
internal sealed record SerializedEvent(Guid Id, string Alias, string DotnetType, string Json, object Data);
