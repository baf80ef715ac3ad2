using Navo.EventStore;
using Navo.Testing;
using Navo.Tools.Edit;
using Navo.Tools.Generate;
using Navo.Tools.Projects;
using Navo.Tools.Publish;

namespace Navo.Tools.Tests.Projects;

/// <summary>Redrafting and deleting projects against the real store.</summary>
public sealed class ProjectServiceTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly string _sites = Directory.CreateTempSubdirectory("navo-sites-").FullName;
    private PostgresEventStore _store = null!;
    private ProjectService _projects = null!;
    private PublishService _publisher = null!;

    public async Task InitializeAsync()
    {
        _store = await database.CreateStoreAsync(options => options.AddNavoTools());
        _projects = new ProjectService(_store, new GenerationPipeline(LocalSteps.All), new LocalCopywriter());
        _publisher = new PublishService(_store, new FileSiteStorage(_sites));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_sites, recursive: true);
        return Task.CompletedTask;
    }

    private static TenantContext Workspace() => new("w" + Guid.NewGuid().ToString("N")[..12], Guid.NewGuid(), ["owner"]);

    private static Actor By(TenantContext tenant) => new(tenant.UserId, "test");

    private async Task<ProjectChange> InSessionAsync(TenantContext tenant, Func<IEventSession, Task<ProjectChange>> act)
    {
        await using var session = _store.OpenSession(tenant);
        var change = await act(session);
        await session.SaveChangesAsync();
        return change;
    }

    [Fact]
    public async Task A_correction_redrafts_as_the_right_kind_keeping_the_name_facts_and_what_the_owner_wrote()
    {
        var tenant = Workspace();
        var (shop, _) = await _projects.GenerateAsync(tenant, new GenerationRequest(
            "Petal & Stem is a gift shop in Worthing. Call 01903 555 740, open Tue-Sat 9-5."), By(tenant));
        await _projects.EditAsync(tenant, shop.Id, null, [new SetText("hero", "headline", "Flowers for every week of the year")], By(tenant));

        var change = await InSessionAsync(tenant, s => _projects.RedraftAsync(s, shop.Id, new GenerationRequest("we're a florist, not a gift shop"), By(tenant)));

        change.Outcome.Should().Be(ProjectOutcome.Ok);
        var redrafted = (await _projects.GetAsync(tenant, shop.Id))!;
        (redrafted.Brief!.Kind, redrafted.Name, redrafted.Brief.Place).Should().Be(("florist", "Petal & Stem", "Worthing"));
        var sections = redrafted.Site!.Pages[0].Sections;
        sections.First(s => s.Type == "hero").Field("headline").Should().Be("Flowers for every week of the year", "the owner wrote it");
        sections.First(s => s.Type == "contact").Field("phone").Should().Be("01903 555 740");
        sections.Should().Contain(s => s.Type == "hours", "the opening hours given in the first message stay");
    }

    [Fact]
    public async Task A_redraft_is_a_new_version_of_the_same_project_and_undo_revert_and_history_keep_working()
    {
        var tenant = Workspace();
        var (salon, _) = await _projects.GenerateAsync(tenant, new GenerationRequest("Waggy Tails is a hair salon in Leeds."), By(tenant));
        var first = salon.Site!;

        var change = await InSessionAsync(tenant, s => _projects.RedraftAsync(s, salon.Id, new GenerationRequest("We're a dog groomer, not a salon", Industry: "dog groomer"), By(tenant)));

        change.Outcome.Should().Be(ProjectOutcome.Ok);
        var redrafted = (await _projects.GetAsync(tenant, salon.Id))!;
        (redrafted.Id, redrafted.Version, redrafted.Name).Should().Be((salon.Id, 3L, "Waggy Tails"));
        (redrafted.Brief!.Industry, redrafted.Brief.Place).Should().Be(("pets", "Leeds"), "the name and the place carry over; the salon pack does not");
        (await _projects.ListAsync(tenant)).Should().ContainSingle(p => p.Id == salon.Id);
        (await _projects.HistoryAsync(tenant, salon.Id))![0].Summary.Should().Be("Drafted the site again for Waggy Tails");

        var undone = await _projects.EditAsync(tenant, salon.Id, 3, [new Undo()], By(tenant));
        // Equal as JSON: the document comes back from jsonb, which keeps its own key order.
        System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.JsonSerializer.SerializeToNode(undone.Project!.Site), System.Text.Json.JsonSerializer.SerializeToNode(first)).Should().BeTrue();
        var reverted = await _projects.EditAsync(tenant, salon.Id, 4, [new Revert(3)], By(tenant));
        reverted.Project!.Brief!.Industry.Should().Be("pets");
        (await _projects.DiffAsync(tenant, salon.Id, 2, 3))!.Changes.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Redrafting_a_project_another_workspace_owns_finds_nothing()
    {
        var rosa = Workspace();
        var (project, _) = await _projects.GenerateAsync(rosa, new GenerationRequest("Rosa's Bakery is a bakery in Porto."), By(rosa));
        var other = Workspace();

        var change = await InSessionAsync(other, s => _projects.RedraftAsync(s, project.Id, new GenerationRequest("a florist"), By(other)));

        change.Outcome.Should().Be(ProjectOutcome.NotFound);
        (await _projects.GetAsync(rosa, project.Id))!.Version.Should().Be(2);
    }

    [Fact]
    public async Task Renaming_the_business_renames_the_project_in_the_list()
    {
        var tenant = Workspace();
        var (project, _) = await _projects.GenerateAsync(tenant, new GenerationRequest("Sunrise Bakery is a bakery in Leeds."), By(tenant));

        await _projects.EditAsync(tenant, project.Id, null, [new SetName("Crumbs")], By(tenant));

        (await _projects.ListAsync(tenant)).Single().Name.Should().Be("Crumbs");
    }

    [Fact]
    public async Task A_deleted_project_leaves_the_list_cannot_be_read_edited_or_published_and_its_address_answers_gone()
    {
        var tenant = Workspace();
        var (project, _) = await _projects.GenerateAsync(tenant, new GenerationRequest("Casa Funda is a restaurant in Tavira."), By(tenant));
        (await _publisher.RunAsync(tenant, project.Id, PublishAction.Publish, null, By(tenant))).Outcome.Should().Be(ProjectOutcome.Ok);
        await new Leads(_store).StoreAsync(tenant.TenantId, project.Id, new LeadSubmission("Ana", "ana@example.com", "A table for two?", null), default);

        var deleted = await InSessionAsync(tenant, s => ProjectService.DeleteAsync(s, project.Id, By(tenant)));

        deleted.Outcome.Should().Be(ProjectOutcome.Ok);
        (await _projects.ListAsync(tenant)).Should().BeEmpty();
        (await _projects.GetAsync(tenant, project.Id)).Should().BeNull();
        (await _projects.SiteAtAsync(tenant, project.Id, 2)).Should().BeNull("no version of a deleted project is previewed");
        (await _projects.HistoryAsync(tenant, project.Id)).Should().BeNull();
        (await _projects.EditAsync(tenant, project.Id, null, [new SetTheme(Mode: "dark")], By(tenant))).Outcome.Should().Be(ProjectOutcome.NotFound);
        (await _publisher.RunAsync(tenant, project.Id, PublishAction.Publish, null, By(tenant))).Outcome.Should().Be(ProjectOutcome.NotFound);
        (await InSessionAsync(tenant, s => ProjectService.DeleteAsync(s, project.Id, By(tenant)))).Outcome.Should().Be(ProjectOutcome.NotFound);
        (await ScalarAsync("select status from navo_live_sites where slug = 'casa-funda'")).Should().Be("deleted");
        (await ScalarAsync($"select count(*)::text from navo_leads where project_id = '{project.Id}'")).Should().Be("0");
    }

    [Fact]
    public async Task The_address_of_a_deleted_site_is_free_for_another_site_of_any_workspace()
    {
        var first = Workspace();
        var (gone, _) = await _projects.GenerateAsync(first, new GenerationRequest("Vila Nova is a bakery in Braga."), By(first));
        await _publisher.RunAsync(first, gone.Id, PublishAction.Publish, null, By(first));
        await InSessionAsync(first, s => ProjectService.DeleteAsync(s, gone.Id, By(first)));

        var second = Workspace();
        var (taker, _) = await _projects.GenerateAsync(second, new GenerationRequest("Vila Nova is a bakery in Porto."), By(second));
        var published = await _publisher.RunAsync(second, taker.Id, PublishAction.Publish, null, By(second));

        published.Project!.Live!.Slug.Should().Be("vila-nova", "the tombstone gives the address up");
        (await ScalarAsync("select project_id::text from navo_live_sites where slug = 'vila-nova'")).Should().Be(taker.Id.ToString());
    }

    [Fact]
    public async Task An_owner_can_move_a_live_site_to_the_address_a_deleted_site_left()
    {
        var first = Workspace();
        var (gone, _) = await _projects.GenerateAsync(first, new GenerationRequest("Bolo Rei is a bakery in Lisbon."), By(first));
        await _publisher.RunAsync(first, gone.Id, PublishAction.Publish, null, By(first));
        await InSessionAsync(first, s => ProjectService.DeleteAsync(s, gone.Id, By(first)));
        var second = Workspace();
        var (mover, _) = await _projects.GenerateAsync(second, new GenerationRequest("Forno Real is a bakery in Lisbon."), By(second));
        await _publisher.RunAsync(second, mover.Id, PublishAction.Publish, null, By(second));

        var moved = await _publisher.ChangeAddressAsync(second, mover.Id, "bolo-rei", By(second));

        moved.Outcome.Should().Be(ProjectOutcome.Ok, moved.Message);
        (await ScalarAsync("select project_id::text from navo_live_sites where slug = 'bolo-rei'")).Should().Be(mover.Id.ToString());
    }

    [Fact]
    public async Task A_deleted_sites_domains_are_disconnected()
    {
        var tenant = Workspace();
        var (project, _) = await _projects.GenerateAsync(tenant, new GenerationRequest("Lumen is a photography studio in Faro."), By(tenant));
        await _publisher.AddDomainAsync(tenant, project.Id, "www.lumen-faro.example", null, By(tenant));
        await _publisher.MarkDomainVerifiedAsync(tenant, project.Id, "www.lumen-faro.example", By(tenant));

        await InSessionAsync(tenant, s => ProjectService.DeleteAsync(s, project.Id, By(tenant)));

        (await ScalarAsync("select count(*)::text from navo_site_domains where host = 'www.lumen-faro.example'")).Should().Be("0");
    }

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return (string?)await command.ExecuteScalarAsync();
    }
}
