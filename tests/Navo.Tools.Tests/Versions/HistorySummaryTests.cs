using Navo.Tools.Edit;
using Navo.Tools.Sites;
using Navo.Tools.Versions;

namespace Navo.Tools.Tests.Versions;

public sealed class HistorySummaryTests
{
    private static readonly Actor By = new(Guid.Empty, "test");

    [Fact]
    public void Each_change_is_said_in_plain_words()
    {
        var pricing = new Section("s1", "pricing", new Dictionary<string, string>(), []);
        var site = SampleSites.Bakery().Site;

        HistorySummary.Describe(new SectionTextChanged("p", "s", "hero", "headline", null, "B", "A", null, By)).Should().Be("Changed the hero headline");
        HistorySummary.Describe(new SectionTextChanged("p", "s", "faq", "answer", 1, "B", "A", null, By)).Should().Be("Changed the FAQ answer of item 2");
        HistorySummary.Describe(new SectionTextChanged("p", "s", "about", "body", null, "B", "A", "shorter", By)).Should().Be("Made the about body shorter");
        HistorySummary.Describe(new SectionTextChanged("p", "s", "hero", "subheadline", null, "B", "A", "formal", By)).Should().Be("Made the hero subheadline more formal");
        HistorySummary.Describe(new SectionAdded("p", pricing, 1, By)).Should().Be("Added a pricing section");
        HistorySummary.Describe(new SectionAdded("p", pricing with { Type = "about" }, 1, By)).Should().Be("Added an about section");
        HistorySummary.Describe(new SectionRemoved("p", "s", "faq", By)).Should().Be("Removed the FAQ");
        HistorySummary.Describe(new SiteReverted(3, site, IsUndo: true, 2, By)).Should().Be("Undid the last 2 changes");
        HistorySummary.Describe(new SiteReverted(3, site, IsUndo: false, 0, By)).Should().Be("Restored version 3");
        HistorySummary.Describe(new Navo.Tools.Publish.SitePublished(4, "rosa", new Dictionary<string, string>(), 12, By)).Should().Be("Published version 4 at /s/rosa/");
        HistorySummary.Describe(new Navo.Tools.Publish.SiteUnpublished("rosa", By)).Should().Be("Took the site offline");
    }

    [Fact]
    public void The_diff_of_a_version_with_itself_is_empty_and_a_moved_section_is_named()
    {
        var site = SampleSites.Bakery().Site;
        SiteDiff.Compare(2, site, 2, site).Changes.Should().BeEmpty();

        var sections = site.Pages[0].Sections.ToList();
        (sections[1], sections[2]) = (sections[2], sections[1]);
        var moved = site.WithPage(site.Pages[0] with { Sections = sections });
        SiteDiff.Compare(2, site, 3, moved).Changes.Should().ContainSingle().Which.Should().StartWith($"section moved: {sections[1].Type}");
    }
}
