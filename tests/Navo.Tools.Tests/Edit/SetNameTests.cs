using Navo.Tools.Edit;
using Navo.Tools.Sites;
using static Navo.Tools.Tests.Edit.EditHarness;

namespace Navo.Tools.Tests.Edit;

public sealed class SetNameTests
{
    private readonly EditHarness _edits = new();

    [Fact]
    public void The_new_name_replaces_the_old_everywhere_it_appears_in_one_event()
    {
        var before = _edits.Project;
        var outcome = _edits.Decide(before, new SetName("Crumbs"));

        var renamed = outcome.Events.Should().ContainSingle().Which.Should().BeOfType<SiteRenamed>().Subject;
        (renamed.Name, renamed.Previous, renamed.Slug).Should().Be(("Crumbs", "Rosa's Bakery", "crumbs"));
        var after = before.Apply(renamed, before.Version + 1).Site!;
        after.Name.Should().Be("Crumbs");
        after.Seo.Title.Should().Contain("Crumbs").And.NotContain("Rosa's Bakery");
        Only(before.Apply(renamed, 3), "footer").Field("text").Should().Be("© Crumbs in Porto");
        Only(before.Apply(renamed, 3), "about").Field("title").Should().Be("About Crumbs");
        JsonOf(after).Should().NotContain("Rosa's Bakery");
        renamed.Texts.Should().NotBeEmpty().And.OnlyContain(t => t.Value.Contains("Crumbs"));
    }

    [Fact]
    public void The_project_name_and_the_brief_follow_so_new_sections_use_the_new_name()
    {
        var renamed = _edits.Apply(_edits.Project, new SetName("Crumbs"));
        renamed.Name.Should().Be("Crumbs");
        renamed.Brief!.BusinessName.Should().Be("Crumbs");

        var withTeam = _edits.Apply(renamed, new AddSection("team"));
        Only(withTeam, "team").Field("title").Should().Contain("Crumbs");
    }

    [Fact]
    public void Only_the_name_as_a_whole_is_replaced_not_words_that_contain_it()
    {
        var project = _edits.Apply(_edits.Project, new SetName("Rosa"));
        project = _edits.Apply(project, new SetText("about", "body", "Rosa and Rosalind bake. Rosa's bread is famous."));

        var renamed = _edits.Apply(project, new SetName("Crumbs"));

        Only(renamed, "about").Field("body").Should().Be("Crumbs and Rosalind bake. Crumbs's bread is famous.");
    }

    [Fact]
    public void Undo_brings_the_old_name_back()
    {
        var renamed = _edits.Apply(_edits.Project, new SetName("Crumbs"));

        var undone = _edits.Apply(renamed, new Undo());

        JsonOf(undone.Site!).Should().Be(JsonOf(_edits.Project.Site!));
        undone.Name.Should().Be("Rosa's Bakery");
    }

    [Theory]
    [InlineData("", "A business name is 1 to 100 characters.")]
    [InlineData("   ", "A business name is 1 to 100 characters.")]
    [InlineData("Crumbs\u0007", "The name cannot contain control characters.")]
    [InlineData("Crumbs\u202E", "The name cannot contain control characters.")]
    [InlineData("Rosa's Bakery", "The business is already called Rosa's Bakery.")]
    public void Names_that_do_not_work_are_refused_clearly(string name, string reason) =>
        _edits.Refusal(_edits.Project, new SetName(name)).Should().Be(reason);

    [Fact]
    public void A_name_over_100_characters_is_refused() =>
        _edits.Refusal(_edits.Project, new SetName(new string('n', 101))).Should().Be("A business name is 1 to 100 characters.");

    [Fact]
    public void A_name_that_would_push_a_headline_over_its_limit_is_refused_and_says_which()
    {
        var project = _edits.Apply(_edits.Project, new SetText("hero", "headline", "Rosa's Bakery " + new string('x', 180)));

        _edits.Refusal(project, new SetName(new string('N', 100))).Should()
            .Be("With that name the headline of the hero would be too long: shorten it first, or choose a shorter name.");
    }

    private static string JsonOf(Site site) => System.Text.Json.JsonSerializer.Serialize(site);
}
