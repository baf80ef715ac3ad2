using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

/// <summary>
/// <c>GET …/messages</c> once answered every turn of a conversation, however long (issue 19, item 8): it answers the
/// newest page, oldest first as before, and a <c>Link</c> to the older ones.
/// </summary>
public sealed class ConversationPagingTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private readonly HttpClient _client = factory.Owner;

    [Fact]
    public async Task A_short_conversation_answers_every_turn_as_before_with_no_link()
    {
        var conversation = await StartAsync();
        await SayAsync(conversation, "hello", "m-1");
        await SayAsync(conversation, "what can you do?", "m-2");

        var response = await _client.GetAsync($"/api/v1/conversations/{conversation}/messages");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Contains("Link").Should().BeFalse("there is nothing older");
        var turns = await response.Content.ReadFromJsonAsync<JsonElement>();
        turns.ValueKind.Should().Be(JsonValueKind.Array, "the first page keeps the shape the endpoint always had");
        turns.EnumerateArray().Select(t => t.GetProperty("messageId").GetString()).Should().Equal("m-1", "m-2");
        turns[0].EnumerateObject().Select(p => p.Name).Should().Equal("messageId", "userText", "reply", "projectId", "version", "at");
    }

    [Fact]
    public async Task A_long_conversation_answers_its_newest_fifty_turns_and_links_to_the_older_ones_until_the_first()
    {
        var conversation = await StartAsync();
        for (var i = 1; i <= 53; i++)
        {
            await SayAsync(conversation, "hello", $"m-{i}");
        }

        var first = await _client.GetAsync($"/api/v1/conversations/{conversation}/messages");
        (await IdsAsync(first)).Should().Equal(Enumerable.Range(4, 50).Select(i => $"m-{i}"), "the newest fifty, oldest first");
        var next = Next(first);
        next.Should().Be($"/api/v1/conversations/{conversation}/messages?before=4&limit=50");

        var older = await _client.GetAsync(next);
        (await IdsAsync(older)).Should().Equal("m-1", "m-2", "m-3");
        older.Headers.Contains("Link").Should().BeFalse("these are the first turns");

        // Smaller pages walk the same turns, each exactly once.
        var walked = new List<string>();
        for (var page = $"/api/v1/conversations/{conversation}/messages?limit=20"; ; )
        {
            var response = await _client.GetAsync(page);
            walked.InsertRange(0, await IdsAsync(response));
            if (!response.Headers.Contains("Link"))
            {
                break;
            }

            page = Next(response);
        }

        walked.Should().Equal(Enumerable.Range(1, 53).Select(i => $"m-{i}"));
        (await IdsAsync(await _client.GetAsync($"/api/v1/conversations/{conversation}/messages?limit=200"))).Should().HaveCount(53);
        (await IdsAsync(await _client.GetAsync($"/api/v1/conversations/{conversation}/messages?before=1"))).Should().BeEmpty();
        (await IdsAsync(await _client.GetAsync($"/api/v1/conversations/{conversation}/messages?before=9999&limit=2"))).Should().Equal("m-52", "m-53");
    }

    [Fact]
    public async Task Another_workspace_gets_404_for_every_page()
    {
        var conversation = await StartAsync();
        await SayAsync(conversation, "hello", "mine");
        var stranger = await factory.SignUpAsync();

        foreach (var page in new[] { "", "?limit=1", "?before=2&limit=1" })
        {
            var response = await stranger.GetAsync($"/api/v1/conversations/{conversation}/messages{page}");
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await response.Content.ReadAsStringAsync()).Should().NotContain("mine");
        }
    }

    private async Task<Guid> StartAsync() =>
        (await (await _client.PostAsync("/api/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    private async Task SayAsync(Guid conversation, string text, string messageId) =>
        (await _client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text, clientMessageId = messageId })).EnsureSuccessStatusCode();

    private static async Task<List<string>> IdsAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(t => t.GetProperty("messageId").GetString()!)];
    }

    /// <summary>The address in <c>Link: &lt;…&gt;; rel="next"</c>.</summary>
    private static string Next(HttpResponseMessage response)
    {
        var link = response.Headers.GetValues("Link").Should().ContainSingle().Subject;
        link.Should().EndWith("; rel=\"next\"");
        return link[1..link.IndexOf('>', StringComparison.Ordinal)];
    }
}
