namespace Navo.Channels.Tests;

/// <summary>design.md section 1: Host -> Channels -> Agent -> Tools -> EventStore, never back.</summary>
public sealed class DependencyDirectionTests
{
    [Fact]
    public void Channels_depend_on_the_agent_and_never_on_the_host()
    {
        var references = typeof(Navo.Channels.ChannelsAssembly).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.Should().Contain("Navo.Agent");
        references.Should().NotContain("Navo.Host");
    }

    [Fact]
    public void The_store_depends_on_no_other_Navo_project()
    {
        var references = typeof(Navo.EventStore.PostgresEventStore).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        references.Should().NotContain(name => name.StartsWith("Navo.", StringComparison.Ordinal));
    }
}
