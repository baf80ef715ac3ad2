using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Navo.Agent.Conversations;
using Navo.Channels.Teams;
using Navo.EventStore;
using Npgsql;

namespace Navo.Host.Tests.Teams;

/// <summary>The learning loop's daily suggestions reach the Teams conversation they belong to, unless its people turned them off.</summary>
public sealed class TeamsDailySuggestionsTests(TeamsHostFactory factory) : IClassFixture<TeamsHostFactory>
{
    private FakeBotFramework Bot => factory.Bot;

    private TeamsDailySuggestions Round => factory.Services.GetRequiredService<TeamsDailySuggestions>();

    /// <summary>What the daily round (<see cref="SuggestionPosts"/>) leaves in a site's conversation: its list, as an assistant message.</summary>
    private async Task PostSuggestionsAsync(string day)
    {
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("select tenant_id, conversation_id from navo_teams_conversations where teams_conversation = $1", connection)
        {
            Parameters = { new() { Value = TeamsHostFactory.PersonalChat } },
        };
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue("the chat is a Navo conversation by now");
        var (tenant, conversation) = (reader.GetString(0), reader.GetGuid(1));
        var store = factory.Services.GetRequiredService<PostgresEventStore>();
        await using var session = store.OpenSession(new TenantContext(tenant, SuggestionPosts.Navo.UserId, ["owner"]));
        var state = (await session.AggregateStreamAsync<ConversationState>(conversation))!;
        var items = new JsonArray(new JsonObject { ["number"] = 1, ["id"] = Guid.NewGuid().ToString(), ["title"] = "Add opening hours", ["reason"] = "Visitors look for them." });
        var reply = new AgentReply("I have a new idea for your site.\n\n1. Add opening hours.", [new ReplyCard("suggestions", new JsonObject { ["items"] = items })], [])
        {
            Offer = new ActionOffer(state.State.ProjectId, null),
        };
        session.Append(conversation, state.Version, new AssistantReplied($"navo:suggestions:{day}", reply, state.State.ProjectId, null, null));
        await session.SaveChangesAsync();
    }

    private IReadOnlyList<ConnectorCall> Proactive => [.. Bot.Calls.Where(c => c.ActivityId is null && c.Activity.ToJsonString().Contains("Stop daily suggestions", StringComparison.Ordinal))];

    [Fact]
    public async Task The_daily_post_is_sent_once_to_the_chat_and_not_after_it_is_turned_off_until_it_is_resumed()
    {
        await factory.LinkOwnerAsync();
        await factory.SendAsync(factory.Personal("message", "2001", "build a site for a bakery called Crumb in Bristol"));
        await Bot.WaitForAsync(c => c.ActivityId == "2001" && c.Activity["attachments"] is not null);

        await PostSuggestionsAsync("2026-11-28");
        (await Round.RunAsync(default)).Should().Be(1);
        var sent = Proactive.Should().ContainSingle().Subject;
        sent.Conversation.Should().Be(TeamsHostFactory.PersonalChat);
        sent.Token.Should().Be(FakeBotFramework.ConnectorToken);
        var card = sent.Activity["attachments"]![0]!["content"]!.AsObject();
        card.ToJsonString().Should().Contain("Add opening hours").And.Contain("\"title\":\"Apply\"");
        (await Round.RunAsync(default)).Should().Be(0, "a post is sent once");

        // Stop daily suggestions, pressed as a universal action.
        var stop = card["actions"]!.AsArray().OfType<JsonObject>().Single(a => a["title"]!.GetValue<string>() == "Stop daily suggestions");
        var stopped = (await (await factory.SendAsync(factory.Execute("f:stop-1", stop, "1:000100"))).Content.ReadFromJsonAsync<JsonObject>())!;
        stopped["value"]!.ToJsonString().Should().Contain("Daily suggestions are off");
        await PostSuggestionsAsync("2026-11-29");
        (await Round.RunAsync(default)).Should().Be(0);
        Proactive.Should().HaveCount(1);

        // Resumed: the newest post goes out.
        var resume = stopped["value"]!["actions"]!.AsArray().OfType<JsonObject>().Single();
        resume["title"]!.GetValue<string>().Should().Be("Resume daily suggestions");
        await factory.SendAsync(factory.Execute("f:resume-1", resume, "1:000100"));
        (await Round.RunAsync(default)).Should().Be(1);
        Proactive.Should().HaveCount(2);
    }
}
