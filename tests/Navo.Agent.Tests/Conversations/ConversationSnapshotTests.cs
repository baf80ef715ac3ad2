using System.Text.Json;
using Navo.Agent.Conversations;
using Navo.Agent.Tests.Support;
using Navo.EventStore;

namespace Navo.Agent.Tests.Conversations;

/// <summary>
/// A turn reads the conversation from its snapshot, which keeps the recent turns only and so stays one size; the whole
/// history, and the reply to a retry of an older message, come from the stream.
/// </summary>
public sealed class ConversationSnapshotTests(AgentHarness agent) : IClassFixture<AgentHarness>
{
    private const string Draft = "Build a site for Mar Azul, a restaurant in Sines";

    private async Task<(TenantContext Tenant, Guid Conversation)> DraftedAsync()
    {
        agent.Chat
            .When(Draft, "generate_site", new { description = "Mar Azul is a restaurant in Sines." })
            .When("make it dark", "edit_site", new { operations = new[] { new { op = "set_theme", mode = "dark" } } })
            .When("publish it", "publish_site", new { action = "publish" });
        var tenant = AgentHarness.Workspace();
        var conversation = await agent.Conversations.StartAsync(tenant, "web");
        await SendAsync(tenant, conversation, Draft, "draft");
        return (tenant, conversation);
    }

    private async Task<TurnOutcome> SendAsync(TenantContext tenant, Guid conversation, string text, string messageId) =>
        (await agent.Conversations.SendAsync(tenant, conversation, new IncomingMessage(text, messageId, null, null, "web")))!;

    [Fact]
    public async Task After_fifty_turns_the_snapshot_is_the_size_it_was_after_ten_and_reads_as_the_whole_stream_folded()
    {
        var (tenant, conversation) = await DraftedAsync();
        var sizes = new List<int>();
        for (var turn = 1; turn <= 50; turn++)
        {
            await SendAsync(tenant, conversation, turn % 10 == 5 ? "make it dark" : $"note {turn:00}", $"m{turn:00}");
            if (turn % 10 == 0)
            {
                sizes.Add((await StoredAsync(tenant, conversation)).Length);
            }
        }

        await SendAsync(tenant, conversation, "publish it", "m51");

        sizes.Should().OnlyContain(size => size < sizes[0] * 1.1, "the snapshot keeps the last turns only, and its filter of answered ids is one size");
        var stored = JsonSerializer.Deserialize<StreamSnapshot<ConversationState>>(await StoredAsync(tenant, conversation), agent.Store.Options.Json)!;
        await using var session = agent.Store.OpenSession(tenant);
        var history = (await session.AggregateStreamAsync<ConversationHistory>(conversation))!;
        stored.Partial.Should().BeFalse();
        stored.Version.Should().Be(history.Version);
        Json(stored.State).Should().Be(Json(history.State.State), "the snapshot is the fold of the whole stream, stored");
        Json((await session.AggregateStreamAsync<ConversationState>(conversation))!.State).Should().Be(Json(stored.State));
        stored.State.Pending.Should().NotBeNull("the publish waits for a yes");
        stored.State.LastOperationsJson.Should().Contain("set_theme");
        stored.State.RecentTurns.Select(t => t.MessageId).Should().Equal(history.State.Turns.TakeLast(ConversationState.RecentTurnCount).Select(t => t.MessageId));
        (await agent.Conversations.TurnsAsync(tenant, conversation))!.Select(t => t.MessageId)
            .Should().Equal(["draft", .. Enumerable.Range(1, 51).Select(i => $"m{i:00}")], "the history still has every turn");
    }

    [Fact]
    public async Task A_retry_of_a_message_older_than_the_recent_turns_gets_its_recorded_reply_and_runs_nothing()
    {
        var (tenant, conversation) = await DraftedAsync();
        var first = await SendAsync(tenant, conversation, "make it dark", "first");
        for (var turn = 1; turn <= ConversationState.RecentTurnCount + 2; turn++)
        {
            await SendAsync(tenant, conversation, $"note {turn}", $"m{turn}");
        }

        var state = await agent.ConversationAsync(tenant, conversation);
        state.RecentTurn("first").Should().BeNull("the first turn is no longer a recent one");
        var version = (await agent.EventsAsync(tenant, conversation)).Count;

        var retried = await SendAsync(tenant, conversation, "make it dark", "first");
        var recent = await SendAsync(tenant, conversation, "make it dark", "m10");

        first.Version.Should().NotBeNull("the first message edited the site");
        retried.Reply.Text.Should().Be(first.Reply.Text);
        retried.Version.Should().Be(first.Version);
        recent.Reply.Text.Should().Be("I'm not sure.", "a retry of a recent message is answered from the record too");
        (await agent.EventsAsync(tenant, conversation)).Should().HaveCount(version, "a retry is answered from the record");
    }

    [Fact]
    public async Task A_conversation_written_before_its_snapshot_existed_goes_on_from_its_whole_history()
    {
        var (tenant, conversation) = await DraftedAsync();
        await SendAsync(tenant, conversation, "note 1", "m1");
        var before = await agent.ConversationAsync(tenant, conversation);
        // As if the conversation was written by a version without the snapshot.
        await using (var delete = agent.DataSource.CreateCommand($"delete from mt_doc_conversation_snapshot where id = '{conversation}'"))
        {
            (await delete.ExecuteNonQueryAsync()).Should().Be(1);
        }

        await SendAsync(tenant, conversation, "note 2", "m2");
        var edited = await SendAsync(tenant, conversation, "make it dark", "m3");
        var retried = await SendAsync(tenant, conversation, "make it dark", "m1");

        edited.ProjectId.Should().Be(before.ProjectId!.Value, "the turn works on the conversation's site, which only its first turn named");
        edited.Version.Should().NotBeNull("the edit was made");
        retried.Reply.Text.Should().Be("I'm not sure.", "a retry is answered from the record");
        retried.Version.Should().BeNull();
        var state = await agent.ConversationAsync(tenant, conversation);
        state.RecentTurns.Select(t => t.MessageId).Should().Equal("draft", "m1", "m2", "m3");
        await using var session = agent.Store.OpenSession(tenant);
        Json(state).Should().Be(Json((await session.AggregateStreamAsync<ConversationHistory>(conversation))!.State.State));
        JsonSerializer.Deserialize<StreamSnapshot<ConversationState>>(await StoredAsync(tenant, conversation), agent.Store.Options.Json)!
            .Partial.Should().BeTrue("the snapshot begun after the conversation's first turns holds the later events only");
    }

    /// <summary>The stored snapshot row itself, not a read that would fold the stream if there were none.</summary>
    private async Task<string> StoredAsync(TenantContext tenant, Guid conversation)
    {
        await using var session = agent.Store.OpenSession(tenant);
        var rows = await session.QueryAsync(
            "select data::text from mt_doc_conversation_snapshot where id = $1", r => r.GetString(0), CancellationToken.None, conversation);
        return rows.Should().ContainSingle().Subject;
    }

    private string Json(ConversationState state) => JsonSerializer.Serialize(state, agent.Store.Options.Json);
}
