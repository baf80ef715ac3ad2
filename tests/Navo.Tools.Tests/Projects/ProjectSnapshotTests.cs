using System.Text.Json;
using Navo.EventStore;
using Navo.Testing;
using Navo.Tools.Edit;
using Navo.Tools.Projects;
using Navo.Tools.Publish;

namespace Navo.Tools.Tests.Projects;

/// <summary>The project snapshot Marten keeps in the append's transaction is the state a fold of the whole stream gives.</summary>
public sealed class ProjectSnapshotTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task After_edits_an_undo_a_publish_and_a_rename_the_snapshot_equals_the_folded_stream()
    {
        var setup = await StoreWithProjects.CreateAsync(database, "snapshots");
        var (store, projects, tenant, by) = (setup.Store, setup.Projects, setup.Tenant, setup.By);
        var sites = Directory.CreateTempSubdirectory("navo-sites-").FullName;
        var project = await setup.DraftAsync("Crumbs is a bakery in Leeds, open Mon-Sat 8-4");
        await projects.EditAsync(tenant, project.Id, null, [new SetText("hero", "headline", "Bread worth the queue")], by);
        await projects.EditAsync(tenant, project.Id, null, [new SetTheme(Mode: "dark", PrimaryColor: "#7a3b12")], by);
        await projects.EditAsync(tenant, project.Id, null, [new SetText("hero", "headline", "Fresh every morning")], by);
        await projects.EditAsync(tenant, project.Id, null, [new Undo()], by);
        await new PublishService(store, new FileSiteStorage(sites)).RunAsync(tenant, project.Id, PublishAction.Publish, null, by);
        await projects.EditAsync(tenant, project.Id, null, [new SetName("Crumbs & Co")], by);

        await using var session = store.OpenSession(tenant);
        // The stored row itself, not a read that would fold the stream if there were none.
        var stored = await session.QueryAsync(
            "select data::text from mt_doc_project_snapshot where id = $1", r => r.GetString(0), CancellationToken.None, project.Id);
        var snapshot = JsonSerializer.Deserialize<StreamSnapshot<ProjectState>>(stored.Should().ContainSingle().Subject, store.Options.Json)!;
        var folded = await session.AggregateStreamAsync<ProjectState>(project.Id, version: long.MaxValue);

        snapshot.Version.Should().Be(folded!.Version);
        Json(snapshot.State).Should().Be(Json(folded.State), "the snapshot is the same fold, stored");
        snapshot.State.UndoStack.Should().Equal(folded.State.UndoStack, "the undo stack keeps its order through the stored JSON");
        snapshot.State.Site!.Pages[0].Sections.First(s => s.Type == "hero").Field("headline").Should().Be("Bread worth the queue");
        Directory.Delete(sites, recursive: true);
    }

    [Fact]
    public async Task Undo_keeps_the_last_hundred_edits_so_the_snapshot_does_not_grow_with_the_history()
    {
        var setup = await StoreWithProjects.CreateAsync(database, "undo-depth");
        var (projects, tenant, by) = (setup.Projects, setup.Tenant, setup.By);
        var project = await setup.DraftAsync("Flow Studio is a yoga studio in Braga");
        for (var i = 1; i <= ProjectState.UndoDepth + 20; i++)
        {
            await projects.EditAsync(tenant, project.Id, null, [new SetText("hero", "headline", $"Edit {i}")], by);
        }

        var state = (await projects.GetAsync(tenant, project.Id))!;
        state.UndoStack.Should().HaveCount(ProjectState.UndoDepth).And.StartWith(state.Version - 1);
        for (var step = 0; step < 2; step++)
        {
            (await projects.EditAsync(tenant, project.Id, null, [new Undo(50)], by)).Outcome.Should().Be(ProjectOutcome.Ok);
        }

        var back = (await projects.GetAsync(tenant, project.Id))!;
        back.Site!.Pages[0].Sections.First(s => s.Type == "hero").Field("headline").Should().Be("Edit 20", "a hundred undos go back a hundred edits");
        (await projects.EditAsync(tenant, project.Id, null, [new Undo()], by)).Error.Should().Be("There is nothing to undo.");
    }

    private static string Json(ProjectState state) => JsonSerializer.Serialize(state, new EventStoreOptions().Json);
}
