using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Navo.Host.Tests.Teams;

/// <summary>
/// Activities captured from Teams and from the Bot Framework's documentation parse and are handled. Each is sent as
/// captured, its <c>serviceUrl</c> pointed at the fake Connector (the token names the same one).
/// </summary>
public sealed partial class TeamsCapturedActivityTests(TeamsHostFactory factory) : IClassFixture<TeamsHostFactory>
{
    private FakeBotFramework Bot => factory.Bot;

    private string Captured(string file)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Teams", "Fixtures", file));
        return ServiceUrl().Replace(text, $"\"serviceUrl\": \"{Bot.ServiceUrl}\"");
    }

    [Fact]
    public async Task Navo_added_to_a_team_channel_welcomes_the_channel_without_a_link()
    {
        (await factory.SendAsync(Captured("teams_conversationupdate_membersadded_team.json"), Bot.Token())).StatusCode.Should().Be(HttpStatusCode.OK);
        var welcome = (await Bot.WaitForAsync(c => c.Conversation == "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2"))[0];
        var card = welcome.Activity["attachments"]![0]!["content"]!;
        card["body"]![0]!["text"]!.GetValue<string>().Should().Contain("Hi, I'm Navo");
        card.ToJsonString().Should().NotContain("link/teams", "a link in a channel would be everyone's");
    }

    [Fact]
    public async Task A_mention_in_a_channel_from_someone_unknown_asks_them_to_link_in_a_personal_chat()
    {
        (await factory.SendAsync(Captured("teams_message_channel_mention.json"), Bot.Token())).StatusCode.Should().Be(HttpStatusCode.OK);
        var reply = (await Bot.WaitForAsync(c => c.ActivityId == "1759944781430"))[0];
        reply.Conversation.Should().Be("19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856");
        reply.Activity["text"]!.GetValue<string>().Should().Contain("personal chat");
        reply.Activity.ToJsonString().Should().NotContain("token=");
    }

    [Fact]
    public async Task A_universal_action_that_is_not_Navos_is_answered_with_a_message_and_changes_nothing()
    {
        var events = await factory.CountAsync("select count(*) from mt_events");
        var answer = await factory.SendAsync(Captured("teams_invoke_adaptivecard_action.json"), Bot.Token());
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        var response = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;
        response["statusCode"]!.GetValue<int>().Should().Be(200);
        response["type"]!.GetValue<string>().Should().Be("application/vnd.microsoft.activity.message");
        (await factory.CountAsync("select count(*) from mt_events")).Should().Be(events);
    }

    [Fact]
    public async Task The_anonymised_personal_capture_and_the_documentations_examples_are_handled()
    {
        // Anonymised: its bot id differs from the member added, so it is taken and done with nothing to say.
        (await factory.SendAsync(Captured("teams_conversationupdate_membersadded_personal.json"), Bot.Token())).StatusCode.Should().Be(HttpStatusCode.OK);
        // The documentation's messageBack example has a trailing comma, which Navo reads; its sender has no AAD object id.
        (await factory.SendAsync(Captured("teams_messageback_inbound_docs_example.txt"), Bot.Token())).StatusCode.Should().Be(HttpStatusCode.OK);
        // The documentation's invoke example breaks a line inside a string: as printed it is not JSON, and is refused.
        var invoke = Captured("teams_invoke_inbound_docs_example.txt");
        (await factory.SendAsync(invoke, Bot.Token())).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        // Joined again, it is an invoke without a name, which Navo does not offer.
        (await factory.SendAsync(WrappedLine().Replace(invoke, string.Empty), Bot.Token())).StatusCode.Should().Be(HttpStatusCode.NotImplemented);

        await factory.WaitForQueueAsync();
        (await factory.CountAsync("select count(*) from navo_teams_queue where done_at is null or error is not null")).Should().Be(0);
        (await factory.CountAsync("select count(*) from navo_teams_queue")).Should().BeGreaterThanOrEqualTo(2);
    }

    [GeneratedRegex("\"serviceUrl\"\\s*:\\s*\"[^\"]*\"")]
    private static partial Regex ServiceUrl();

    [GeneratedRegex("(?<=-)\\r?\\n\\s+")]
    private static partial Regex WrappedLine();
}
