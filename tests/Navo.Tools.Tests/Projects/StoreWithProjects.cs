using Navo.EventStore;
using Navo.Testing;
using Navo.Tools.Generate;
using Navo.Tools.Projects;

namespace Navo.Tools.Tests.Projects;

/// <summary>A migrated store with Navo.Tools' events, the project service on it, and one workspace acting in it.</summary>
public sealed record StoreWithProjects(PostgresEventStore Store, ProjectService Projects, TenantContext Tenant)
{
    public Actor By => new(Tenant.UserId, "test");

    public static async Task<StoreWithProjects> CreateAsync(TestDatabase database, string tenantId)
    {
        var store = await database.CreateStoreAsync(options => options.AddNavoTools());
        return new(store, new ProjectService(store, new GenerationPipeline(LocalSteps.All), new LocalCopywriter()),
            new TenantContext(tenantId, Guid.NewGuid(), ["owner"]));
    }

    /// <summary>Drafts a project from <paramref name="description"/>.</summary>
    public async Task<ProjectState> DraftAsync(string description) =>
        (await Projects.GenerateAsync(Tenant, new GenerationRequest(description), By)).Project;
}
