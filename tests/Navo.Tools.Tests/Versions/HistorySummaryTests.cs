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

        HistorySummary.Describe(new SectionTextChanged("p", "s", "hero", "headline", null, "B", "A", null, By)).Should().Be("Changed the headline");
        HistorySummary.Describe(new SectionTextChanged("p", "s", "faq", "answer", 1, "B", "A", null, By)).Should().Be("Changed the answer of item 2 in the questions and answers");
        HistorySummary.Describe(new SectionTextChanged("p", "s", "about", "body", null, "B", "A", "shorter", By)).Should().Be("Made the text of the about section shorter");
        HistorySummary.Describe(new SectionTextChanged("p", "s", "hero", "subheadline", null, "B", "A", "formal", By)).Should().Be("Made the line under the headline more formal");
        HistorySummary.Describe(new SectionAdded("p", pricing, 1, By)).Should().Be("Added a price list");
        HistorySummary.Describe(new SectionAdded("p", pricing with { Type = "about" }, 1, By)).Should().Be("Added an about section");
        HistorySummary.Describe(new SectionRemoved("p", "s", "faq", By)).Should().Be("Removed the questions and answers");
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
        SiteDiff.Compare(2, site, 3, moved).Changes.Should().ContainSingle().Which.Should().StartWith("Moved ");
    }

    [Fact]
    public void Compare_speaks_the_owners_language_not_the_documents()
    {
        var site = SampleSites.Bakery().Site;
        var page = site.Pages[0];
        var services = page.Sections.First(s => s.Field("title").Length > 0 && s.Type is "services" or "features");
        var at = page.Sections.ToList().IndexOf(services);
        var pricing = new Section("s-new", "pricing", new Dictionary<string, string>(), []);
        var hero = page.Sections.First(s => s.Type == "hero");
        var photo = new ImageRef(new string('a', 64), "Our shop front", 1600, 900);
        var sections = page.Sections.Select(s => s.Id == hero.Id ? s with { Fields = new Dictionary<string, string>(s.Fields) { ["headline"] = "Fresh bread daily" }, Image = photo } : s).ToList();
        sections.Insert(at + 1, pricing);
        var changed = site.WithPage(page with { Sections = sections }) with { Theme = site.Theme with { PrimaryColor = "#ea580c" } };

        var changes = SiteDiff.Compare(2, site with { Theme = site.Theme with { PrimaryColor = "#8a5a2b" } }, 3, changed).Changes;

        changes.Should().Contain("The main colour changed from brown to orange")
            .And.Contain($"Added a price list after {services.Field("title")}")
            .And.Contain("The headline now reads \u201cFresh bread daily\u201d")
            .And.Contain("Added a photo to the main banner: \u201cOur shop front\u201d");
        changes.Should().NotContain(c => c.Contains("hero", StringComparison.Ordinal) || c.Contains('#') || c.Contains("->", StringComparison.Ordinal));
    }
}
