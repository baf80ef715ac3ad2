using Navo.Testing;
using Navo.Tools.Edit;
using Navo.Tools.Projects;

namespace Navo.Tools.Tests.Projects;

/// <summary>
/// Undo, revert and diff fold a project from the last whole document before the versions they need (issue 19: an
/// undo once folded the whole stream and grew slower with every turn); across such a document they still go back to
/// the right site.
/// </summary>
public sealed class UndoWindowTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Undo_revert_and_diff_across_an_earlier_undo_find_the_site_each_version_had()
    {
        var setup = await StoreWithProjects.CreateAsync(database, "undo-window");
        var (projects, tenant, by) = (setup.Projects, setup.Tenant, setup.By);
        var project = await setup.DraftAsync("Crumbs is a bakery in Leeds");
        async Task<ProjectState> EditAsync(EditOperation operation)
        {
            var change = await projects.EditAsync(tenant, project.Id, null, [operation], by);
            change.Outcome.Should().Be(ProjectOutcome.Ok, change.Error);
            return change.Project!;
        }

        static string Headline(ProjectState state) => state.Site!.Pages[0].Sections.First(s => s.Type == "hero").Field("headline");

        await EditAsync(new SetText("hero", "headline", "A"));                // 3
        await EditAsync(new SetText("hero", "headline", "B"));                // 4
        Headline(await EditAsync(new Undo())).Should().Be("A");               // 5: a whole document again
        await EditAsync(new SetText("hero", "headline", "C"));                // 6
        await EditAsync(new SetText("hero", "headline", "D"));                // 7

        Headline(await EditAsync(new Undo(2))).Should().Be("A", "two steps back from D is version 5");   // 8
        Headline(await EditAsync(new Revert(4))).Should().Be("B", "version 4 is before the undo's whole document");   // 9
        Headline(await EditAsync(new Revert(6))).Should().Be("C");           // 10
        Headline(await EditAsync(new Undo())).Should().Be("B", "undoing the revert goes back to version 9");
        (await projects.DiffAsync(tenant, project.Id, 4, 7))!.Changes.Should().ContainSingle().Which.Should().Contain("D");
    }
}
