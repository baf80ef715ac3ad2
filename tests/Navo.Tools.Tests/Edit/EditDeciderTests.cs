using System.Text.Json;
using Navo.Tools.Edit;
using Navo.Tools.Projects;
using Navo.Tools.Sites;
using static Navo.Tools.Tests.Edit.EditHarness;

namespace Navo.Tools.Tests.Edit;

public sealed class EditDeciderTests
{
    private readonly EditHarness _edits = new();

    private static string Json(Site site) => JsonSerializer.Serialize(site);

    private static Section Only(ProjectState state, string type) => state.Site!.Pages.SelectMany(p => p.Sections).Single(s => s.Type == type);

    [Fact]
    public void Set_text_changes_one_field_and_names_what_it_was()
    {
        var outcome = _edits.Decide(_edits.Project, new SetText("hero", "headline", "Fresh bread daily"));

        var changed = outcome.Events.Should().ContainSingle().Which.Should().BeOfType<SectionTextChanged>().Subject;
        changed.Value.Should().Be("Fresh bread daily");
        changed.Previous.Should().Be(Only(_edits.Project, "hero").Field("headline"));
        Only(_edits.Project.Apply(changed, 3), "hero").Field("headline").Should().Be("Fresh bread daily");
    }

    [Fact]
    public void Set_text_on_an_item_and_on_pricing_features()
    {
        var state = _edits.Apply(_edits.Project, new SetText("faq", "answer", "Yes, call us.", Item: 0));
        Only(state, "faq").Items[0].Field("answer").Should().Be("Yes, call us.");

        var project = _edits.Apply(_edits.Project, new AddSection("pricing"));
        project = _edits.Apply(project, new SetText("pricing", "features", "One\nTwo", Item: 1));
        Only(project, "pricing").Items[1].Features.Should().Equal("One", "Two");
    }

    [Theory]
    [InlineData("pricing", "title", "x", null, "There is no pricing section on this site.")]
    [InlineData("hero", "title", "x", null, "A hero has no title.")]
    [InlineData("hero", "headline", "x", 0, "A hero has no items.")]
    [InlineData("faq", "answer", "x", 99, "The FAQ has 4 items; there is no item 100.")]
    [InlineData("faq", "author", "x", 0, "An item of a FAQ has no author.")]
    [InlineData("hero", "ctaLink", "javascript:alert(1)", null, "A button link must start with https://, http://, mailto:, tel:, / or #.")]
    [InlineData("hero", "headline", "bad\u0007", null, "The headline cannot contain control characters.")]
    public void Set_text_refuses_clearly_and_writes_nothing(string section, string field, string value, int? item, string reason)
    {
        var outcome = _edits.Decide(_edits.Project, new SetText(section, field, value, item));

        outcome.Error.Should().Be(reason);
        outcome.Events.Should().BeEmpty();
    }

    [Fact]
    public void Values_over_the_limits_are_refused()
    {
        _edits.Decide(_edits.Project, new SetText("hero", "headline", new string('h', 201))).Error.Should().Be("The headline can be at most 200 characters.");
        _edits.Decide(_edits.Project, new SetText("about", "body", new string('b', 2001))).Error.Should().Be("The body can be at most 2,000 characters.");
        _edits.Decide(_edits.Project, new SetText("hero", "headline", new string('h', 200))).Error.Should().BeNull();
    }

    [Theory]
    [InlineData("shorter")]
    [InlineData("longer")]
    [InlineData("formal")]
    [InlineData("casual")]
    [InlineData("punchier")]
    public void Rewrite_really_changes_the_text_in_the_style_asked(string style)
    {
        var before = Only(_edits.Project, "about").Field("body");

        var after = Only(_edits.Apply(_edits.Project, new Rewrite("about", style)), "about").Field("body");

        after.Should().NotBe(before);
        switch (style)
        {
            case "shorter": after.Length.Should().BeLessThan(before.Length); after.Should().Contain("Rosa's Bakery"); break;
            case "longer": after.Length.Should().BeGreaterThan(before.Length); after.Should().StartWith(before.TrimEnd('.')); break;
            case "punchier": after.Should().EndWith("!"); after.Split(' ').Length.Should().BeLessThanOrEqualTo(8); break;
            case "formal": after.Should().NotContain("!"); break;
            case "casual": after.Should().NotBe(before); break;
        }
    }

    [Fact]
    public void Rewrite_refuses_an_unknown_style() =>
        _edits.Decide(_edits.Project, new Rewrite("hero", "sarcastic")).Error.Should().Be("I can make text shorter, longer, more formal, more casual or punchier.");

    [Fact]
    public void Add_section_drafts_copy_for_the_business_and_places_it()
    {
        var state = _edits.Apply(_edits.Project, new AddSection("pricing", After: "hero"));
        var sections = state.Site!.Pages[0].Sections;
        sections[1].Type.Should().Be("pricing");
        sections[1].Items.Should().NotBeEmpty();

        state = _edits.Apply(state, new AddSection("cta"));
        state.Site!.Pages[0].Sections[^2].Type.Should().Be("cta", "by default above the footer");
        state = _edits.Apply(state, new AddSection("stats", To: "top"));
        state.Site!.Pages[0].Sections[0].Type.Should().Be("stats");
    }

    [Fact]
    public void Add_section_refuses_unknown_types_and_anchors()
    {
        _edits.Decide(_edits.Project, new AddSection("carousel")).Error.Should().StartWith("Navo has no 'carousel' section. It has: hero, about");
        _edits.Decide(_edits.Project, new AddSection("faq", Before: "pricing")).Error.Should().Be("There is no pricing section on this site.");
        _edits.Decide(_edits.Project, new AddSection("faq", To: "middle")).Error.Should().Be("A section goes to the top or the bottom of a page.");
    }

    [Fact]
    public void Remove_and_move_sections()
    {
        var removed = _edits.Apply(_edits.Project, new RemoveSection("testimonials"));
        removed.Site!.Pages[0].Sections.Should().NotContain(s => s.Type == "testimonials");

        var moved = _edits.Apply(_edits.Project, new MoveSection("faq", To: "top"));
        moved.Site!.Pages[0].Sections[0].Type.Should().Be("faq");
        moved = _edits.Apply(moved, new MoveSection("faq", After: "about"));
        moved.Site!.Pages[0].Sections.Select(s => s.Type).Should().ContainInOrder("about", "faq");

        _edits.Decide(_edits.Project, new RemoveSection("pricing#2")).Error.Should().Be("There is no second pricing section on this site.");
        _edits.Decide(_edits.Project, new MoveSection("hero", To: "top")).Error.Should().Be("The hero is already there.");
        _edits.Decide(_edits.Project, new MoveSection("hero")).Error.Should().Be("Say where to move it: before a section, after one, or to the top or bottom.");
    }

    [Fact]
    public void Sections_can_be_named_by_id_type_or_ordinal()
    {
        var faq = Only(_edits.Project, "faq");
        _edits.Decide(_edits.Project, new SetText(faq.Id, "title", "Your questions")).Error.Should().BeNull();
        _edits.Decide(_edits.Project, new SetText("faq#1", "title", "Your questions")).Error.Should().BeNull();
        _edits.Decide(_edits.Project, new SetText("FAQ", "title", "Your questions")).Error.Should().BeNull();
    }

    [Fact]
    public void Theme_changes_are_validated()
    {
        var state = _edits.Apply(_edits.Project, new SetTheme(Mode: "dark", PrimaryColor: "#123ABC", Font: "mono", Radius: "none"));
        state.Site!.Theme.Should().Be(new Theme(ThemeMode.Dark, "#123abc", ThemeFont.Mono, ThemeRadius.None));

        _edits.Decide(_edits.Project, new SetTheme(PrimaryColor: "blue")).Error.Should().Be("The main colour must look like #1a2b3c.");
        _edits.Decide(_edits.Project, new SetTheme(Mode: "sepia")).Error.Should().Be("The mode is light or dark.");
        _edits.Decide(_edits.Project, new SetTheme(Font: "comic")).Error.Should().Be("The font is sans, serif, mono or rounded.");
        _edits.Decide(_edits.Project, new SetTheme(Radius: "huge")).Error.Should().Be("The corners are none, small or large.");
        _edits.Decide(_edits.Project, new SetTheme()).Error.Should().StartWith("Say what to change in the look");
    }

    [Fact]
    public void Pages_are_added_renamed_and_removed_but_home_stays()
    {
        var state = _edits.Apply(_edits.Project, new AddPage("Our Menu"));
        state.Site!.Pages.Select(p => p.Path).Should().Equal("/", "/our-menu");

        state = _edits.Apply(state, new RenamePage("Our Menu", "Menu"));
        state.Site!.Pages[1].Should().Match<Page>(p => p.Title == "Menu" && p.Path == "/menu");

        state = _edits.Apply(state, new RemovePage("/menu"));
        state.Site!.Pages.Should().ContainSingle();

        _edits.Decide(_edits.Project, new RemovePage("Home")).Error.Should().Be("The home page cannot be removed.");
        _edits.Decide(_edits.Project, new RemovePage("Blog")).Error.Should().Be("There is no page called 'Blog'.");
        _edits.Decide(_edits.Project, new AddPage("  ")).Error.Should().Be("Give the new page a title.");
    }

    [Fact]
    public void A_site_has_at_most_20_pages()
    {
        var state = _edits.Project;
        for (var i = 1; i < 20; i++)
        {
            state = _edits.Apply(state, new AddPage($"Page {i}"));
        }

        _edits.Decide(state, new AddPage("One too many")).Error.Should().Be("A site can have at most 20 pages.");
    }

    [Fact]
    public void Seo_is_set_within_limits()
    {
        _edits.Apply(_edits.Project, new SetSeo(Title: "Rosa's — bread in Porto")).Site!.Seo.Title.Should().Be("Rosa's — bread in Porto");
        _edits.Decide(_edits.Project, new SetSeo(Description: new string('d', 2001))).Error.Should().Be("The search description can be at most 2,000 characters.");
        _edits.Decide(_edits.Project, new SetSeo()).Error.Should().Be("Say the search title or description to use.");
    }

    [Fact]
    public void A_request_is_atomic_one_bad_operation_refuses_all_and_names_it()
    {
        var outcome = _edits.Decide(_edits.Project, new RemoveSection("testimonials"), new SetText("hero", "nope", "x"), new AddSection("faq"));

        outcome.FailedOperation.Should().Be(1);
        outcome.Events.Should().BeEmpty();
    }

    [Fact]
    public void Each_operation_is_one_version_step()
    {
        var outcome = _edits.Decide(_edits.Project, new RemoveSection("testimonials"), new SetTheme(Mode: "dark"), new AddPage("Menu"));

        outcome.Events.Select(e => e.GetType()).Should().Equal(typeof(SectionRemoved), typeof(ThemeChanged), typeof(PageAdded));
    }

    [Fact]
    public void Undo_restores_exactly_the_earlier_document_step_by_step()
    {
        var original = Json(_edits.Project.Site!);
        var one = _edits.Apply(_edits.Project, new SetText("hero", "headline", "First"));
        var afterOne = Json(one.Site!);
        var two = _edits.Apply(one, new RemoveSection("testimonials"), new SetTheme(Mode: "dark"));

        var undoneOnce = _edits.Apply(two, new Undo());
        Json(undoneOnce.Site!).Should().Be(Json(_edits.Apply(one, new RemoveSection("testimonials")).Site!));
        var undoneTwice = _edits.Apply(undoneOnce, new Undo());
        Json(undoneTwice.Site!).Should().Be(afterOne);
        var undoneAll = _edits.Apply(undoneTwice, new Undo());
        Json(undoneAll.Site!).Should().Be(original);

        _edits.Decide(undoneAll, new Undo()).Error.Should().Be("There is nothing to undo.");
        _edits.Decide(one, new Undo(3)).Error.Should().Be("There is only 1 change to undo.");
    }

    [Fact]
    public void Revert_restores_exactly_the_document_of_that_version_and_can_itself_be_undone()
    {
        var original = Json(_edits.Project.Site!);
        var edited = _edits.Apply(_edits.Project, new SetText("hero", "headline", "One"), new RemoveSection("faq"), new SetTheme(Font: "mono"));
        var editedJson = Json(edited.Site!);

        var reverted = _edits.Apply(edited, new Revert(2));
        Json(reverted.Site!).Should().Be(original);
        reverted.Version.Should().Be(edited.Version + 1, "a revert is a new version; nothing is lost");

        Json(_edits.Apply(reverted, new Undo()).Site!).Should().Be(editedJson);
        _edits.Decide(edited, new Revert(1)).Error.Should().Be("Version 1 has no site yet: it is from before the first draft.");
        _edits.Decide(edited, new Revert(99)).Error.Should().Be($"There is no version 99: this site has versions 1 to {edited.Version}.");
        _edits.Decide(edited, new Revert(edited.Version)).Error.Should().Be($"Version {edited.Version} is the current version.");
    }

    [Fact]
    public void Without_a_site_there_is_nothing_to_edit()
    {
        var empty = ProjectState.Initial.Apply(new ProjectCreated("x", null, Someone), 1);

        _edits.Decide(empty, new SetText("hero", "headline", "x")).Error.Should().StartWith("There is no site yet");
    }

    [Fact]
    public void Operations_read_from_json_by_their_op_name()
    {
        var operations = JsonSerializer.Deserialize<EditOperation[]>(
            """[{"op":"set_text","section":"hero","field":"headline","value":"Hi"},{"section":"faq","op":"remove_section"},{"op":"undo"}]""",
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { AllowOutOfOrderMetadataProperties = true });

        operations.Should().Equal(new SetText("hero", "headline", "Hi"), new RemoveSection("faq"), new Undo());
    }
}
