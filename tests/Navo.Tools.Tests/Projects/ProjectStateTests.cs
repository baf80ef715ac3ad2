using Navo.EventStore;
using Navo.Tools.Projects;

namespace Navo.Tools.Tests.Projects;

public sealed class ProjectStateTests
{
    private static readonly Actor Someone = new(Guid.Empty, "api");

    [Fact]
    public void Project_state_folds_from_its_created_event()
    {
        var id = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        var created = new EventEnvelope(7, Guid.NewGuid(), id, 1, at, "demo", "project_created",
            new ProjectCreated("Rosa's Bakery", null, Someone), EventMetadata.None);

        var state = ProjectState.Initial.Apply(created);

        (state.Id, state.Name, state.Description, state.CreatedAt, state.Version, state.Site)
            .Should().Be((id, "Rosa's Bakery", (string?)null, at, 1L, (Navo.Tools.Sites.Site?)null));
    }
}
