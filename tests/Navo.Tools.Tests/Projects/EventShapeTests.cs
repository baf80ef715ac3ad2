using Navo.Testing;
using Navo.Tools.Edit;
using Navo.Tools.Generate;
using Navo.Tools.Projects;

namespace Navo.Tools.Tests.Projects;

/// <summary>Old event shapes still load: drafts written before sample content was marked are upcast as they are read.</summary>
public sealed class EventShapeTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_draft_stored_before_sample_marks_loads_with_its_made_up_reviews_answers_and_figures_marked_sample()
    {
        var setup = await StoreWithProjects.CreateAsync(database, "shapes");
        var (store, tenant) = (setup.Store, setup.Tenant);
        var project = await setup.DraftAsync("Crumbs is a bakery in Leeds");
        (await TypesAsync(project.Id)).Should().Equal("project_created", "site_generated_v2");

        // Turn the stored draft into what an older version wrote: the first shape's alias and no sample marks. The
        // snapshot goes too, as it would not exist for a project last changed then.
        await ExecuteAsync(
            """
            update mt_events set type = 'site_generated', data = regexp_replace(data::text, ',\s*"sample":\s*true', '', 'g')::jsonb
             where stream_id = $1 and version = 2
            """, project.Id);
        await ExecuteAsync("delete from mt_doc_project_snapshot where id = $1", project.Id);
        (await ScalarAsync("select data::text from mt_events where stream_id = $1 and version = 2", project.Id)).Should().NotContain("\"sample\"");

        await using var session = store.OpenSession(tenant);
        var events = await session.FetchStreamAsync(project.Id);
        var draft = (SiteGenerated)events[1].Data;
        var sections = draft.Site.Pages.SelectMany(p => p.Sections).ToList();
        sections.Where(s => s.Type is "testimonials" or "faq").SelectMany(s => s.Items).Should().NotBeEmpty()
            .And.OnlyContain(i => i.Sample, "an old draft's reviews and answers were made up");
        sections.Where(s => s.Type is "hero" or "about" or "contact").Should().OnlyContain(s => !s.HasSample, "the rest is left as it was");
        (await session.AggregateStreamAsync<ProjectState>(project.Id))!.State.Site!.Pages[0].Sections
            .First(s => s.Type == "testimonials").Items.Should().OnlyContain(i => i.Sample, "the state folded from the old draft carries the marks");
    }

    [Fact]
    public async Task A_draft_that_already_carries_marks_is_left_as_it_is()
    {
        var draft = await new GenerationPipeline(LocalSteps.All).RunAsync(new GenerationRequest("Flow Studio is a yoga studio in Braga, classes from £8, since 2015"));
        var generated = new SiteGenerated(draft.Site, draft.Brief, "local", [], new Actor(Guid.NewGuid(), "test"));

        SiteGeneratedShapes.Upcast(generated).Should().BeSameAs(generated);
    }

    private async Task<List<string>> TypesAsync(Guid stream)
    {
        await using var command = database.DataSource.CreateCommand("select type from mt_events where stream_id = $1 order by version");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = stream });
        await using var reader = await command.ExecuteReaderAsync();
        var types = new List<string>();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }

    private async Task ExecuteAsync(string sql, Guid stream)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = stream });
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> ScalarAsync(string sql, Guid stream)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = stream });
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
