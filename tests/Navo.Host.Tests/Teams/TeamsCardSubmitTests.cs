using System.Net;
using System.Text.Json.Nodes;

namespace Navo.Host.Tests.Teams;

/// <summary>Clients without universal actions send a card's <c>Action.Submit</c> fallback as a message with <c>value</c>.</summary>
public sealed class TeamsCardSubmitTests(TeamsHostFactory factory) : IClassFixture<TeamsHostFactory>
{
    private FakeBotFramework Bot => factory.Bot;

    [Fact]
    public async Task Cancel_pressed_as_a_submit_declines_once_and_the_card_is_updated_in_place()
    {
        await factory.LinkOwnerAsync();
        await factory.SendAsync(factory.Personal("message", "3001", "build a site for a bakery called Crumb in Bristol"));
        await Bot.WaitForAsync(c => c.ActivityId == "3001" && c.Activity["attachments"] is not null);
        await factory.SendAsync(factory.Personal("message", "3002", "publish it"));
        var asked = (await Bot.WaitForAsync(c => c.ActivityId == "3002" && c.Activity["attachments"] is not null))[0];
        var cancel = asked.Activity["attachments"]![0]!["content"]!["actions"]!.AsArray().OfType<JsonObject>().Single(a => a["title"]!.GetValue<string>() == "Cancel");

        // The fallback's data arrives as the message's value, with no text, in reply to the card's activity.
        var submit = factory.Personal("message", "3003");
        submit["value"] = cancel["fallback"]!["data"]!.DeepClone();
        submit["replyToId"] = "1:000777";
        (await factory.SendAsync(submit)).StatusCode.Should().Be(HttpStatusCode.OK);
        var updated = (await Bot.WaitForAsync(c => c.Method == "PUT" && c.ActivityId == "1:000777"))[0];
        var card = updated.Activity["attachments"]![0]!["content"]!.ToJsonString();
        card.Should().Contain("Rido").And.NotContain("\"title\":\"Confirm\"");

        // Pressed again (a second delivery under a new activity id): nothing more is recorded.
        var again = factory.Personal("message", "3004");
        again["value"] = cancel["fallback"]!["data"]!.DeepClone();
        again["replyToId"] = "1:000777";
        await factory.SendAsync(again);
        await factory.WaitForQueueAsync();
        (await factory.CountAsync("select count(*) from mt_events where type = 'approval_declined'")).Should().Be(1);
        (await factory.CountAsync("select count(*) from mt_events where type = 'site_published'")).Should().Be(0);
    }
}
