using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Navo.Agent.Functions;

namespace Navo.Host.Tests;

/// <summary>
/// A viewer reads the learning loop but changes nothing in it: over the API each write answers 403 with problem
/// details, and in chat each is refused in a plain sentence; asking "how can I improve it?" records no suggestion.
/// </summary>
public sealed class ViewerLearningLoopTests(AnalyticsHostFactory factory) : IClassFixture<AnalyticsHostFactory>
{
    private static async Task<Guid> PublishedSiteAsync(HttpClient owner)
    {
        var id = (await (await owner.PostAsJsonAsync("/api/v1/projects", new { description = "Casa da Ponte is a restaurant in Coimbra." }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await owner.PostAsync($"/api/v1/projects/{id}/operations", new StringContent(
            """{"operations":[{"op":"set_text","section":"hero","field":"ctaText","value":"Learn more"}]}""", Encoding.UTF8, "application/json")))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await owner.PostAsync($"/api/v1/projects/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        return id;
    }

    private static async Task<Guid> ConversationAsync(HttpClient client, Guid projectId) =>
        (await (await client.PostAsJsonAsync("/api/v1/conversations", new { projectId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    private static async Task<string> SayAsync(HttpClient client, Guid conversation, Guid projectId, string text)
    {
        var reply = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text, context = new { projectId } });
        reply.StatusCode.Should().Be(HttpStatusCode.OK, await reply.Content.ReadAsStringAsync());
        return (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetProperty("text").GetString()!;
    }

    private static async Task<long> VersionAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("version").GetInt64();

    private static async Task<List<JsonElement>> SuggestionsAsync(HttpClient client, Guid id) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/suggestions")).GetProperty("suggestions").EnumerateArray()];

    private static async Task<List<JsonElement>> ExperimentsAsync(HttpClient client, Guid id) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/experiments")).GetProperty("experiments").EnumerateArray()];

    private static async Task ShouldBeForbiddenAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task A_viewer_asking_how_to_improve_the_site_sees_the_list_but_records_no_suggestion()
    {
        var owner = await factory.SignUpAsync();
        var id = await PublishedSiteAsync(owner);
        var viewer = await factory.MemberAsync("viewer", owner);
        var version = await VersionAsync(owner, id);

        var text = await SayAsync(viewer, await ConversationAsync(viewer, id), id, "how can I improve it?");

        text.Should().Contain("visitors").And.Contain("editor");
        (await VersionAsync(owner, id)).Should().Be(version, "a viewer's question writes nothing to the site");
        (await SuggestionsAsync(owner, id)).Should().BeEmpty();
        (await owner.GetFromJsonAsync<JsonElement>("/api/v1/workspace/suggestions")).GetProperty("surfaced").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task A_viewer_may_not_apply_or_dismiss_a_suggestion_by_api_or_by_reply()
    {
        var owner = await factory.SignUpAsync();
        var id = await PublishedSiteAsync(owner);
        await SayAsync(owner, await ConversationAsync(owner, id), id, "how can I improve it?");
        var suggestion = (await SuggestionsAsync(owner, id))[0].GetProperty("id").GetGuid();
        var viewer = await factory.MemberAsync("viewer", owner);
        var conversation = await ConversationAsync(viewer, id);
        var version = await VersionAsync(owner, id);

        await ShouldBeForbiddenAsync(await viewer.PostAsync($"/api/v1/projects/{id}/suggestions/{suggestion}/apply", null));
        await ShouldBeForbiddenAsync(await viewer.PostAsync($"/api/v1/projects/{id}/suggestions/{suggestion}/dismiss", null));
        var listed = await SayAsync(viewer, conversation, id, "how can I improve it?");
        var applied = await SayAsync(viewer, conversation, id, "apply the first one");
        var dismissed = await SayAsync(viewer, conversation, id, "dismiss 1");

        listed.Should().Contain("1. Change the button \"Learn more\"");
        applied.Should().Be(RoleFilter.ReadOnlyRefusal);
        dismissed.Should().Be(RoleFilter.ReadOnlyRefusal);
        (await VersionAsync(owner, id)).Should().Be(version);
        (await SuggestionsAsync(owner, id)).Select(s => s.GetProperty("id").GetGuid()).Should().Contain(suggestion, "it is still open");
        (await viewer.GetAsync($"/api/v1/projects/{id}/suggestions")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await viewer.GetAsync("/api/v1/workspace/suggestions")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_viewer_may_not_start_conclude_or_stop_an_experiment_by_api_or_by_reply()
    {
        var owner = await factory.SignUpAsync();
        var id = await PublishedSiteAsync(owner);
        var viewer = await factory.MemberAsync("viewer", owner);
        var conversation = await ConversationAsync(viewer, id);

        await ShouldBeForbiddenAsync(await viewer.PostAsJsonAsync($"/api/v1/projects/{id}/experiments", new { section = "hero", field = "ctaText", variant = "Book a table" }));
        var tried = await SayAsync(viewer, conversation, id, "try 'Book a table' against the current button");

        tried.Should().Be(RoleFilter.ReadOnlyRefusal);
        (await ExperimentsAsync(owner, id)).Should().BeEmpty();

        var started = await owner.PostAsJsonAsync($"/api/v1/projects/{id}/experiments", new { section = "hero", field = "ctaText", variant = "Book a table" });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var eid = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var version = await VersionAsync(owner, id);

        await ShouldBeForbiddenAsync(await viewer.PostAsJsonAsync($"/api/v1/projects/{id}/experiments/{eid}/conclude", new { apply = true }));
        await ShouldBeForbiddenAsync(await viewer.PostAsJsonAsync($"/api/v1/projects/{id}/experiments/{eid}/conclude", new { apply = false }));
        var stopped = await SayAsync(viewer, conversation, id, "stop the experiment");
        var concluded = await SayAsync(viewer, conversation, id, "conclude the experiment");

        stopped.Should().Be(RoleFilter.ReadOnlyRefusal);
        concluded.Should().Be(RoleFilter.ReadOnlyRefusal);
        (await VersionAsync(owner, id)).Should().Be(version);
        (await ExperimentsAsync(viewer, id)).Single().GetProperty("status").GetString().Should().Be("running");
    }
}
