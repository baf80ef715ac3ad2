using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace Navo.Agent.Functions;

/// <summary>
/// Navo's tools as one Semantic Kernel plugin. A plugin made by <c>KernelPluginFactory</c> renames its functions
/// <c>{plugin}_{function}</c> on the wire; this one keeps them as they are, so that the model sees exactly design.md's
/// names (<c>generate_site</c>, <c>edit_site</c>, …).
/// </summary>
public sealed class NavoPlugin : KernelPlugin
{
    public const string PluginName = "navo";

    private readonly Dictionary<string, KernelFunction> _functions;

    public NavoPlugin(IEnumerable<AIFunction> tools)
        : base(PluginName, "Navo's tools: draft, edit, publish and manage the workspace's sites.") =>
        _functions = tools.Select(t => t.AsKernelFunction()).ToDictionary(f => f.Name, StringComparer.Ordinal);

    public override int FunctionCount => _functions.Count;

    public override bool TryGetFunction(string name, [NotNullWhen(true)] out KernelFunction? function) => _functions.TryGetValue(name, out function);

    public override IEnumerator<KernelFunction> GetEnumerator() => _functions.Values.GetEnumerator();
}
