using System.Buffers;
using System.Text.Json;

namespace Navo.EventStore.Internal;

/// <summary>
/// The size of an event as UTF-8 JSON, measured by writing it into one reused buffer: no string and no byte array per
/// event (Marten serializes it again when it writes it).
/// </summary>
internal static class JsonSize
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    public static int Of(object value, JsonSerializerOptions options)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
        }

        var size = buffer.WrittenCount;
        if (buffer.Capacity > 256 * 1024)
        {
            // An unusually large event (or one refused for its size) does not keep its buffer alive on the thread.
            _buffer = null;
        }

        return size;
    }
}
