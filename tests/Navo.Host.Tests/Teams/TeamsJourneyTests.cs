using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Navo.Host.Tests.Teams;

/// <summary>
/// Someone builds, edits and publishes a site from a Teams chat alone: the activities Teams would send, the fake
/// Connector recording what Navo sends back.
/// </summary>
public sealed class TeamsJourneyTests(TeamsHostFactory factory) : IClassFixture<TeamsHostFactory>
{
    private FakeBotFramework Bot => factory.Bot;

    private static JsonObject Card(ConnectorCall call) => call.Activity["attachments"]![0]!["content"]!.AsObject();

    private static IEnumerable<JsonObject> Actions(JsonObject card) =>
        (card["actions"]?.AsArray() ?? []).Concat(card["body"]!.AsArray().SelectMany(b => b!["items"]?.AsArray() ?? []).SelectMany(i => i!["actions"]?.AsArray() ?? []))
            .OfType<JsonObject>();

    private Task<IReadOnlyList<ConnectorCall>> RepliesToAsync(string activityId, int count = 1) =>
        Bot.WaitForAsync(c => c.Method == "POST" && c.ActivityId == activityId && c.Activity["type"]!.GetValue<string>() == "message", count);

    [Fact]
    public async Task A_site_is_drafted_edited_and_published_from_a_personal_chat()
    {
        // Navo is added: a welcome with a link, since Navo does not know this person yet.
        (await factory.SendAsync(factory.Added("f:added-1"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var welcome = (await Bot.WaitForAsync(c => c.Activity["attachments"] is not null && c.Conversation == TeamsHostFactory.PersonalChat))[0];
        welcome.Token.Should().Be(FakeBotFramework.ConnectorToken);
        var link = Actions(Card(welcome)).Single(a => a["type"]!.GetValue<string>() == "Action.OpenUrl")["url"]!.GetValue<string>();
        link.Should().StartWith("http://navo.test/link/teams?token=");
        (await factory.CreateClient().GetAsync(new Uri(link).PathAndQuery)).StatusCode.Should().Be(HttpStatusCode.OK);

        // The organisation's first link connects it to a workspace: a viewer cannot confirm it, the owner can, once.
        var token = QueryHelpers.ParseQuery(new Uri(link).Query)["token"].ToString();
        var viewer = await factory.MemberAsync("viewer");
        (await viewer.PostAsJsonAsync("/api/v1/channels/link", new { token })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await factory.Owner.PostAsJsonAsync("/api/v1/channels/link", new { token })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await factory.Owner.PostAsJsonAsync("/api/v1/channels/link", new { token })).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // The draft: a typing indicator, then a reply card with a signed preview link that works without a session.
        (await factory.SendAsync(factory.Personal("message", "1001", "build a site for a bakery called Crumb in Bristol"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var drafted = (await RepliesToAsync("1001"))[0];
        Bot.Calls.Should().Contain(c => c.Activity["type"]!.GetValue<string>() == "typing");
        // The draft's steps in one informative message, sent once and updated in place, left saying it is done.
        static string? Text(ConnectorCall c) => c.Activity["text"]?.GetValue<string>();
        var progress = Bot.Calls.Where(c => c.Method == "POST" && c.ActivityId is null && Text(c)?.StartsWith("Working on it", StringComparison.Ordinal) == true).ToList();
        progress.Should().ContainSingle();
        Bot.Calls.Any(c => c.Method == "PUT" && Text(c)?.StartsWith("Done", StringComparison.Ordinal) == true).Should().BeTrue("the message is left saying the draft is done");
        Card(drafted)["version"]!.GetValue<string>().Should().Be("1.5");
        var preview = Actions(Card(drafted)).Single(a => a["title"]?.GetValue<string>() == "Open the preview")["url"]!.GetValue<string>();
        preview.Should().StartWith("http://navo.test/preview/shared/");
        var page = await factory.CreateClient().GetAsync(new Uri(preview).PathAndQuery);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("Crumb");
        ((drafted.Activity["suggestedActions"]?["actions"] as JsonArray)?.Count ?? 0).Should().BeLessThanOrEqualTo(3);

        // An edit: the reply shows what changed.
        await factory.SendAsync(factory.Personal("message", "1002", "change the headline to 'Fresh bread daily'"));
        var edited = (await RepliesToAsync("1002"))[0];
        Card(edited).ToJsonString().Should().Contain("What changed").And.Contain("Fresh bread daily");

        // "publish it" asks, with Confirm and Cancel as universal actions that fall back to Action.Submit.
        var publish = factory.Personal("message", "1003", "publish it");
        await factory.SendAsync(publish);
        var asked = (await RepliesToAsync("1003"))[0];
        var confirm = Actions(Card(asked)).Single(a => a["title"]?.GetValue<string>() == "Confirm");
        confirm["type"]!.GetValue<string>().Should().Be("Action.Execute");
        confirm["fallback"]!["type"]!.GetValue<string>().Should().Be("Action.Submit");
        Actions(Card(asked)).Should().Contain(a => a["title"]!.GetValue<string>() == "Cancel");
        (await factory.CountAsync("select count(*) from mt_events where type = 'site_published'")).Should().Be(0);

        // Confirm publishes, once, and the invoke's response is the card with the outcome.
        var cardId = "1:000042";
        var execute = factory.Execute("f:invoke-1", confirm, cardId);
        var answer = await factory.SendAsync(execute);
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        var response = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;
        response["statusCode"]!.GetValue<int>().Should().Be(200);
        response["type"]!.GetValue<string>().Should().Be("application/vnd.microsoft.card.adaptive");
        var updated = response["value"]!.AsObject();
        updated.ToJsonString().Should().Contain("Rido").And.Contain("Live at");
        Actions(updated).Should().NotContain(a => a["title"]!.GetValue<string>() == "Confirm");
        (await factory.CountAsync("select count(*) from mt_events where type = 'site_published'")).Should().Be(1);

        // The same invoke again, a second press, and a repeated message activity id do nothing more.
        var again = (await (await factory.SendAsync(execute)).Content.ReadFromJsonAsync<JsonObject>())!;
        again["value"]!.ToJsonString().Should().Be(updated.ToJsonString());
        await factory.SendAsync(factory.Execute("f:invoke-2", confirm, cardId));
        (await factory.SendAsync(publish)).StatusCode.Should().Be(HttpStatusCode.OK);
        await factory.WaitForQueueAsync();
        (await factory.CountAsync("select count(*) from mt_events where type = 'site_published'")).Should().Be(1);
        Bot.Messages.Count(c => c.ActivityId == "1003").Should().Be(1);

        // Navo's own token was fetched once, with the app's credentials, and used for every call.
        var tokenRequest = Bot.TokenRequests.Should().ContainSingle().Subject;
        tokenRequest["grant_type"].Should().Be("client_credentials");
        tokenRequest["client_id"].Should().Be(FakeBotFramework.AppId);
        tokenRequest["client_secret"].Should().Be(FakeBotFramework.AppPassword);
        tokenRequest["scope"].Should().Be("https://api.botframework.com/.default");
        Bot.Calls.Should().OnlyContain(c => c.Token == FakeBotFramework.ConnectorToken);
    }
}
