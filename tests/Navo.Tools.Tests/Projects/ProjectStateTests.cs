using Navo.EventStore;
using Navo.Tools.Edit;
using Navo.Tools.Projects;
using Navo.Tools.Publish;

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

    [Fact]
    public void The_site_version_moves_with_the_document_and_not_with_publishing_or_an_address()
    {
        var drafted = SampleSites.BakeryProject();
        drafted.SiteVersion.Should().Be(2);

        var published = drafted
            .Apply(new SitePublished(2, "rosa-s-bakery", new Dictionary<string, string>(), 1, Someone), 3)
            .Apply(new SiteAddressChanged("rosa-s-bakery", "rosas", Someone), 4);
        (published.Version, published.SiteVersion).Should().Be((4L, 2L));

        var hero = published.Site!.Pages[0].Sections.First(s => s.Type == "hero");
        var edited = published.Apply(
            new SectionTextChanged(published.Site.Pages[0].Id, hero.Id, "hero", "headline", null, "Fresh", hero.Field("headline"), null, Someone), 5);
        (edited.Version, edited.SiteVersion).Should().Be((5L, 5L));

        var undone = edited.Apply(new SiteReverted(4, published.Site, IsUndo: true, Steps: 1, Someone), 6);
        undone.SiteVersion.Should().Be(6, "undo changes the document too");
    }

    [Fact]
    public void A_snapshot_stored_before_the_site_version_was_kept_answers_its_stream_version_until_the_document_changes()
    {
        var old = SampleSites.BakeryProject()
            .Apply(new SitePublished(2, "rosa-s-bakery", new Dictionary<string, string>(), 1, Someone), 3) with { SiteChangedAt = 0 };

        old.SiteVersion.Should().Be(3, "the ETag such a project had before");
        old.Apply(new SiteUnpublished("rosa-s-bakery", Someone), 4).SiteVersion.Should().Be(3, "an editor holding it may still edit");
    }
}
