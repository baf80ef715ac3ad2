using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;
using Navo.Testing;

namespace Navo.Host.Tests;

/// <summary>
/// The real host process killed (kill -9) in the middle of a studio chat turn, after its edit was made and before the
/// turn was committed: nothing of it is written, and the client's retry with the same message id completes it once.
/// </summary>
public sealed class ChatCrashTests : IAsyncLifetime
{
    private readonly HostDataFolder _data = new();
    private readonly string _email = TestAccounts.NewEmail();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _data.DisposeAsync().AsTask();

    private const string Headline = "Fresh fish from the boats of Peniche";

    private const string EditHeadline = """{"operations":[{"op":"set_text","section":"hero","field":"headline","value":"Fresh fish from the boats of Peniche"}]}""";

    [Fact]
    public async Task A_turn_killed_after_its_edit_leaves_nothing_and_its_retry_with_the_same_message_id_completes_it_once()
    {
        Guid project, conversation;
        long before;
        var message = new { text = "change the headline to Fresh fish from the boats of Peniche", clientMessageId = "studio-7f3a-0001" };
        await using (var model = new ReplayServer())
        {
            // The model asks for the edit; once the edit is made (in the turn's transaction) and the model is asked
            // for the reply, it keeps thinking until its host is killed.
            model.When(ChatCompletions.AsksForJson, ChatCompletions.Refusal, 400)
                .HoldWhen(ChatCompletions.CarriesToolResult)
                .Reply(ChatCompletions.Calls("call_1", "edit_site", EditHeadline));
            await using var host = await HostProcess.StartAsync(_data.Path, ChatCompletions.HostArguments(model));
            using var client = await SignedInAsync(host);
            var created = await client.PostAsJsonAsync("/api/v1/projects", new { description = "Maré Alta is a seafood restaurant in Peniche", businessName = "Maré Alta" });
            created.StatusCode.Should().Be(HttpStatusCode.Created);
            project = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            conversation = (await (await client.PostAsJsonAsync("/api/v1/conversations", new { projectId = project })).Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("id").GetGuid();
            before = await _data.ScalarAsync("select version from mt_streams where id = $1", project);

            var send = client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", message);
            await model.Held.WaitAsync(TimeSpan.FromSeconds(120));
            await host.KillAsync();
            await send.Awaiting(s => s).Should().ThrowAsync<HttpRequestException>("the host died before it answered");
        }

        // Nothing half-written: the conversation holds only its start, the site is at the version it was.
        (await _data.ScalarAsync("select count(*) from mt_events where stream_id = $1", conversation)).Should().Be(1);
        (await _data.ScalarAsync("select version from mt_streams where id = $1", project)).Should().Be(before);
        (await _data.ScalarAsync("select count(*) from mt_events where stream_id = $1 and version > $2", project, before)).Should().Be(0);

        await using (var model = new ReplayServer())
        {
            model.When(ChatCompletions.AsksForJson, ChatCompletions.Refusal, 400)
                .Reply(ChatCompletions.Calls("call_1", "edit_site", EditHeadline))
                .Reply(ChatCompletions.Says("The headline is changed."));
            await using var host = await HostProcess.StartAsync(_data.Path, ChatCompletions.HostArguments(model));
            using var client = await SignedInAsync(host);

            // The client sends the message again, with the same id, twice: it runs once.
            var retried = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", message);
            retried.StatusCode.Should().Be(HttpStatusCode.OK, await retried.Content.ReadAsStringAsync());
            var answer = await retried.Content.ReadFromJsonAsync<JsonElement>();
            answer.GetProperty("messageId").GetString().Should().Be(message.clientMessageId);
            answer.GetProperty("reply").GetProperty("text").GetString().Should().Be("The headline is changed.");
            answer.GetProperty("version").GetInt64().Should().Be(before + 1);

            var again = await (await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", message)).Content.ReadFromJsonAsync<JsonElement>();
            again.GetProperty("reply").GetProperty("text").GetString().Should().Be("The headline is changed.");
            again.GetProperty("version").GetInt64().Should().Be(before + 1);
            model.Requests.Count(r => !ChatCompletions.AsksForJson(r.Body)).Should().Be(2, "the repeat was answered from the record");

            var turns = await client.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversation}/messages");
            turns.GetArrayLength().Should().Be(1);
            turns[0].GetProperty("userText").GetString().Should().Be("change the headline to Fresh fish from the boats of Peniche");
            var site = await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}");
            site.GetProperty("site").GetProperty("pages")[0].GetProperty("sections").EnumerateArray()
                .Single(s => s.GetProperty("type").GetString() == "hero").GetProperty("fields").GetProperty("headline").GetString().Should().Be(Headline);
            await host.StopAsync();
        }

        // One user message, one reply, one change of the site.
        (await _data.ScalarAsync("select count(*) from mt_events where stream_id = $1 and type = 'user_message_received'", conversation)).Should().Be(1);
        (await _data.ScalarAsync("select count(*) from mt_events where stream_id = $1 and type = 'assistant_replied'", conversation)).Should().Be(1);
        (await _data.ScalarAsync("select version from mt_streams where id = $1", project)).Should().Be(before + 1);
        (await _data.ScalarAsync("select count(*) from mt_events where stream_id = $1 and version > $2", project, before)).Should().Be(1);
    }

    private async Task<HttpClient> SignedInAsync(HostProcess host)
    {
        var client = host.CreateClient();
        // A first draft on a busy machine waits for the taxonomy to be embedded: generous.
        client.Timeout = TimeSpan.FromMinutes(3);
        await client.SignInAsync(_email);
        return client;
    }
}
