using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

/// <summary>
/// What a member may send to the experiments routes, in every environment: each unreadable or impossible request is a
/// problem detail with its status, and nothing is written (the version and the list stay as they were).
/// </summary>
public abstract class ExperimentRefusalTests(NavoHostFactory factory)
{
    public static TheoryData<string, int> Hostile => new()
    {
        { "", 400 },
        { "not json", 400 },
        { "null", 400 },
        { "[]", 400 },
        { "{}", 400 },
        { """{"section":"hero","field":"ctaText"}""", 400 },
        { """{"section":"hero","field":"ctaText","variant":"   "}""", 400 },
        { """{"section":42,"field":"ctaText","variant":"Book a table"}""", 400 },
        { """{"section":"pricing#9","field":"ctaText","variant":"Book a table"}""", 422 },
        { """{"section":"hero","field":"colour","variant":"Book a table"}""", 422 },
        { """{"section":"hero","field":"ctaLink","variant":"javascript:alert(1)"}""", 422 },
        { """{"section":"hero","field":"headline","variant":"\u202Eelbat a kooB"}""", 422 },
        { "{\"section\":\"hero\",\"field\":\"headline\",\"variant\":\"" + new string('a', 201) + "\"}", 422 },
        { """{"section":"hero","field":"ctaText","variant":"See the menu"}""", 422 },
    };

    private async Task<Guid> PublishedSiteAsync(HttpClient owner)
    {
        var id = (await (await owner.PostAsJsonAsync("/api/v1/projects", new { description = "Casa do Rio is a restaurant in Porto." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await owner.PostAsync($"/api/v1/projects/{id}/operations", Json("""{"operations":[{"op":"set_text","section":"hero","field":"ctaText","value":"See the menu"}]}""")))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await owner.PostAsync($"/api/v1/projects/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        return id;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<long> VersionAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("version").GetInt64();

    private static async Task<int> CountAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/experiments")).GetProperty("experiments").GetArrayLength();

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_start_is_refused_with_problem_details_and_nothing_is_written(string body, int status)
    {
        var owner = factory.Owner;
        var id = await PublishedSiteAsync(owner);
        var version = await VersionAsync(owner, id);

        await ShouldBeProblemAsync(await owner.PostAsync($"/api/v1/projects/{id}/experiments", Json(body)), (HttpStatusCode)status);

        (await VersionAsync(owner, id)).Should().Be(version);
        (await CountAsync(owner, id)).Should().Be(0);
    }

    [Fact]
    public async Task Another_workspace_sees_no_such_project_and_a_viewer_may_only_read()
    {
        var owner = factory.Owner;
        var id = await PublishedSiteAsync(owner);
        var started = await owner.PostAsJsonAsync($"/api/v1/projects/{id}/experiments", new { section = "hero", field = "ctaText", variant = "Book a table" });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var eid = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stranger = await factory.SignUpAsync();
        var viewer = await factory.MemberAsync("viewer");
        var version = await VersionAsync(owner, id);

        await ShouldBeProblemAsync(await stranger.GetAsync($"/api/v1/projects/{id}/experiments"), HttpStatusCode.NotFound);
        await ShouldBeProblemAsync(await stranger.PostAsJsonAsync($"/api/v1/projects/{id}/experiments", new { section = "hero", field = "headline", variant = "Hi" }), HttpStatusCode.NotFound);
        await ShouldBeProblemAsync(await stranger.PostAsJsonAsync($"/api/v1/projects/{id}/experiments/{eid}/conclude", new { apply = false }), HttpStatusCode.NotFound);
        (await viewer.PostAsJsonAsync($"/api/v1/projects/{id}/experiments/{eid}/conclude", new { apply = false })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await viewer.GetAsync($"/api/v1/projects/{id}/experiments")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await VersionAsync(owner, id)).Should().Be(version);
        var listed = (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/experiments")).GetProperty("experiments")[0];
        listed.GetProperty("status").GetString().Should().Be("running");
    }

    [Fact]
    public async Task A_second_experiment_an_unpublished_site_and_an_unknown_or_ended_experiment_are_refused()
    {
        var owner = factory.Owner;
        var id = await PublishedSiteAsync(owner);
        var eid = (await (await owner.PostAsJsonAsync($"/api/v1/projects/{id}/experiments", new { section = "hero", field = "ctaText", variant = "Book a table" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await ShouldBeProblemAsync(await owner.PostAsJsonAsync($"/api/v1/projects/{id}/experiments", new { section = "hero", field = "ctaText", variant = "Reserve now" }), HttpStatusCode.Conflict);
        await ShouldBeProblemAsync(await owner.PostAsJsonAsync($"/api/v1/projects/{id}/experiments", new { section = "hero", field = "headline", variant = "Fish from the river" }), HttpStatusCode.Conflict);
        await ShouldBeProblemAsync(await owner.PostAsJsonAsync($"/api/v1/projects/{id}/experiments/{Guid.NewGuid()}/conclude", new { apply = true }), HttpStatusCode.NotFound);
        await ShouldBeProblemAsync(await owner.PostAsJsonAsync($"/api/v1/projects/{id}/experiments/not-an-id/conclude", new { apply = true }), HttpStatusCode.BadRequest);
        (await owner.PostAsJsonAsync($"/api/v1/projects/{id}/experiments/{eid}/conclude", new { apply = false })).StatusCode.Should().Be(HttpStatusCode.OK);
        await ShouldBeProblemAsync(await owner.PostAsJsonAsync($"/api/v1/projects/{id}/experiments/{eid}/conclude", new { apply = false }), HttpStatusCode.Conflict);

        var draft = (await (await owner.PostAsJsonAsync("/api/v1/projects", new { description = "Loja Azul is a shop in Faro." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await ShouldBeProblemAsync(await owner.PostAsJsonAsync($"/api/v1/projects/{draft}/experiments", new { section = "hero", field = "headline", variant = "Hi" }), HttpStatusCode.Conflict);
        await ShouldBeProblemAsync(await owner.GetAsync($"/api/v1/projects/{Guid.NewGuid()}/experiments"), HttpStatusCode.NotFound);
    }
}

public sealed class ExperimentRefusalInTestingTests(NavoHostFactory factory) : ExperimentRefusalTests(factory), IClassFixture<NavoHostFactory>;

public sealed class ExperimentRefusalInDevelopmentTests(DevelopmentHostFactory factory) : ExperimentRefusalTests(factory), IClassFixture<DevelopmentHostFactory>;

public sealed class ExperimentRefusalInProductionTests(ProductionHostFactory factory) : ExperimentRefusalTests(factory), IClassFixture<ProductionHostFactory>;
