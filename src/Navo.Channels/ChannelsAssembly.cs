namespace Navo.Channels;

/// <summary>
/// Anchors the assembly for tests and registration. Navo.Channels verifies requests from the web studio,
/// Microsoft Teams and Slack, turns them into conversation turns and renders replies (design.md section 7).
/// </summary>
public static class ChannelsAssembly
{
    /// <summary>Channels hand turns to the agent.</summary>
    public static readonly Type AgentAnchor = typeof(Navo.Agent.AgentStore);
}
