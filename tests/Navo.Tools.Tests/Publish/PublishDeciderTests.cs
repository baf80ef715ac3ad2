using Navo.Tools.Projects;
using Navo.Tools.Publish;
using Navo.Tools.Sites;

namespace Navo.Tools.Tests.Publish;

/// <summary>The pure publishing decisions, without a store or files.</summary>
public sealed class PublishDeciderTests
{
    private static readonly Actor Someone = new(Guid.Empty, "test");

    private static readonly Dictionary<string, string> Pages = new(StringComparer.Ordinal) { ["/"] = "file-a" };

    /// <summary>The bakery sample published at <paramref name="versions"/>, in that order.</summary>
    private static ProjectState Published(params long[] versions)
    {
        var project = SampleSites.BakeryProject();
        foreach (var version in versions)
        {
            project = project.Apply(new SitePublished(version, "rosas-bakery", Pages, 1, Someone), project.Version + 1);
        }

        return project;
    }

    [Fact]
    public void A_rollback_goes_to_the_published_version_before_the_live_one_and_keeps_the_address()
    {
        var decision = PublishDecider.Rollback(Published(2, 3), null, Someone);

        decision.Event.Should().BeEquivalentTo(new PublishRolledBack(2, "rosas-bakery", Pages, Someone));
        decision.Message.Should().Be("The live site is back to version 2.");
    }

    [Theory]
    [InlineData(null, "There is no earlier published version to go back to.")]
    [InlineData(7L, "Version 7 was never published.")]
    public void A_rollback_with_nowhere_to_go_is_refused_in_a_sentence(long? version, string refusal)
    {
        var decision = PublishDecider.Rollback(Published(2), version, Someone);

        (decision.Event, decision.Message).Should().Be((null, refusal));
    }

    [Fact]
    public void Unpublishing_takes_the_live_address_offline_and_a_site_never_published_is_refused()
    {
        PublishDecider.Unpublish(Published(2), Someone).Event.Should().Be(new SiteUnpublished("rosas-bakery", Someone));
        PublishDecider.Unpublish(SampleSites.BakeryProject(), Someone).Should().Be(PublishDecision.Refused("The site is not published."));
    }

    [Fact]
    public void A_site_goes_live_only_with_every_image_described_and_in_the_library()
    {
        var project = SampleSites.BakeryProject();
        PublishDecider.Blocker(project, new HashSet<string>()).Should().BeNull("the sample shows no images");
        PublishDecider.Blocker(ProjectState.Initial, new HashSet<string>()).Should().Be("There is no site to publish yet.");

        var hero = project.Site!.Pages[0].Sections.First(s => s.Type == "hero");
        var withPhoto = project with { Site = SiteWith(project.Site, hero with { Image = new ImageRef("asset1", string.Empty, 1200, 800) }) };
        PublishDecider.Blocker(withPhoto, new HashSet<string> { "asset1" }).Should().StartWith("Before the site goes live, say what");

        var described = project with { Site = SiteWith(project.Site, hero with { Image = new ImageRef("asset1", "Our shop front", 1200, 800) }) };
        PublishDecider.Blocker(described, new HashSet<string> { "asset1" }).Should().BeNull();
        PublishDecider.Blocker(described, new HashSet<string>()).Should().EndWith("is no longer in the image library: upload it again, or take it off the site.");
    }

    [Fact]
    public void The_owner_is_told_where_the_site_is_live_and_what_sample_content_stays_off()
    {
        var site = SampleSites.BakeryProject().Site!;

        PublishDecider.Published(site, "rosas-bakery", 4).Should().StartWith("Your site is live at /s/rosas-bakery/ (version 4).");
    }

    private static Site SiteWith(Site site, Section section) =>
        site with { Pages = [.. site.Pages.Select(p => p with { Sections = [.. p.Sections.Select(s => s.Id == section.Id ? section : s)] })] };
}
