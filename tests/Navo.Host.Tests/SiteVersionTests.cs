using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

/// <summary>
/// A project's ETag follows its site document, not its stream (issue 19, item 8): publishing once broke every editor's
/// <c>If-Match</c> although the document had not changed, and publishing the same content again added a version.
/// </summary>
public sealed class SiteVersionTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private readonly HttpClient _client = factory.Owner;

    [Fact]
    public async Task An_edit_with_the_ETag_loaded_before_a_publish_succeeds_after_it()
    {
        var id = await GenerateAsync("Alba Ceramics is a pottery studio in Évora. We teach wheel throwing.");
        var loaded = await _client.GetAsync($"/api/v1/projects/{id}");
        var etag = loaded.Headers.ETag!.Tag;
        etag.Should().Be("\"2\"");

        await PublishAsync(id);
        var after = await _client.GetAsync($"/api/v1/projects/{id}");
        after.Headers.ETag!.Tag.Should().Be(etag, "publishing left the document as it was");
        var body = await after.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("version").GetInt64().Should().Be(3, "site_published is version 3 of the stream");
        body.GetProperty("siteVersion").GetInt64().Should().Be(2);

        var edited = await EditAsync(_client, id, etag, "Clay, wheel and fire");
        edited.StatusCode.Should().Be(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        edited.Headers.ETag!.Tag.Should().Be("\"4\"", "the edit is version 4, after the publish");
        (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("siteVersion").GetInt64().Should().Be(4);
    }

    [Fact]
    public async Task A_real_concurrent_edit_still_answers_412_across_a_publish()
    {
        var id = await GenerateAsync("Vento Bikes is a bicycle repair shop in Aveiro.");
        var editor = await factory.MemberAsync("editor");
        var etag = (await _client.GetAsync($"/api/v1/projects/{id}")).Headers.ETag!.Tag;
        (await editor.GetAsync($"/api/v1/projects/{id}")).Headers.ETag!.Tag.Should().Be(etag);
        await PublishAsync(id);

        // Both editors send their change at once with the ETag they loaded: one is made, the other is told.
        var answers = await Task.WhenAll(EditAsync(_client, id, etag, "Wheels trued while you wait"), EditAsync(editor, id, etag, "Punctures fixed in an hour"));

        answers.Select(a => a.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed]);
        var lost = answers.Single(a => a.StatusCode == HttpStatusCode.PreconditionFailed);
        lost.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var current = (await lost.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentVersion").GetInt64();
        current.Should().Be(4, "the winner's edit is the document's version now");
        var won = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<JsonElement>();
        var headline = Headline(won);
        Headline(await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).Should().Be(headline, "the loser wrote nothing");
        (await EditAsync(_client, id, etag, "Stale again")).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await EditAsync(_client, id, $"\"{current}\"", "Loaded again, then changed")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Publishing_the_same_content_twice_adds_one_version_and_answers_the_live_one()
    {
        var id = await GenerateAsync("Maré Alta is a seafood restaurant in Sines.");
        var first = await PublishAsync(id);
        first.GetProperty("live").GetProperty("version").GetInt64().Should().Be(2);
        var events = await StreamEventsAsync(id);

        var again = await PublishAsync(id);

        again.GetProperty("live").GetProperty("version").GetInt64().Should().Be(2, "the live version is still the one published");
        again.GetProperty("live").GetProperty("url").GetString().Should().Be(first.GetProperty("live").GetProperty("url").GetString());
        again.GetProperty("message").GetString().Should().Contain("already live").And.Contain("nothing has changed");
        (await StreamEventsAsync(id)).Should().Be(events, "nothing is written");
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("version").GetInt64().Should().Be(3);

        // A real change still publishes.
        (await EditAsync(_client, id, "\"2\"", "Fish from the boats this morning")).EnsureSuccessStatusCode();
        var changed = await PublishAsync(id);
        changed.GetProperty("live").GetProperty("version").GetInt64().Should().Be(4);
        (await StreamEventsAsync(id)).Should().Be(events + 2, "one edit and one publish");
    }

    [Fact]
    public async Task A_copy_from_before_a_publish_is_not_told_it_is_current()
    {
        var id = await GenerateAsync("Sol Nascente is a yoga studio in Lagos.");
        var etag = (await _client.GetAsync($"/api/v1/projects/{id}")).Headers.ETag!.Tag;
        await PublishAsync(id);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/projects/{id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the copy said the site was not published");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("published").GetBoolean().Should().BeTrue();
    }

    private async Task<Guid> GenerateAsync(string description)
    {
        var created = await _client.PostAsJsonAsync("/api/v1/projects", new { description });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> PublishAsync(Guid id)
    {
        var response = await _client.PostAsJsonAsync($"/api/v1/projects/{id}/publish", new { });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<HttpResponseMessage> EditAsync(HttpClient client, Guid id, string ifMatch, string headline)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{id}/operations")
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { operations = new[] { new { op = "set_text", section = "hero", field = "headline", value = headline } } }),
                Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    private static string Headline(JsonElement project) =>
        project.GetProperty("site").GetProperty("pages")[0].GetProperty("sections").EnumerateArray()
            .First(s => s.GetProperty("type").GetString() == "hero").GetProperty("fields").GetProperty("headline").GetString()!;

    private async Task<long> StreamEventsAsync(Guid id)
    {
        await using var command = factory.Database.DataSource.CreateCommand("select count(*) from mt_events where stream_id = $1");
        command.Parameters.AddWithValue(id);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
