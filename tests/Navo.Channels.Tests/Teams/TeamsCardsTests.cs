using System.Text.Json.Nodes;
using Navo.Agent.Conversations;
using Navo.Channels.Teams;

namespace Navo.Channels.Tests.Teams;

public sealed class TeamsCardsTests
{
    private static readonly ActionOffer Offer = new(Guid.Parse("0190a0b0-0000-7000-8000-000000000001"), 7, "q1");

    private static IEnumerable<JsonObject> Actions(JsonObject card) =>
        (card["actions"]?.AsArray() ?? []).Concat(card["body"]!.AsArray().SelectMany(b => b!["items"]?.AsArray() ?? []).SelectMany(i => i!["actions"]?.AsArray() ?? []))
            .OfType<JsonObject>();

    [Fact]
    public void A_question_gets_Confirm_and_Cancel_as_universal_actions_with_a_submit_fallback_carrying_the_offer()
    {
        var reply = new AgentReply("Publish the site now?", [new ReplyCard("confirm", new JsonObject { ["approvalId"] = "q1" })], ["Yes", "No"]) { Offer = Offer };

        var card = TeamsCards.For(reply, new TeamsReplyExtras(null, []));

        card["version"]!.GetValue<string>().Should().Be("1.5");
        var actions = Actions(card).ToList();
        actions.Select(a => a["title"]!.GetValue<string>()).Should().Equal("Confirm", "Cancel");
        actions.Should().OnlyContain(a => a["type"]!.GetValue<string>() == "Action.Execute" && a["fallback"]!["type"]!.GetValue<string>() == "Action.Submit");
        var (answer, offer, number) = TeamsCards.Read(actions[0]["data"]!.AsObject());
        answer.Should().Be(TeamsCards.Confirm);
        offer.Should().Be(Offer);
        number.Should().BeNull();
        TeamsCards.Read(actions[1]["fallback"]!["data"]!.AsObject()).Answer.Should().Be(TeamsCards.Cancel);
    }

    [Fact]
    public void Suggestions_are_numbered_each_with_Apply_and_their_text_is_not_read_as_markdown()
    {
        var items = new JsonArray(
            new JsonObject { ["number"] = 1, ["title"] = "Add opening hours", ["reason"] = "Visitors ask [here](https://evil.example)." },
            new JsonObject { ["number"] = 2, ["title"] = "Shorten the headline", ["reason"] = "It wraps on phones." });
        var reply = new AgentReply("Suggestions, best first:", [new ReplyCard("suggestions", new JsonObject { ["items"] = items })], []) { Offer = Offer with { ApprovalId = null } };

        var card = TeamsCards.For(reply, new TeamsReplyExtras(null, []));

        var applies = Actions(card).Where(a => a["title"]!.GetValue<string>() == "Apply").ToList();
        applies.Should().HaveCount(2);
        TeamsCards.Read(applies[1]["data"]!.AsObject()).Number.Should().Be(2);
        var runs = card["body"]!.AsArray().SelectMany(b => b!["items"]?.AsArray() ?? []).Where(i => i!["type"]!.GetValue<string>() == "RichTextBlock").ToList();
        runs.Select(r => r!["inlines"]![0]!["text"]!.GetValue<string>()).Should().Contain("1. Add opening hours").And.Contain("Visitors ask [here](https://evil.example).");
        card["body"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "TextBlock").Should().NotContain(b => b!["text"]!.GetValue<string>().Contains("evil", StringComparison.Ordinal));
    }

    [Fact]
    public void The_preview_link_and_what_an_edit_changed_are_shown_and_suggested_actions_stop_at_three()
    {
        var reply = new AgentReply("Done.", [], ["Undo", "Make it shorter", "Publish", "Show history"]);

        var activity = TeamsCards.Message(reply, new TeamsReplyExtras("https://navo.example/preview/shared/t/", ["Headline: \"Fresh bread daily\""]));

        var card = activity["attachments"]![0]!["content"]!.AsObject();
        activity["attachments"]![0]!["contentType"]!.GetValue<string>().Should().Be("application/vnd.microsoft.card.adaptive");
        card.ToJsonString().Should().Contain("What changed").And.Contain("Fresh bread daily");
        Actions(card).Single()["url"]!.GetValue<string>().Should().Be("https://navo.example/preview/shared/t/");
        activity["suggestedActions"]!["actions"]!.AsArray().Select(a => a!["value"]!.GetValue<string>()).Should().Equal("Undo", "Make it shorter", "Publish");
    }

    [Fact]
    public void An_answered_card_says_who_answered_and_offers_nothing_to_press_again()
    {
        var outcome = new AgentReply("Your site is live.", [new ReplyCard("live", new JsonObject { ["url"] = "/s/crumb/" }), new ReplyCard("confirm", new JsonObject())], []) { Offer = Offer };

        var card = TeamsCards.Answered("Rido", outcome, new TeamsReplyExtras(null, []));

        card.ToJsonString().Should().Contain("Rido: Your site is live.").And.Contain("Live at /s/crumb/");
        Actions(card).Should().BeEmpty();
    }

    [Fact]
    public void Data_that_is_not_Navos_reads_as_no_answer()
    {
        TeamsCards.Read(new JsonObject { ["feedback"] = "test invokes" }).Answer.Should().BeNull();
        TeamsCards.Read(null).Answer.Should().BeNull();
        TeamsCards.Read(new JsonObject { ["navo"] = 3 }).Answer.Should().BeNull();
    }

    [Fact]
    public void The_bots_mention_is_taken_out_of_a_channel_message_and_other_mentions_stay()
    {
        var activity = new JsonObject
        {
            ["text"] = "<at>Navo</at> ask <at>Sam</at> about the logo",
            ["recipient"] = new JsonObject { ["id"] = "28:bot" },
            ["entities"] = new JsonArray
            {
                new JsonObject { ["type"] = "mention", ["text"] = "<at>Navo</at>", ["mentioned"] = new JsonObject { ["id"] = "28:bot" } },
                new JsonObject { ["type"] = "mention", ["text"] = "<at>Sam</at>", ["mentioned"] = new JsonObject { ["id"] = "29:sam" } },
            },
        };

        TeamsActivity.Text(activity).Should().Be("ask <at>Sam</at> about the logo");
    }
}
