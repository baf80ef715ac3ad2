using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Navo.Host.Tests.Slack;

/// <summary>A team builds, edits and publishes a site from Slack alone, the fake Web API recording what Navo posts.</summary>
public sealed class SlackJourneyTests(SlackHostFactory factory) : IClassFixture<SlackHostFactory>
{
    private const string Owner = FakeSlackApi.InstallingUser;

    private FakeSlackApi Slack => factory.Slack;

    /// <summary>Every event that is not a conversation's: what changes sites.</summary>
    private const string SiteEvents = "select count(*) from mt_events where type not in ('conversation_started', 'user_message_received', "
        + "'tool_call_requested', 'tool_call_completed', 'approval_requested', 'approval_given', 'approval_declined', 'project_left', 'assistant_replied')";

    private static string Blocks(SlackCall call) => Blocks(call.Body);

    private static string Blocks(JsonObject message) => message["blocks"]?.ToJsonString() ?? string.Empty;

    private const string Root = "1700000001.000100";

    [Fact]
    public async Task A_site_is_drafted_edited_and_published_from_a_direct_message_thread()
    {
        await factory.InstallAsync();
        var access = Slack.CallsTo("oauth.v2.access").Should().ContainSingle().Subject;
        access.Body["code"]!.GetValue<string>().Should().Be("the-code");
        access.Body["client_secret"]!.GetValue<string>().Should().Be("client-secret");

        // The draft: its progress in one message of the thread, updated in place as steps finish, which then becomes
        // the reply, with a signed preview link that works without a session.
        (await factory.EventAsync("Ev001", SlackHostFactory.DirectMessage(Owner, "build a site for a bakery called Crumb in Bristol", Root)))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var drafted = await Slack.WaitForMessageAsync(m => m["thread_ts"]?.GetValue<string>() == Root && Blocks(m).Contains("/preview/shared/"));
        var progress = Slack.CallsTo("chat.postMessage").Should().ContainSingle().Subject;
        progress.Token.Should().Be(FakeSlackApi.BotToken);
        progress.Body["text"]!.GetValue<string>().Should().StartWith("Working on it");
        progress.Body["ts"]!.GetValue<string>().Should().Be(drafted["ts"]!.GetValue<string>());
        Slack.CallsTo("chat.update").Should().OnlyContain(c => c.Body["ts"]!.GetValue<string>() == drafted["ts"]!.GetValue<string>())
            .And.Contain(c => c.Body["text"]!.GetValue<string>() == drafted["text"]!.GetValue<string>(), "the reply takes the progress message's place");
        drafted["channel"]!.GetValue<string>().Should().Be("D0" + Owner);
        drafted["metadata"]!["event_type"]!.GetValue<string>().Should().Be("navo_reply");
        var preview = drafted["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? [])
            .Select(e => e!["url"]?.GetValue<string>()).Single(u => u is not null)!;
        preview.Should().StartWith("http://navo.test/preview/shared/");
        var page = await factory.CreateClient().GetAsync(new Uri(preview).PathAndQuery);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("Crumb");

        // An edit in the thread: the reply shows what changed.
        await factory.EventAsync("Ev002", SlackHostFactory.DirectMessage(Owner, "change the headline to 'Fresh bread daily'", "1700000001.000200", Root));
        var edited = await Slack.WaitForMessageAsync(m => m["thread_ts"]?.GetValue<string>() == Root && Blocks(m).Contains("Fresh bread daily"));
        Blocks(edited).Should().Contain("What changed");
        edited["ts"]!.GetValue<string>().Should().NotBe(drafted["ts"]!.GetValue<string>(), "each turn's reply is its own message");

        // "publish it" asks, with Confirm and Cancel.
        var publish = SlackHostFactory.DirectMessage(Owner, "publish it", "1700000001.000300", Root);
        await factory.EventAsync("Ev003", publish);
        var asked = await Slack.WaitForMessageAsync(m => m["thread_ts"]?.GetValue<string>() == Root && Blocks(m).Contains("navo_confirm"));
        Blocks(asked).Should().Contain("navo_cancel");
        (await factory.CountAsync("select count(*) from mt_events where type = 'site_published'")).Should().Be(0);

        // Confirm publishes, once: the buttons give way to its progress, then to the outcome.
        var confirm = Interaction(asked, "navo_confirm", "trigger-1");
        var updates = Slack.CallsTo("chat.update").Count;
        (await factory.SignedAsync("/api/slack/interactions", confirm, "application/x-www-form-urlencoded")).StatusCode.Should().Be(HttpStatusCode.OK);
        var outcome = await Slack.WaitForMessageAsync(m => m["ts"]!.GetValue<string>() == SlackTs(asked) && Blocks(m).Contains("Live at"));
        Blocks(outcome).Should().NotContain("navo_confirm").And.NotContain("Working on it");
        var publishing = Slack.CallsTo("chat.update").Skip(updates).ToList();
        publishing.Should().OnlyContain(c => c.Body["ts"]!.GetValue<string>() == SlackTs(asked));
        publishing.Should().Contain(c => c.Body["text"]!.GetValue<string>().StartsWith("Working on it", StringComparison.Ordinal), "publishing shows its progress")
            .And.Contain(c => !Blocks(c).Contains("navo_confirm"));
        (await factory.CountAsync("select count(*) from mt_events where type = 'site_published'")).Should().Be(1);

        // The same press again (a double click), a retried delivery and a repeated event id do nothing more.
        await factory.SignedAsync("/api/slack/interactions", confirm, "application/x-www-form-urlencoded");
        await factory.SignedAsync("/api/slack/interactions", Interaction(asked, "navo_confirm", "trigger-2"), "application/x-www-form-urlencoded");
        (await factory.EventAsync("Ev003", publish, retry: 1)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await factory.EventAsync("Ev003", SlackHostFactory.DirectMessage(Owner, "unpublish it", "1700000001.000400", "1700000001.000100"))).StatusCode.Should().Be(HttpStatusCode.OK);
        await WaitForQueueAsync();
        Slack.Thread(Root).Should().HaveCount(3, "the draft, the edit and the question, each one message");
        Slack.CallsTo("chat.postMessage").Should().HaveCount(3);
        (await factory.CountAsync("select count(*) from mt_events where type = 'site_published'")).Should().Be(1);
        (await factory.CountAsync("select count(*) from navo_slack_queue where dedupe_key = 'event:Ev003'")).Should().Be(1);

        // How the site is doing: its figures as fields, read from the site's analytics.
        await factory.EventAsync("Ev004", SlackHostFactory.DirectMessage(Owner, "how did my site do this week?", "1700000001.000500", Root));
        var report = await Slack.WaitForMessageAsync(m => m["thread_ts"]?.GetValue<string>() == Root && Blocks(m).Contains("navo_analytics_figures"));
        var fields = report["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == "navo_analytics_figures")!["fields"]!.AsArray();
        fields.Select(f => f!["text"]!.GetValue<string>()).Should().Contain(f => f.StartsWith("*Visitors*\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_unlinked_user_is_asked_to_link_and_can_change_nothing_until_a_member_confirms()
    {
        await factory.InstallAsync();
        var versions = await factory.CountAsync("select count(*) from mt_events");
        await factory.EventAsync("Ev101", SlackHostFactory.DirectMessage("USTRANGER", "build a site for a florist called Petal in Leeds", "1700000002.000100"));
        var prompt = (await Slack.WaitForAsync("chat.postEphemeral"))[^1];
        prompt.Body["user"]!.GetValue<string>().Should().Be("USTRANGER");
        var link = prompt.Body["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? []).Select(e => e!["url"]?.GetValue<string>()).Single(u => u is not null)!;
        link.Should().StartWith("http://navo.test/link/slack?token=");
        await WaitForQueueAsync();
        (await factory.CountAsync("select count(*) from mt_events")).Should().Be(versions, "an unlinked user writes nothing");
        Slack.CallsTo("chat.postMessage").Where(c => c.Body["channel"]?.GetValue<string>() == "D0USTRANGER").Should().BeEmpty();

        // Someone of another workspace cannot use the link; a member of this one can, once.
        var token = QueryHelpers.ParseQuery(new Uri(link).Query)["token"].ToString();
        (await (await factory.SignUpAsync()).PostAsJsonAsync("/api/v1/channels/link", new { token })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var viewer = await factory.MemberAsync("viewer");
        (await viewer.PostAsJsonAsync("/api/v1/channels/link", new { token })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await viewer.PostAsJsonAsync("/api/v1/channels/link", new { token })).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // Linked as a viewer: Navo answers, and still changes nothing.
        var siteEvents = await factory.CountAsync(SiteEvents);
        var posted = Slack.CallsTo("chat.postMessage").Count;
        await factory.EventAsync("Ev102", SlackHostFactory.DirectMessage("USTRANGER", "make it dark", "1700000002.000200"));
        var answer = (await Slack.WaitForAsync("chat.postMessage", posted + 1))[^1];
        answer.Body["channel"]!.GetValue<string>().Should().Be("D0USTRANGER");
        (await factory.CountAsync(SiteEvents)).Should().Be(siteEvents, "a viewer can read but change nothing");
    }

    /// <summary>The <c>block_actions</c> form Slack sends when <paramref name="actionId"/> is pressed on <paramref name="message"/>.</summary>
    private static string Interaction(JsonObject message, string actionId, string trigger)
    {
        var button = message["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? [])
            .Single(e => e!["action_id"]?.GetValue<string>() == actionId)!;
        var ts = SlackTs(message);
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = Owner, ["team_id"] = FakeSlackApi.TeamId },
            ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = message["channel"]!.GetValue<string>() },
            ["channel"] = new JsonObject { ["id"] = message["channel"]!.GetValue<string>() },
            ["trigger_id"] = trigger,
            ["message"] = new JsonObject
            {
                ["type"] = "message", ["ts"] = ts, ["thread_ts"] = message["thread_ts"]!.GetValue<string>(), ["text"] = message["text"]!.GetValue<string>(),
                ["blocks"] = message["blocks"]!.DeepClone(),
            },
            ["actions"] = new JsonArray { new JsonObject { ["action_id"] = actionId, ["block_id"] = "navo_confirm", ["type"] = "button", ["value"] = button["value"]!.GetValue<string>() } },
        };
        return "payload=" + Uri.EscapeDataString(payload.ToJsonString());
    }

    /// <summary>The ts the fake gave the posted message.</summary>
    private static string SlackTs(JsonObject message) => message["ts"]!.GetValue<string>();

    private async Task WaitForQueueAsync()
    {
        for (var i = 0; i < 100 && await factory.CountAsync("select count(*) from navo_slack_queue where done_at is null") > 0; i++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(500);
    }
}
