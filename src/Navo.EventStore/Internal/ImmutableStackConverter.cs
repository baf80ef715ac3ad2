using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Navo.EventStore.Internal;

/// <summary>
/// Writes an <see cref="ImmutableStack{T}"/> bottom first, so that reading it back pushes the items in the same order. The
/// default converter writes it top first and reads it back upside down, which would turn an undo stack in a snapshot around.
/// </summary>
internal sealed class ImmutableStackConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ImmutableStack<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Converter<T> : JsonConverter<ImmutableStack<T>>
    {
        public override ImmutableStack<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ImmutableStack.CreateRange(JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, ImmutableStack<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Reverse().ToList(), options);
    }
}
