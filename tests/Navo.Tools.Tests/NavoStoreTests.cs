using Navo.EventStore;
using Navo.Testing;
using Navo.Tools.Projects;

namespace Navo.Tools.Tests;

public sealed class NavoStoreTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Creating_a_project_lists_it_for_its_workspace_only()
    {
        var store = await database.CreateStoreAsync(options => options.AddNavoTools());
        var rosa = new TenantContext("rosa", Guid.NewGuid(), ["owner"]);
        var id = Guid.NewGuid();
        await using (var session = store.OpenSession(rosa))
        {
            session.StartStream<ProjectState>(id, new ProjectCreated("Rosa's Bakery", null, new Actor(rosa.UserId, "api")));
            await session.SaveChangesAsync();
        }

        await using var command = database.DataSource.CreateCommand("select tenant_id, name, version from navo_projects where id = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();
        (reader.GetString(0), reader.GetString(1), reader.GetInt64(2)).Should().Be(("rosa", "Rosa's Bakery", 1L));
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await database.CreateStoreAsync(options => options.AddNavoTools());
        var again = () => database.CreateStoreAsync(options => options.AddNavoTools());
        await again.Should().NotThrowAsync();

        await using var command = database.DataSource.CreateCommand("select count(*) from navo_schema_migrations");
        ((long)(await command.ExecuteScalarAsync())!).Should().Be(12, "the projects, live sites, leads and site domains tables, deleted sites' addresses, the image library, the procedure that frees an address, the analytics tables, the suggestions table, the analytics' daily roll-ups, the experiments table and the notifications of a site's changes, once each");
    }
}
