using System.Text.Json;

namespace Navo.Tools.Edit;

/// <summary>Reads edit operations from JSON strictly: the <c>op</c> may come anywhere, required arguments must be there.</summary>
public static class EditOperationJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        AllowOutOfOrderMetadataProperties = true,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>Each element as an operation, or the first one that is not, with a plain reason.</summary>
    public static (IReadOnlyList<EditOperation> Operations, int? Failed, string? Error) Read(IReadOnlyList<JsonElement> elements)
    {
        var operations = new List<EditOperation>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            try
            {
                operations.Add(elements[i].Deserialize<EditOperation>(Options)
                    ?? throw new JsonException("An operation cannot be null."));
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
            {
                var op = elements[i].ValueKind == JsonValueKind.Object && elements[i].TryGetProperty("op", out var name) ? name.ToString() : null;
                return ([], i, op is null
                    ? $"Operation {i + 1} has no 'op' saying what to do."
                    : $"Operation {i + 1} ('{op}') is missing an argument, has one of the wrong type, or is not an operation Navo knows.");
            }
        }

        return (operations, null, null);
    }
}
