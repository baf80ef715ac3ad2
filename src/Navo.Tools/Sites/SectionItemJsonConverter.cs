using System.Text.Json;
using System.Text.Json.Serialization;

namespace Navo.Tools.Sites;

/// <summary>
/// Writes an item flat, as design.md shows it: <c>{"name": "Basic", "price": "9", "features": ["a", "b"], "sample": true}</c>;
/// a photo as <c>"image": {"asset", "alt", "width", "height"}</c>.
/// </summary>
public sealed class SectionItemJsonConverter : JsonConverter<SectionItem>
{
    public override SectionItem Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An item is an object of text fields.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var features = new List<string>();
        var sample = false;
        ImageRef? image = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (name == "features" && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    features.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("Features are text."));
                }
            }
            else if (name == "sample" && reader.TokenType is JsonTokenType.True or JsonTokenType.False)
            {
                sample = reader.GetBoolean();
            }
            else if (name == "image" && reader.TokenType == JsonTokenType.StartObject)
            {
                image = JsonSerializer.Deserialize<ImageRef>(ref reader, options) ?? throw new JsonException("An image needs its asset.");
            }
            else if (reader.TokenType == JsonTokenType.String)
            {
                fields[name] = reader.GetString()!;
            }
            else
            {
                throw new JsonException($"The item field '{name}' must be text.");
            }
        }

        return new SectionItem(fields, features, sample, image);
    }

    public override void Write(Utf8JsonWriter writer, SectionItem value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, text) in value.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            writer.WriteString(name, text);
        }

        if (value.Features.Count > 0)
        {
            writer.WriteStartArray("features");
            foreach (var feature in value.Features)
            {
                writer.WriteStringValue(feature);
            }

            writer.WriteEndArray();
        }

        if (value.Image is { } image)
        {
            writer.WritePropertyName("image");
            JsonSerializer.Serialize(writer, image, options);
        }

        if (value.Sample)
        {
            writer.WriteBoolean("sample", true);
        }

        writer.WriteEndObject();
    }
}
