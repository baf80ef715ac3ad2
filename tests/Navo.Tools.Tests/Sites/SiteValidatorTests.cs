using Navo.Tools.Sites;

namespace Navo.Tools.Tests.Sites;

public sealed class SiteValidatorTests
{
    private static Section Section(string type, params (string Field, string Value)[] fields) =>
        new("s1", type, fields.ToDictionary(f => f.Field, f => f.Value), []);

    [Fact]
    public void A_drafted_site_is_valid() => SiteValidator.Validate(SampleSites.Bakery().Site).Should().BeEmpty();

    [Fact]
    public void Sections_are_checked_against_their_type_in_plain_words()
    {
        SiteValidator.ValidateSection(Section("carousel")).Should().Equal("Navo has no 'carousel' section.");
        SiteValidator.ValidateSection(Section("hero", ("title", "x"))).Should().Equal("A hero has no title.");
        SiteValidator.ValidateSection(Section("hero", ("headline", new string('h', 201)))).Should().Equal("The headline can be at most 200 characters.");
        SiteValidator.ValidateSection(Section("about") with { Items = [SectionItem.Of(("title", "x"))] }).Should().Equal("An about section has no items.");
        SiteValidator.ValidateSection(Section("faq") with { Items = [SectionItem.Of(("quote", "x"))] }).Should().Equal("An item of a FAQ has no quote.");
        SiteValidator.ValidateSection(Section("faq") with { Items = [.. Enumerable.Range(0, 51).Select(_ => SectionItem.Of(("question", "q")))] })
            .Should().Equal("A section can have at most 50 items.");
    }

    [Fact]
    public void Site_limits_are_enforced()
    {
        var site = SampleSites.Bakery().Site;
        var tooMany = site with { Pages = [.. Enumerable.Range(0, 21).Select(i => new Page($"p{i}", $"Page {i}", i == 0 ? "/" : $"/p{i}", []))] };
        SiteValidator.Validate(tooMany).Should().Contain("A site can have at most 20 pages.");
        SiteValidator.Validate(site with { Theme = site.Theme with { PrimaryColor = "red" } }).Should().Contain("The main colour must look like #1a2b3c.");
        SiteValidator.Validate(site with { Pages = [site.Pages[0], site.Pages[0] with { Id = "other" }] }).Should().Contain("Two pages cannot have the same address.");
    }
}
