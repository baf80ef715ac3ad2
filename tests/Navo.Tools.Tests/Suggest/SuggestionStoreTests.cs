using Navo.EventStore;
using Navo.Testing;
using Navo.Tools.Edit;
using Navo.Tools.Projects;
using Navo.Tools.Suggest;
using Navo.Tools.Tests.Projects;

namespace Navo.Tools.Tests.Suggest;

/// <summary>Suggestions in the store: proposed once, applied as exactly one version, dismissed, counted per kind.</summary>
public sealed class SuggestionStoreTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private async Task<(StoreWithProjects Setup, ProjectState Project)> SiteWithWeakButtonAsync(string tenant)
    {
        var setup = await StoreWithProjects.CreateAsync(database, tenant);
        var project = await setup.DraftAsync("Rosa's Bakery is a bakery in Porto. We bake sourdough bread and croissants.");
        var change = await setup.Projects.EditAsync(setup.Tenant, project.Id, null, [new SetText("hero", "ctaText", "Learn more")], setup.By);
        return (setup, change.Project!);
    }

    private static async Task<IReadOnlyList<Suggestion>> ProposeAsync(StoreWithProjects setup, Guid id)
    {
        await using var session = setup.Store.OpenSession(setup.Tenant);
        var proposed = await ProjectService.ProposeSuggestionsAsync(session, id, Today, setup.By);
        await session.SaveChangesAsync();
        return proposed!.Value.Added;
    }

    [Fact]
    public async Task Applying_a_suggestion_makes_exactly_one_version_whose_diff_is_its_operations_and_marks_it_applied()
    {
        var (setup, project) = await SiteWithWeakButtonAsync("sugg-apply");
        var weak = (await ProposeAsync(setup, project.Id)).Single(s => s.Kind == SuggestionKinds.WeakButton);
        var before = (await setup.Projects.GetAsync(setup.Tenant, project.Id))!.Version;

        var change = await setup.Projects.ApplySuggestionAsync(setup.Tenant, project.Id, weak.Id, setup.By);
        var again = await setup.Projects.ApplySuggestionAsync(setup.Tenant, project.Id, weak.Id, setup.By);
        var dismissAfter = await setup.Projects.DismissSuggestionAsync(setup.Tenant, project.Id, weak.Id, setup.By);

        change.Outcome.Should().Be(SuggestionOutcome.Ok);
        change.Project!.Version.Should().Be(before + 1, "one suggestion is one version");
        var diff = await setup.Projects.DiffAsync(setup.Tenant, project.Id, before, before + 1);
        diff!.Changes.Should().ContainSingle().Which.Should().Be("The main button now reads “Order fresh bread”");
        change.Project.OpenSuggestions.Should().NotContain(s => s.Id == weak.Id);
        again.Outcome.Should().Be(SuggestionOutcome.AlreadyDecided);
        dismissAfter.Outcome.Should().Be(SuggestionOutcome.AlreadyDecided);
        (await StatusAsync(weak.Id)).Should().Be("applied");
        var history = await setup.Projects.HistoryAsync(setup.Tenant, project.Id);
        history![0].Type.Should().Be("suggestion_applied");
    }

    [Fact]
    public async Task Undo_takes_an_applied_suggestion_back_in_one_step()
    {
        var (setup, project) = await SiteWithWeakButtonAsync("sugg-undo");
        var weak = (await ProposeAsync(setup, project.Id)).Single(s => s.Kind == SuggestionKinds.WeakButton);
        await setup.Projects.ApplySuggestionAsync(setup.Tenant, project.Id, weak.Id, setup.By);

        var undone = await setup.Projects.EditAsync(setup.Tenant, project.Id, null, [new Undo()], setup.By);

        undone.Project!.Site!.Pages[0].Sections.First(s => s.Type == "hero").Field("ctaText").Should().Be("Learn more");
    }

    [Fact]
    public async Task A_dismissed_suggestion_is_marked_and_never_proposed_again_and_counts_against_its_kind()
    {
        var (setup, project) = await SiteWithWeakButtonAsync("sugg-dismiss");
        var weak = (await ProposeAsync(setup, project.Id)).Single(s => s.Kind == SuggestionKinds.WeakButton);
        var version = (await setup.Projects.GetAsync(setup.Tenant, project.Id))!.Version;

        var dismissed = await setup.Projects.DismissSuggestionAsync(setup.Tenant, project.Id, weak.Id, setup.By);
        var again = await ProposeAsync(setup, project.Id);

        dismissed.Outcome.Should().Be(SuggestionOutcome.Ok);
        dismissed.Project!.Site.Should().BeEquivalentTo((await setup.Projects.SiteAtAsync(setup.Tenant, project.Id, version))!.Value.Site, "a dismissal leaves the site as it was");
        again.Should().BeEmpty("nothing new is found, and what was dismissed does not come back");
        (await StatusAsync(weak.Id)).Should().Be("dismissed");
        await using var session = setup.Store.OpenSession(setup.Tenant);
        var records = await ProjectService.SuggestionRecordsAsync(session, project.Id);
        records.Single(r => r.Kind == SuggestionKinds.WeakButton).Should().Be(new KindRecord(SuggestionKinds.WeakButton, 1, 0, 1));
        records.Sum(r => r.Surfaced).Should().Be(1 + dismissed.Project.OpenSuggestions.Count);
    }

    [Fact]
    public async Task Another_workspace_can_neither_see_nor_apply_a_suggestion()
    {
        var (setup, project) = await SiteWithWeakButtonAsync("sugg-owner");
        var weak = (await ProposeAsync(setup, project.Id)).Single(s => s.Kind == SuggestionKinds.WeakButton);
        var stranger = new TenantContext("sugg-stranger", Guid.NewGuid(), ["owner"]);

        (await setup.Projects.ApplySuggestionAsync(stranger, project.Id, weak.Id, setup.By)).Outcome.Should().Be(SuggestionOutcome.NotFound);
        await using var session = setup.Store.OpenSession(stranger);
        (await ProjectService.SuggestionRecordsAsync(session, null)).Should().BeEmpty();
        (await StatusAsync(weak.Id)).Should().Be("open");
    }

    [Fact]
    public async Task A_suggestion_the_site_no_longer_fits_is_refused_and_nothing_is_written()
    {
        var (setup, project) = await SiteWithWeakButtonAsync("sugg-stale");
        var contactless = await setup.Projects.EditAsync(setup.Tenant, project.Id, null, [new RemoveSection("contact")], setup.By);
        var missing = (await ProposeAsync(setup, project.Id)).Single(s => s.Kind == SuggestionKinds.MissingContact);
        var footer = contactless.Project!.Site!.Pages[0].Sections.First(s => s.Type == "footer").Id;
        await setup.Projects.EditAsync(setup.Tenant, project.Id, null, [new RemoveSection(footer)], setup.By);
        var version = (await setup.Projects.GetAsync(setup.Tenant, project.Id))!.Version;

        var change = await setup.Projects.ApplySuggestionAsync(setup.Tenant, project.Id, missing.Id, setup.By);

        change.Outcome.Should().Be(SuggestionOutcome.Invalid);
        change.Error.Should().StartWith("That suggestion no longer fits the site");
        (await setup.Projects.GetAsync(setup.Tenant, project.Id))!.Version.Should().Be(version);
        (await StatusAsync(missing.Id)).Should().Be("open");
    }

    [Fact]
    public async Task Every_dismissal_and_apply_moves_its_kind_in_the_workspaces_ranking_of_its_other_sites()
    {
        var (setup, first) = await SiteWithWeakButtonAsync("sugg-rank");
        var second = (await setup.Projects.EditAsync(setup.Tenant, (await setup.DraftAsync("Pão Quente is a bakery in Évora baking rye bread.")).Id, null,
            [new SetText("hero", "ctaText", "Click here"), new RemoveSection("contact")], setup.By)).Project!;
        var firstWeak = (await ProposeAsync(setup, first.Id)).Single(s => s.Kind == SuggestionKinds.WeakButton);
        await ProposeAsync(setup, second.Id);

        async Task<List<string>> KindsAsync()
        {
            await using var session = setup.Store.OpenSession(setup.Tenant);
            var project = (await ProjectService.GetAsync(session, second.Id))!;
            return [.. (await ProjectService.RankedSuggestionsAsync(session, project)).Select(r => r.Suggestion.Kind)];
        }

        var untried = await KindsAsync();
        await setup.Projects.DismissSuggestionAsync(setup.Tenant, first.Id, firstWeak.Id, setup.By);
        var afterDismissal = await KindsAsync();

        untried[0].Should().Be(SuggestionKinds.WeakButton, "untried kinds keep their order of usefulness");
        afterDismissal[0].Should().NotBe(SuggestionKinds.WeakButton, "one dismissal puts the kind's mean at 1/3, below the untried kinds' 1/2");
        afterDismissal[^1].Should().Be(SuggestionKinds.WeakButton);
        var contact = (await setup.Projects.GetAsync(setup.Tenant, first.Id))!.OpenSuggestions;
        contact.Should().NotBeEmpty();
        await setup.Projects.ApplySuggestionAsync(setup.Tenant, first.Id, contact.First(s => s.Kind == SuggestionKinds.MissingPrices).Id, setup.By);
        (await KindsAsync())[0].Should().Be(SuggestionKinds.MissingPrices, "one apply puts the kind's mean at 2/3, above the rest");
    }

    private async Task<string?> StatusAsync(Guid id)
    {
        await using var command = database.DataSource.CreateCommand("select status from navo_suggestions where id = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        return (string?)await command.ExecuteScalarAsync();
    }
}
