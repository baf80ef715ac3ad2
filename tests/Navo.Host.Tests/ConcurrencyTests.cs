using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

/// <summary>
/// Many requests for one conversation or one project at the same moment, as probing the running host did: a third to
/// three quarters of them once answered 500 (chat) or 412 (edits without If-Match). Each must be applied, or answered
/// with a clear 409 sentence as problem details.
/// </summary>
public sealed class ConcurrencyTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private readonly HttpClient _client = factory.Owner;

    private async Task<Guid> ProjectAsync() =>
        (await (await _client.PostAsJsonAsync("/api/v1/projects", new { description = "Busy Bakery is a bakery in Coimbra." })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();

    private async Task<Guid> ConversationAsync() =>
        (await (await _client.PostAsync("/api/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    private async Task<long> VersionAsync(Guid project) =>
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}")).GetProperty("version").GetInt64();

    private Task<HttpResponseMessage> SayAsync(Guid conversation, Guid project, string text) =>
        _client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text, context = new { projectId = project } });

    /// <summary>Every answer is 200 with the edit made, or 409 problem details with a sentence; returns how many were applied.</summary>
    private static async Task<int> AppliedOrClearConflictAsync(IEnumerable<HttpResponseMessage> responses, Func<JsonElement, bool> applied)
    {
        var count = 0;
        foreach (var response in responses)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
                JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString().Should().EndWith(".", "a conflict says what happened in a sentence");
                continue;
            }

            response.StatusCode.Should().Be(HttpStatusCode.OK, text);
            applied(JsonDocument.Parse(text).RootElement).Should().BeTrue(text);
            count++;
        }

        return count;
    }

    [Fact]
    public async Task Twenty_chat_messages_sent_at_once_to_one_conversation_are_all_answered_without_a_500()
    {
        var project = await ProjectAsync();
        var conversation = await ConversationAsync();
        var before = await VersionAsync(project);

        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => SayAsync(conversation, project, $"change the headline to 'Fresh bread {i}'")));

        var applied = await AppliedOrClearConflictAsync(responses,
            r => r.GetProperty("reply").GetProperty("text").GetString()!.StartsWith("Done — the headline now reads", StringComparison.Ordinal));
        applied.Should().Be(20, "turns of one conversation take their turn");
        (await VersionAsync(project)).Should().Be(before + applied);
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversation}/messages")).GetArrayLength().Should().Be(20);
    }

    [Fact]
    public async Task Eight_conversations_editing_one_project_at_once_are_all_answered_without_a_500()
    {
        var project = await ProjectAsync();
        var conversations = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ConversationAsync()));
        var before = await VersionAsync(project);

        var responses = await Task.WhenAll(conversations.SelectMany((c, i) => new[]
        {
            SayAsync(c, project, $"change the headline to 'Fresh bread {i}'"),
            SayAsync(c, project, $"change the headline to 'Warm rolls {i}'"),
        }));

        var applied = await AppliedOrClearConflictAsync(responses,
            r => r.GetProperty("reply").GetProperty("text").GetString()!.StartsWith("Done — the headline now reads", StringComparison.Ordinal));
        (await VersionAsync(project)).Should().Be(before + applied, "every turn answered as applied was applied, and no other");
    }

    [Fact]
    public async Task Twenty_edits_without_If_Match_at_once_are_all_applied_not_refused_with_412()
    {
        var project = await ProjectAsync();
        var before = await VersionAsync(project);

        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => _client.PostAsJsonAsync($"/api/v1/projects/{project}/operations",
            new { operations = new[] { new { op = "set_text", section = "hero", field = "headline", value = $"Fresh bread {i}" } } })));

        var applied = await AppliedOrClearConflictAsync(responses, r => r.GetProperty("version").GetInt64() > before);
        applied.Should().Be(20, "an edit without If-Match applies to whatever version is current");
        (await VersionAsync(project)).Should().Be(before + 20);
    }
}
