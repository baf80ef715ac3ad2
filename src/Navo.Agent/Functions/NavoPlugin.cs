using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Navo.Agent.Tools;

namespace Navo.Agent.Functions;

/// <summary>
/// Navo's tools as one Semantic Kernel plugin, made once. A plugin made by <c>KernelPluginFactory</c> renames its
/// functions <c>{plugin}_{function}</c> on the wire; this one keeps them as they are, so that the model sees exactly
/// design.md's names (<c>generate_site</c>, <c>edit_site</c>, …). Each function hands its call to the tool with the
/// kernel's services, where the tool finds its turn (<see cref="TurnServices"/>); the arguments' schema is the
/// tool's own.
/// </summary>
public sealed class NavoPlugin : KernelPlugin
{
    public const string PluginName = "navo";

    private readonly Dictionary<string, KernelFunction> _functions;

    public NavoPlugin(IEnumerable<AIFunction> tools)
        : base(PluginName, "Navo's tools: draft, edit, publish and manage the workspace's sites.") =>
        _functions = tools.Select(Forwarding).ToDictionary(f => f.Name, StringComparer.Ordinal);

    public override int FunctionCount => _functions.Count;

    public override bool TryGetFunction(string name, [NotNullWhen(true)] out KernelFunction? function) => _functions.TryGetValue(name, out function);

    public override IEnumerator<KernelFunction> GetEnumerator() => _functions.Values.GetEnumerator();

    private static KernelFunction Forwarding(AIFunction tool) => KernelFunctionFactory.CreateFromMethod(
        async (Kernel kernel, KernelArguments arguments, CancellationToken cancellationToken) =>
            await tool.InvokeAsync(new AIFunctionArguments(arguments) { Services = kernel.Services }, cancellationToken),
        tool.Name,
        tool.Description,
        Parameters(tool.JsonSchema));

    /// <summary>The arguments as the tool's JSON Schema gives them, so that the model sees the tool's own schema.</summary>
    private static List<KernelParameterMetadata> Parameters(JsonElement schema)
    {
        var required = schema.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()).ToHashSet(StringComparer.Ordinal) : [];
        return schema.TryGetProperty("properties", out var properties)
            ? [.. properties.EnumerateObject().Select(p => new KernelParameterMetadata(p.Name)
            {
                Description = p.Value.TryGetProperty("description", out var description) ? description.GetString() : null,
                DefaultValue = p.Value.TryGetProperty("default", out var value) ? value : null,
                IsRequired = required.Contains(p.Name),
                Schema = KernelJsonSchema.Parse(p.Value.GetRawText()),
            })]
            : [];
    }
}
