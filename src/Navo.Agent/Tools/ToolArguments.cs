using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Navo.Tools.Edit;

namespace Navo.Agent.Tools;

/// <summary>
/// An argument a tool cannot read, said in words a model or an assistant's user can act on: which argument, and what it
/// must be. It never carries the serializer's message, which names .NET types and JSON paths.
/// </summary>
internal sealed class ToolArgumentException(string problem) : Exception(problem);

/// <summary>
/// How the tools read their arguments: as Microsoft.Extensions.AI's default binding does (JSON read with
/// <see cref="NavoTools.ArgumentOptions"/>), except that an argument that is missing or cannot be read becomes a
/// <see cref="ToolArgumentException"/> naming it, so that the sentence that goes back names the argument at fault.
/// </summary>
internal static class ToolArguments
{
    /// <summary>Called once per parameter as a tool is made; whether it may be null is read then (the context is not thread-safe).</summary>
    public static AIFunctionFactoryOptions.ParameterBindingOptions Binding(ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(IServiceProvider) || parameter.ParameterType == typeof(AIFunctionArguments))
        {
            return new();
        }

        var nullable = new NullabilityInfoContext().Create(parameter).ReadState == NullabilityState.Nullable;
        return new() { BindParameter = (p, arguments) => Bind(p, nullable, arguments) };
    }

    private static object? Bind(ParameterInfo parameter, bool nullable, AIFunctionArguments arguments)
    {
        var name = parameter.Name!;
        var value = arguments.TryGetValue(name, out var given) ? given : null;
        if (value is null or JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined })
        {
            return parameter.HasDefaultValue ? parameter.DefaultValue
                : nullable ? null
                : throw new ToolArgumentException($"\"{name}\" is missing.");
        }

        var type = parameter.ParameterType;
        if (type.IsInstanceOfType(value))
        {
            return value;
        }

        try
        {
            var json = value as JsonElement? ?? JsonSerializer.SerializeToElement(value, value.GetType(), NavoTools.ArgumentOptions);
            return json.Deserialize(type, NavoTools.ArgumentOptions)
                ?? throw new ToolArgumentException($"\"{name}\" is missing.");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new ToolArgumentException(Problem(name, type, value));
        }
    }

    /// <summary>What is wrong with <paramref name="value"/> as <paramref name="name"/>, in a sentence.</summary>
    private static string Problem(string name, Type type, object value)
    {
        if (type == typeof(EditOperation[]) && value is JsonElement { ValueKind: JsonValueKind.Array } list
            && EditOperationJson.Read([.. list.EnumerateArray()]).Error is { } reason)
        {
            return reason;
        }

        return $"\"{name}\" must be {Expected(Nullable.GetUnderlyingType(type) ?? type)}.";
    }

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(string) => "text",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) || type == typeof(decimal) => "a number",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetValues(type).Cast<object>()
            .Select(v => JsonSerializer.SerializeToElement(v, type, NavoTools.ArgumentOptions).GetString())),
        _ when type == typeof(EditOperation[]) => "a list of edit operations, each an object with its \"op\"",
        _ when type.IsArray => "a list",
        _ => "an object as the tool's schema describes it",
    };
}
