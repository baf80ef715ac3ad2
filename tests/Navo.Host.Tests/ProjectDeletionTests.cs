using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

/// <summary>delete_project over the chat, end to end: the list, the API, previews, the live address and the audit log.</summary>
public sealed class ProjectDeletionTests(ScriptedChatHostFactory factory) : IClassFixture<ScriptedChatHostFactory>
{
    private static async Task<Guid> StartAsync(HttpClient client) =>
        (await (await client.PostAsync("/api/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    private static async Task<string> SayAsync(HttpClient client, Guid conversation, string text)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetProperty("text").GetString()!;
    }

    private static async Task<Guid> PublishedAsync(HttpClient owner, string description)
    {
        var created = await (await owner.PostAsJsonAsync("/api/v1/projects", new { description })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        (await owner.PostAsync($"/api/v1/projects/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task A_yes_deletes_the_site_everywhere_its_address_answers_gone_and_another_site_can_take_it()
    {
        var owner = await factory.SignUpAsync();
        var project = await PublishedAsync(owner, "Sal Grosso is a restaurant in Aveiro.");
        (await owner.GetAsync("/s/sal-grosso/")).StatusCode.Should().Be(HttpStatusCode.OK);
        factory.Chat.When("delete Sal Grosso", "delete_project", new { name = "Sal Grosso" });
        var conversation = await StartAsync(owner);

        (await SayAsync(owner, conversation, "delete Sal Grosso")).Should().Be("Delete the site \"Sal Grosso\" and everything in it? This cannot be undone. Reply yes or no.");
        (await owner.GetAsync("/s/sal-grosso/")).StatusCode.Should().Be(HttpStatusCode.OK, "nothing happens before the yes");
        (await SayAsync(owner, conversation, "yes")).Should().StartWith("I deleted \"Sal Grosso\".");

        var gone = await owner.GetAsync("/s/sal-grosso/");
        gone.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await gone.Content.ReadAsStringAsync()).Should().Contain("This site is gone");
        (await owner.GetFromJsonAsync<JsonElement>("/api/v1/projects")).EnumerateArray().Should().NotContain(p => p.GetProperty("id").GetGuid() == project);
        (await owner.GetAsync($"/api/v1/projects/{project}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await owner.GetAsync($"/api/v1/projects/{project}/history")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await owner.GetAsync($"/preview/{project}/v/2/")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await owner.PostAsync($"/api/v1/projects/{project}/publish", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var entries = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=200")).GetProperty("entries").EnumerateArray()
            .Select(e => $"{e.GetProperty("action").GetString()} {e.GetProperty("outcome").GetString()}").ToList();
        entries.Should().Contain(["tool.delete_project ok", "project.deleted ok"]);

        var other = await factory.SignUpAsync();
        var taker = await PublishedAsync(other, "Sal Grosso is a restaurant in Porto.");
        var live = await other.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{taker}");
        live.GetProperty("published").GetBoolean().Should().BeTrue();
        (await other.GetAsync("/s/sal-grosso/")).StatusCode.Should().Be(HttpStatusCode.OK, "the freed address went to the next site that asked for it");
    }

    [Fact]
    public async Task An_editor_is_refused_at_once_and_the_refusal_is_in_the_audit_log()
    {
        var owner = await factory.SignUpAsync();
        var project = await PublishedAsync(owner, "Três Marias is a bakery in Évora.");
        var editor = await factory.MemberAsync("editor", owner);
        factory.Chat.When("delete Três Marias", "delete_project", new { name = "Três Marias" });
        var conversation = await StartAsync(editor);

        (await SayAsync(editor, conversation, "delete Três Marias")).Should().Be("Only an owner of the workspace can delete a site: ask an owner to do it.");

        (await owner.GetAsync($"/api/v1/projects/{project}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var entries = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=200")).GetProperty("entries").EnumerateArray()
            .Select(e => $"{e.GetProperty("action").GetString()} {e.GetProperty("outcome").GetString()}").ToList();
        entries.Should().Contain("tool.delete_project denied").And.NotContain("project.deleted ok");
    }
}
