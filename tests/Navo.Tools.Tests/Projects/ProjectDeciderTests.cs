using Navo.EventStore;
using Navo.Tools.Projects;

namespace Navo.Tools.Tests.Projects;

public sealed class ProjectDeciderTests
{
    private static readonly Actor Someone = new(Guid.NewGuid(), "api");

    [Fact]
    public void A_valid_request_becomes_a_project_created_event_with_trimmed_text()
    {
        var decision = ProjectDecider.Create("  Rosa's Bakery ", "  Sourdough in Porto  ", Someone);

        decision.IsAccepted.Should().BeTrue();
        decision.Event.Should().Be(new ProjectCreated("Rosa's Bakery", "Sourdough in Porto", Someone));
    }

    [Fact]
    public void A_blank_description_is_stored_as_none()
    {
        ProjectDecider.Create("Name", "   ", Someone).Event!.Description.Should().BeNull();
    }

    [Theory]
    [InlineData(null, "Give the project a name.")]
    [InlineData("", "Give the project a name.")]
    [InlineData("\t ", "Give the project a name.")]
    [InlineData("tab\tinside", "The name cannot contain control characters.")]
    public void A_bad_name_is_refused_in_plain_words(string? name, string reason)
    {
        var decision = ProjectDecider.Create(name, null, Someone);

        decision.IsAccepted.Should().BeFalse();
        decision.Event.Should().BeNull();
        decision.Errors["name"].Should().Equal(reason);
    }

    [Fact]
    public void Limits_are_exact()
    {
        ProjectDecider.Create(new string('n', 100), new string('d', 2000), Someone).IsAccepted.Should().BeTrue();
        ProjectDecider.Create(new string('n', 101), null, Someone).Errors["name"]
            .Should().Equal("The name can be at most 100 characters.");
        ProjectDecider.Create("ok", new string('d', 2001), Someone).Errors["description"]
            .Should().Equal("The description can be at most 2000 characters.");
    }

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
