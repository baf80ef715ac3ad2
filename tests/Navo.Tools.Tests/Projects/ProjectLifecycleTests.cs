using System.Text.Json;
using Navo.Tools.Edit;
using Navo.Tools.Projects;
using Navo.Tools.Versions;

namespace Navo.Tools.Tests.Projects;

/// <summary>Redrafts, renames and deletion as the project state folds them, without a database.</summary>
public sealed class ProjectLifecycleTests
{
    private static readonly Actor Someone = new(Guid.Empty, "test");

    [Fact]
    public void A_redraft_is_a_new_version_of_the_same_project_that_undo_can_take_back()
    {
        var project = SampleSites.BakeryProject();
        var dogs = new GenerationPipelineFixture().Draft("Waggy Tails is a dog groomer in Leeds", "dog groomer");
        var redrafted = new SiteRedrafted(dogs.Site, dogs.Brief, "local", dogs.Steps, Someone);

        var after = project.Apply(redrafted, project.Version + 1);

        (after.Id, after.Version, after.Name, after.Brief!.Industry).Should().Be((project.Id, 3L, "Waggy Tails", "pets"));
        after.UndoStack.Peek().Should().Be(2, "undo goes back to the first draft");
        HistorySummary.Describe(redrafted).Should().Be("Drafted the site again for Waggy Tails");
    }

    [Fact]
    public void A_deleted_project_keeps_its_history_but_is_marked_and_no_longer_live()
    {
        var project = SampleSites.BakeryProject() with { Live = new Navo.Tools.Publish.LiveSite(2, "rosas-bakery", new Dictionary<string, string>()) };

        var deleted = project.Apply(new ProjectDeleted("Rosa's Bakery", "rosas-bakery", Someone), 3);

        (deleted.Deleted, deleted.Live, deleted.Site).Should().Be((true, (Navo.Tools.Publish.LiveSite?)null, project.Site));
        HistorySummary.Describe(new ProjectDeleted("Rosa's Bakery", null, Someone)).Should().Be("Deleted the project \"Rosa's Bakery\"");
    }

    [Fact]
    public void Rename_and_hours_are_said_in_plain_words_and_the_diff_names_the_new_name()
    {
        var site = SampleSites.Bakery().Site;
        HistorySummary.Describe(new SiteRenamed("Crumbs", "Rosa's Bakery", "crumbs", site.Seo, [], Someone)).Should().Be("Renamed the business to \"Crumbs\"");
        HistorySummary.Describe(new HoursChanged("p", "s", [], "By appointment", Someone)).Should().Be("Changed the opening hours");
        HistorySummary.Describe(new SectionAdded("p", new Navo.Tools.Sites.Section("s", "hours", new Dictionary<string, string>(), []), 3, Someone))
            .Should().Be("Added opening hours");
        SiteDiff.Compare(2, site, 3, site with { Name = "Crumbs" }).Changes.Should().Equal("The business name changed from \u201cRosa's Bakery\u201d to \u201cCrumbs\u201d");
    }

    [Fact]
    public void New_events_round_trip_through_json()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var hours = new HoursChanged("p1", "s1", [Navo.Tools.Sites.SectionItem.Of(("days", "Mon"), ("opens", "09:00"), ("closes", "17:00"))], "", Someone);

        var back = JsonSerializer.Deserialize<HoursChanged>(JsonSerializer.Serialize(hours, options), options)!;

        back.Items.Single().Field("closes").Should().Be("17:00");
    }

    private sealed class GenerationPipelineFixture
    {
        private readonly Navo.Tools.Generate.GenerationPipeline _pipeline = new(Navo.Tools.Generate.LocalSteps.All);

        public Navo.Tools.Generate.GenerationResult Draft(string description, string industry) =>
            _pipeline.RunAsync(new Navo.Tools.Generate.GenerationRequest(description, Industry: industry)).GetAwaiter().GetResult();
    }
}
