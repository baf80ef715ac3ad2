using System.Text.Json;
using Navo.Tools.Edit;
using Navo.Tools.Generate;
using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Tools.Tests.Edit;

public sealed class EditDeciderTests
{
    private static readonly Actor Someone = new(Guid.Empty, "test");
    private readonly ProjectState _project = SampleSites.BakeryProject();
    private readonly Dictionary<long, Site> _history = [];

    public EditDeciderTests() => _history[_project.Version] = _project.Site!;

    private EditOutcome Decide(ProjectState state, params EditOperation[] operations) =>
        EditDecider.Decide(state, operations, new EditContext(Someone, v => _history.GetValueOrDefault(v), new LocalCopywriter()));

    /// <summary>Decides, then applies the events as the store would, remembering each version.</summary>
    private ProjectState Apply(ProjectState state, params EditOperation[] operations)
    {
        var outcome = Decide(state, operations);
        outcome.Error.Should().BeNull();
        foreach (var @event in outcome.Events)
        {
            state = state.Apply(@event, state.Version + 1);
            _history[state.Version] = state.Site!;
        }

        return state;
    }

    private static string Json(Site site) => JsonSerializer.Serialize(site);

    private static Section Only(ProjectState state, string type) => state.Site!.Pages.SelectMany(p => p.Sections).Single(s => s.Type == type);

    [Fact]
    public void Set_text_changes_one_field_and_names_what_it_was()
    {
        var outcome = Decide(_project, new SetText("hero", "headline", "Fresh bread daily"));

        var changed = outcome.Events.Should().ContainSingle().Which.Should().BeOfType<SectionTextChanged>().Subject;
        changed.Value.Should().Be("Fresh bread daily");
        changed.Previous.Should().Be(Only(_project, "hero").Field("headline"));
        Only(_project.Apply(changed, 3), "hero").Field("headline").Should().Be("Fresh bread daily");
    }

    [Fact]
    public void Set_text_on_an_item_and_on_pricing_features()
    {
        var state = Apply(_project, new SetText("faq", "answer", "Yes, call us.", Item: 0));
        Only(state, "faq").Items[0].Field("answer").Should().Be("Yes, call us.");

        var project = Apply(_project, new AddSection("pricing"));
        project = Apply(project, new SetText("pricing", "features", "One\nTwo", Item: 1));
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
        var outcome = Decide(_project, new SetText(section, field, value, item));

        outcome.Error.Should().Be(reason);
        outcome.Events.Should().BeEmpty();
    }

    [Fact]
    public void Values_over_the_limits_are_refused()
    {
        Decide(_project, new SetText("hero", "headline", new string('h', 201))).Error.Should().Be("The headline can be at most 200 characters.");
        Decide(_project, new SetText("about", "body", new string('b', 2001))).Error.Should().Be("The body can be at most 2,000 characters.");
        Decide(_project, new SetText("hero", "headline", new string('h', 200))).Error.Should().BeNull();
    }

    [Theory]
    [InlineData("shorter")]
    [InlineData("longer")]
    [InlineData("formal")]
    [InlineData("casual")]
    [InlineData("punchier")]
    public void Rewrite_really_changes_the_text_in_the_style_asked(string style)
    {
        var before = Only(_project, "about").Field("body");

        var after = Only(Apply(_project, new Rewrite("about", style)), "about").Field("body");

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
        Decide(_project, new Rewrite("hero", "sarcastic")).Error.Should().Be("I can make text shorter, longer, more formal, more casual or punchier.");

    [Fact]
    public void Add_section_drafts_copy_for_the_business_and_places_it()
    {
        var state = Apply(_project, new AddSection("pricing", After: "hero"));
        var sections = state.Site!.Pages[0].Sections;
        sections[1].Type.Should().Be("pricing");
        sections[1].Items.Should().NotBeEmpty();

        state = Apply(state, new AddSection("cta"));
        state.Site!.Pages[0].Sections[^2].Type.Should().Be("cta", "by default above the footer");
        state = Apply(state, new AddSection("stats", To: "top"));
        state.Site!.Pages[0].Sections[0].Type.Should().Be("stats");
    }

    [Fact]
    public void Add_section_refuses_unknown_types_and_anchors()
    {
        Decide(_project, new AddSection("carousel")).Error.Should().StartWith("Navo has no 'carousel' section. It has: hero, about");
        Decide(_project, new AddSection("faq", Before: "pricing")).Error.Should().Be("There is no pricing section on this site.");
        Decide(_project, new AddSection("faq", To: "middle")).Error.Should().Be("A section goes to the top or the bottom of a page.");
    }

    [Fact]
    public void Remove_and_move_sections()
    {
        var removed = Apply(_project, new RemoveSection("gallery"));
        removed.Site!.Pages[0].Sections.Should().NotContain(s => s.Type == "gallery");

        var moved = Apply(_project, new MoveSection("faq", To: "top"));
        moved.Site!.Pages[0].Sections[0].Type.Should().Be("faq");
        moved = Apply(moved, new MoveSection("faq", After: "about"));
        moved.Site!.Pages[0].Sections.Select(s => s.Type).Should().ContainInOrder("about", "faq");

        Decide(_project, new RemoveSection("pricing#2")).Error.Should().Be("There is no second pricing section on this site.");
        Decide(_project, new MoveSection("hero", To: "top")).Error.Should().Be("The hero is already there.");
        Decide(_project, new MoveSection("hero")).Error.Should().Be("Say where to move it: before a section, after one, or to the top or bottom.");
    }

    [Fact]
    public void Sections_can_be_named_by_id_type_or_ordinal()
    {
        var faq = Only(_project, "faq");
        Decide(_project, new SetText(faq.Id, "title", "Your questions")).Error.Should().BeNull();
        Decide(_project, new SetText("faq#1", "title", "Your questions")).Error.Should().BeNull();
        Decide(_project, new SetText("FAQ", "title", "Your questions")).Error.Should().BeNull();
    }

    [Fact]
    public void Theme_changes_are_validated()
    {
        var state = Apply(_project, new SetTheme(Mode: "dark", PrimaryColor: "#123ABC", Font: "mono", Radius: "none"));
        state.Site!.Theme.Should().Be(new Theme(ThemeMode.Dark, "#123abc", ThemeFont.Mono, ThemeRadius.None));

        Decide(_project, new SetTheme(PrimaryColor: "blue")).Error.Should().Be("The main colour must look like #1a2b3c.");
        Decide(_project, new SetTheme(Mode: "sepia")).Error.Should().Be("The mode is light or dark.");
        Decide(_project, new SetTheme(Font: "comic")).Error.Should().Be("The font is sans, serif, mono or rounded.");
        Decide(_project, new SetTheme(Radius: "huge")).Error.Should().Be("The corners are none, small or large.");
        Decide(_project, new SetTheme()).Error.Should().StartWith("Say what to change in the look");
    }

    [Fact]
    public void Pages_are_added_renamed_and_removed_but_home_stays()
    {
        var state = Apply(_project, new AddPage("Our Menu"));
        state.Site!.Pages.Select(p => p.Path).Should().Equal("/", "/our-menu");

        state = Apply(state, new RenamePage("Our Menu", "Menu"));
        state.Site!.Pages[1].Should().Match<Page>(p => p.Title == "Menu" && p.Path == "/menu");

        state = Apply(state, new RemovePage("/menu"));
        state.Site!.Pages.Should().ContainSingle();

        Decide(_project, new RemovePage("Home")).Error.Should().Be("The home page cannot be removed.");
        Decide(_project, new RemovePage("Blog")).Error.Should().Be("There is no page called 'Blog'.");
        Decide(_project, new AddPage("  ")).Error.Should().Be("Give the new page a title.");
    }

    [Fact]
    public void A_site_has_at_most_20_pages()
    {
        var state = _project;
        for (var i = 1; i < 20; i++)
        {
            state = Apply(state, new AddPage($"Page {i}"));
        }

        Decide(state, new AddPage("One too many")).Error.Should().Be("A site can have at most 20 pages.");
    }

    [Fact]
    public void Seo_is_set_within_limits()
    {
        Apply(_project, new SetSeo(Title: "Rosa's — bread in Porto")).Site!.Seo.Title.Should().Be("Rosa's — bread in Porto");
        Decide(_project, new SetSeo(Description: new string('d', 2001))).Error.Should().Be("The search description can be at most 2,000 characters.");
        Decide(_project, new SetSeo()).Error.Should().Be("Say the search title or description to use.");
    }

    [Fact]
    public void A_request_is_atomic_one_bad_operation_refuses_all_and_names_it()
    {
        var outcome = Decide(_project, new RemoveSection("gallery"), new SetText("hero", "nope", "x"), new AddSection("faq"));

        outcome.FailedOperation.Should().Be(1);
        outcome.Events.Should().BeEmpty();
    }

    [Fact]
    public void Each_operation_is_one_version_step()
    {
        var outcome = Decide(_project, new RemoveSection("gallery"), new SetTheme(Mode: "dark"), new AddPage("Menu"));

        outcome.Events.Select(e => e.GetType()).Should().Equal(typeof(SectionRemoved), typeof(ThemeChanged), typeof(PageAdded));
    }

    [Fact]
    public void Undo_restores_exactly_the_earlier_document_step_by_step()
    {
        var original = Json(_project.Site!);
        var one = Apply(_project, new SetText("hero", "headline", "First"));
        var afterOne = Json(one.Site!);
        var two = Apply(one, new RemoveSection("gallery"), new SetTheme(Mode: "dark"));

        var undoneOnce = Apply(two, new Undo());
        Json(undoneOnce.Site!).Should().Be(Json(Apply(one, new RemoveSection("gallery")).Site!));
        var undoneTwice = Apply(undoneOnce, new Undo());
        Json(undoneTwice.Site!).Should().Be(afterOne);
        var undoneAll = Apply(undoneTwice, new Undo());
        Json(undoneAll.Site!).Should().Be(original);

        Decide(undoneAll, new Undo()).Error.Should().Be("There is nothing to undo.");
        Decide(one, new Undo(3)).Error.Should().Be("There is only 1 change to undo.");
    }

    [Fact]
    public void Revert_restores_exactly_the_document_of_that_version_and_can_itself_be_undone()
    {
        var original = Json(_project.Site!);
        var edited = Apply(_project, new SetText("hero", "headline", "One"), new RemoveSection("faq"), new SetTheme(Font: "mono"));
        var editedJson = Json(edited.Site!);

        var reverted = Apply(edited, new Revert(2));
        Json(reverted.Site!).Should().Be(original);
        reverted.Version.Should().Be(edited.Version + 1, "a revert is a new version; nothing is lost");

        Json(Apply(reverted, new Undo()).Site!).Should().Be(editedJson);
        Decide(edited, new Revert(1)).Error.Should().Be("Version 1 has no site yet: it is from before the first draft.");
        Decide(edited, new Revert(99)).Error.Should().Be($"There is no version 99: this site has versions 1 to {edited.Version}.");
        Decide(edited, new Revert(edited.Version)).Error.Should().Be($"Version {edited.Version} is the current version.");
    }

    [Fact]
    public void Without_a_site_there_is_nothing_to_edit()
    {
        var empty = ProjectState.Initial.Apply(new ProjectCreated("x", null, Someone), 1);

        Decide(empty, new SetText("hero", "headline", "x")).Error.Should().StartWith("There is no site yet");
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
