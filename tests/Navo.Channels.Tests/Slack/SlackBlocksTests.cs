using System.Text.Json.Nodes;
using Navo.Agent.Conversations;
using Navo.Channels.Slack;
using Navo.Tools.Analyze;

namespace Navo.Channels.Tests.Slack;

public sealed class SlackBlocksTests
{
    private static readonly ActionOffer Offer = new(Guid.Parse("0190a0b0-0000-7000-8000-000000000001"), 7, "q1");

    private static IEnumerable<JsonObject> Buttons(JsonArray blocks) =>
        blocks.OfType<JsonObject>().SelectMany(b => (b["elements"] as JsonArray)?.OfType<JsonObject>() ?? (b["accessory"] is JsonObject a ? [a] : []))
            .Where(e => e["type"]?.GetValue<string>() == "button");

    [Fact]
    public void A_question_gets_Confirm_and_Cancel_carrying_what_they_were_offered_for()
    {
        var reply = new AgentReply("Publish the site now?", [new ReplyCard("confirm", new JsonObject { ["approvalId"] = "q1" })], ["Yes", "No"]) { Offer = Offer };

        var buttons = Buttons(SlackBlocks.For(reply, new SlackReplyExtras(null, []))).ToList();

        buttons.Select(b => b["action_id"]!.GetValue<string>()).Should().Equal(SlackBlocks.ConfirmAction, SlackBlocks.CancelAction);
        var offer = SlackBlocks.ReadOffer(JsonNode.Parse(buttons[0]["value"]!.GetValue<string>())!.AsObject(), out var number);
        offer.Should().Be(Offer);
        number.Should().BeNull();
    }

    [Fact]
    public void Suggestions_are_numbered_each_with_an_Apply_button()
    {
        var items = new JsonArray(
            new JsonObject { ["number"] = 1, ["title"] = "Add opening hours", ["reason"] = "Visitors ask." },
            new JsonObject { ["number"] = 2, ["title"] = "Shorten the headline", ["reason"] = "It wraps on phones." });
        var reply = new AgentReply("Suggestions, best first:", [new ReplyCard("suggestions", new JsonObject { ["items"] = items })], []) { Offer = Offer with { ApprovalId = null } };

        var blocks = SlackBlocks.For(reply, new SlackReplyExtras(null, []));

        blocks.ToJsonString().Should().Contain("*1. Add opening hours*").And.Contain("*2. Shorten the headline*");
        var applies = Buttons(blocks).Where(b => b["action_id"]!.GetValue<string>() == SlackBlocks.ApplyAction).ToList();
        applies.Should().HaveCount(2);
        SlackBlocks.ReadOffer(JsonNode.Parse(applies[1]["value"]!.GetValue<string>())!.AsObject(), out var second);
        second.Should().Be(2);
    }

    [Fact]
    public void The_preview_link_and_what_an_edit_changed_are_shown()
    {
        var blocks = SlackBlocks.For(AgentReply.Plain("Done."), new SlackReplyExtras("https://navo.example/preview/shared/t/", ["Headline: \"Fresh bread daily\""]));

        blocks.ToJsonString().Should().Contain("What changed");
        Buttons(blocks).Single()["url"]!.GetValue<string>().Should().Be("https://navo.example/preview/shared/t/");
    }

    [Fact]
    public void An_answered_message_keeps_its_text_and_loses_its_buttons()
    {
        var reply = new AgentReply("Publish the site now?", [new ReplyCard("confirm", new JsonObject())], []) { Offer = Offer };

        var answered = SlackBlocks.Answered(SlackBlocks.For(reply, new SlackReplyExtras(null, [])), "Your site is live.");

        Buttons(answered).Should().BeEmpty();
        answered.ToJsonString().Should().Contain("Publish the site now?").And.Contain("Your site is live.");
    }

    [Fact]
    public void Analytics_figures_are_a_header_and_sections_of_fields_with_their_change_on_the_period_before()
    {
        var report = AnalyticsSamples.Week("/menu<script>");
        var reply = new AgentReply("Here's how your site did.", [new ReplyCard("analytics", new JsonObject { ["projectId"] = Guid.NewGuid(), ["period"] = "7d" })], []);

        var blocks = SlackBlocks.For(reply, new SlackReplyExtras(null, [], new ReplyAnalytics(AnalyticsPeriod.Days7, report))).OfType<JsonObject>().ToList();

        blocks.Select(b => b["block_id"]?.GetValue<string>()).Should().ContainInOrder("navo_analytics", "navo_analytics_figures", "navo_analytics_pages", "navo_analytics_referrers");
        var header = blocks.Single(b => b["block_id"]?.GetValue<string>() == "navo_analytics");
        header["type"]!.GetValue<string>().Should().Be("header");
        header["text"]!["type"]!.GetValue<string>().Should().Be("plain_text");
        header["text"]!["text"]!.GetValue<string>().Should().Be("Your site, the last 7 days");

        var figures = Fields(blocks, "navo_analytics_figures");
        figures.Should().Equal(
            "*Visitors*\n1,250 (+25% on the period before)",
            "*Page views*\n3,400 (+13% on the period before)",
            "*Button clicks*\n90 (-10% on the period before)\n7.2% of visitors",
            "*Messages sent*\n12 (new)\n1.0% of visitors");
        Fields(blocks, "navo_analytics_pages").Should().Equal("`/`", "2,000 views · 1,100 visitors", "`/menu&lt;script&gt;`", "900 views · 400 visitors");
        Fields(blocks, "navo_analytics_referrers").Should().Equal("google.com", "600 visitors", "_Direct or unknown_", "500 visitors");

        // Within Slack's limits: at most ten fields a section, each mrkdwn.
        foreach (var section in blocks.Where(b => b["fields"] is not null))
        {
            section["type"]!.GetValue<string>().Should().Be("section");
            section["fields"]!.AsArray().Should().HaveCountLessThanOrEqualTo(10).And.OnlyContain(f => f!["type"]!.GetValue<string>() == "mrkdwn");
        }
    }

    [Fact]
    public void Analytics_over_all_time_have_no_change_to_show_and_an_empty_site_shows_only_its_figures()
    {
        var report = AnalyticsSamples.Empty;
        var reply = new AgentReply("No visitors yet.", [new ReplyCard("analytics", new JsonObject())], []);

        var blocks = SlackBlocks.For(reply, new SlackReplyExtras(null, [], new ReplyAnalytics(AnalyticsPeriod.All, report))).OfType<JsonObject>().ToList();

        blocks.Select(b => b["block_id"]?.GetValue<string>()).Where(id => id is not null).Should().Equal("navo_analytics", "navo_analytics_figures");
        Fields(blocks, "navo_analytics_figures")[0].Should().Be("*Visitors*\n0");
        SlackBlocks.For(reply, new SlackReplyExtras(null, [])).Should().ContainSingle("without the report read, the reply is its text alone");
    }

    private static List<string> Fields(IEnumerable<JsonObject> blocks, string blockId) =>
        [.. blocks.Single(b => b["block_id"]?.GetValue<string>() == blockId)["fields"]!.AsArray().Select(f => f!["text"]!.GetValue<string>())];

    [Fact]
    public void Text_from_people_cannot_become_a_mention_or_a_link()
    {
        SlackBlocks.Mrkdwn("Call <!channel> & see <https://evil.example|here> **now**").Should()
            .Be("Call &lt;!channel&gt; &amp; see &lt;https://evil.example|here&gt; *now*");
    }
}
