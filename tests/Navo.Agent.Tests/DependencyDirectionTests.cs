namespace Navo.Agent.Tests;

/// <summary>design.md section 1: references point one way, and the agent knows no model provider.</summary>
public sealed class DependencyDirectionTests
{
    private static readonly string[] References =
        [.. typeof(Navo.Agent.AgentStore).Assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    [Fact]
    public void The_agent_depends_on_the_tools_and_the_AI_abstractions_only()
    {
        References.Should().Contain("Navo.Tools");
        References.Should().NotContain(["Navo.Channels", "Navo.Host", "OpenAI"]);
    }
}
