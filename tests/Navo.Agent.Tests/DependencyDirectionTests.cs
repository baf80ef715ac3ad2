using Navo.Testing;

namespace Navo.Agent.Tests;

/// <summary>
/// design.md section 1: references point one way, and the agent depends on Microsoft.Extensions.AI's abstractions;
/// the OpenAI SDK is used only by the OpenAI-compatible client in its own folder.
/// </summary>
public sealed class DependencyDirectionTests
{
    [Fact]
    public void The_agent_depends_on_the_tools_and_never_on_channels_or_the_host()
    {
        var references = typeof(AgentStore).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.Should().Contain(["Navo.Tools", "Microsoft.Extensions.AI.Abstractions"]);
        references.Should().NotContain(["Navo.Channels", "Navo.Host"]);
    }

    [Fact]
    public void Only_the_OpenAI_folder_uses_the_provider_sdk()
    {
        var agent = Path.Combine(RepositoryRoot.Path, "src", "Navo.Agent");
        var users = Directory.GetFiles(agent, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllLines(f).Any(l => l.StartsWith("using OpenAI", StringComparison.Ordinal) || l.Contains("global::OpenAI", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(agent, f))
            .ToList();

        users.Should().NotBeEmpty().And.OnlyContain(f => f.StartsWith("OpenAI" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }
}
