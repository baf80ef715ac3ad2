using Navo.Agent.Conversations;
using Navo.Agent.Tests.Support;
using Navo.EventStore;
using Navo.EventStore.Schema;

namespace Navo.Agent.Tests.Conversations;

/// <summary>
/// A conversation's state is kept in memory by every host that serves it, so it keeps only what the next turn needs:
/// the latest <see cref="ConversationState.KeptTurns"/> turns (issue 19: a soak's heap grew with every turn of 64
/// conversations). The whole history stays readable from the events, and a repeated message id is still answered from
/// the record however old it is.
/// </summary>
public sealed class KeptTurnsTests(AgentHarness agent) : IClassFixture<AgentHarness>
{
    private const int Turns = 25;

    private async Task<(TenantContext Tenant, Guid Conversation)> LongConversationAsync()
    {
        var tenant = AgentHarness.Workspace();
        var conversation = await agent.Conversations.StartAsync(tenant, "web");
        for (var i = 1; i <= Turns; i++)
        {
            await agent.Conversations.SendAsync(tenant, conversation, new IncomingMessage($"question {i}", $"m-{i}", null, null, "web"));
        }

        return (tenant, conversation);
    }

    [Fact]
    public async Task A_long_conversation_keeps_only_its_latest_turns_in_its_state_and_counts_them_all()
    {
        var (tenant, conversation) = await LongConversationAsync();

        var state = await agent.ConversationAsync(tenant, conversation);

        state.TurnCount.Should().Be(Turns);
        state.RecentTurns.Select(t => t.MessageId).Should().Equal(
            Enumerable.Range(Turns - ConversationState.KeptTurns + 1, ConversationState.KeptTurns).Select(i => $"m-{i}"));
        state.RecentTurns[^1].UserText.Should().Be($"question {Turns}");
        await using var session = agent.Store.OpenSession(tenant);
        var version = await session.FetchStreamVersionAsync(conversation);
        var foldedAgain = (await session.AggregateStreamAsync<ConversationState>(conversation, version))!.State;
        foldedAgain.RecentTurns.Select(t => (t.MessageId, t.UserText, t.Reply.Text, t.At)).Should().Equal(
            state.RecentTurns.Select(t => (t.MessageId, t.UserText, t.Reply.Text, t.At)), "the state kept in memory is the one the whole stream folds to");
        foldedAgain.TurnCount.Should().Be(Turns);
    }

    [Fact]
    public async Task Every_turn_stays_readable_from_the_events_whole_and_by_page()
    {
        var (tenant, conversation) = await LongConversationAsync();

        var all = await agent.Conversations.TurnsAsync(tenant, conversation);
        var page = await agent.Conversations.TurnsAsync(tenant, conversation, before: 5, limit: 3);
        var newest = await agent.Conversations.TurnsAsync(tenant, conversation, before: null, limit: 2);

        all!.Select(t => (t.MessageId, t.UserText, t.Reply.Text)).Should().Equal(
            Enumerable.Range(1, Turns).Select(i => ($"m-{i}", $"question {i}", "I'm not sure.")));
        page!.Turns.Select(t => t.MessageId).Should().Equal("m-2", "m-3", "m-4");
        page.Older.Should().Be(2);
        newest!.Turns.Select(t => t.UserText).Should().Equal($"question {Turns - 1}", $"question {Turns}");
        newest.Older.Should().Be(Turns - 1);
        (await agent.Conversations.TurnsAsync(tenant, conversation, before: 1, limit: 10))!.Turns.Should().BeEmpty();
        (await agent.Conversations.TurnsAsync(AgentHarness.Workspace(), conversation)).Should().BeNull("another workspace has no such conversation");
    }

    [Fact]
    public async Task A_message_id_older_than_the_kept_turns_is_answered_from_the_record_and_runs_nothing()
    {
        var (tenant, conversation) = await LongConversationAsync();
        agent.Chat.When("publish it now", "publish_site", new { action = "publish" });
        var before = (await agent.EventsAsync(tenant, conversation)).Count;

        var repeated = await agent.Conversations.SendAsync(tenant, conversation, new IncomingMessage("publish it now", "m-1", null, null, "web"));

        repeated!.MessageId.Should().Be("m-1");
        repeated.Reply.Text.Should().Be("I'm not sure.", "the first answer to m-1, not a new turn");
        (await agent.EventsAsync(tenant, conversation)).Should().HaveCount(before, "nothing was written");
        (await agent.ConversationAsync(tenant, conversation)).TurnCount.Should().Be(Turns);
    }

    [Fact]
    public async Task Replies_written_before_their_table_existed_are_found_once_its_migration_has_run()
    {
        var (tenant, conversation) = await LongConversationAsync();
        await using (var forget = agent.DataSource.CreateCommand($"delete from navo_conversation_replies where conversation_id = '{conversation}'"))
        {
            (await forget.ExecuteNonQueryAsync()).Should().Be(Turns, "one row a reply");
        }

        var migration = SchemaMigration.FromEmbeddedSql(typeof(AgentStore).Assembly, "agent").Single(m => m.Id == "agent/0002_conversation_replies");
        await using (var rerun = agent.DataSource.CreateCommand(migration.Sql))
        {
            await rerun.ExecuteNonQueryAsync();
        }

        var before = (await agent.EventsAsync(tenant, conversation)).Count;
        var repeated = await agent.Conversations.SendAsync(tenant, conversation, new IncomingMessage("question 2 again", "m-2", null, null, "web"));

        repeated!.Reply.Text.Should().Be("I'm not sure.");
        (await agent.EventsAsync(tenant, conversation)).Should().HaveCount(before, "m-2 was answered from the record");
    }
}
