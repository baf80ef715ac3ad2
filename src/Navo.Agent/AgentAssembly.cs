namespace Navo.Agent;

/// <summary>
/// Anchors the assembly for tests and registration. Navo.Agent turns conversation messages into tool calls:
/// chat clients, the tool loop, approvals and conversation events (design.md section 7).
/// </summary>
public static class AgentAssembly
{
    /// <summary>The tools this agent drives are Navo.Tools'.</summary>
    public static readonly Type ToolsAnchor = typeof(Navo.Tools.NavoStore);
}
