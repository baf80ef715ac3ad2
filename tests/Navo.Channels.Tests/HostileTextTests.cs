using System.Text.Json.Nodes;
using Navo.Agent.Conversations;
using Navo.Channels.Slack;
using Navo.Channels.Teams;
using Navo.Testing;

namespace Navo.Channels.Tests;

/// <summary>
/// Words that reach Slack or Teams from people (a reply quoting the owner or a visitor, what changed, a suggestion's
/// title and reason) through the XSS corpus and the hostile links: in Slack every <c>&lt;</c>, <c>&gt;</c> and
/// <c>&amp;</c> is escaped, so no text becomes a link, a mention (<c>&lt;!channel&gt;</c>) or markup; in Teams the
/// text stays in text fields of the card (Adaptive Cards render no HTML) and never becomes a button's address.
/// </summary>
public sealed class HostileTextTests
{
    private static readonly ActionOffer Offer = new(Guid.Parse("0190a0b0-0000-7000-8000-000000000001"), 7, "q1");

    public static IEnumerable<string> Hostile() =>
        [.. XssCorpus.Payloads, .. XssCorpus.HostileLinks, "<!channel> free cake", "<@U0123|admin> says hi", "<https://evil.example|Open the preview>", "&lt;script&gt;"];

    private static AgentReply Reply(string text)
    {
        var items = new JsonArray(new JsonObject { ["number"] = 1, ["title"] = text, ["reason"] = text });
        return new AgentReply(text, [new ReplyCard("suggestions", new JsonObject { ["items"] = items }), new ReplyCard("confirm", new JsonObject { ["approvalId"] = "q1" })], [])
        {
            Offer = Offer,
        };
    }

    [Fact]
    public void Hostile_text_in_slack_is_escaped_everywhere_it_appears()
    {
        foreach (var text in Hostile())
        {
            var blocks = SlackBlocks.For(Reply(text), new SlackReplyExtras("https://navo.example/preview/shared/t/", [text]));
            var answered = SlackBlocks.Answered(blocks, text, by: "U0NAVO1");
            Texts(answered).Last().Should().StartWith("<@U0NAVO1>: ", "who answered is a real mention, made from the verified request's user id");

            foreach (var mrkdwn in Texts(blocks).Concat(Texts(answered).SkipLast(1)).Append(Texts(answered).Last()["<@U0NAVO1>: ".Length..]).Append(SlackBlocks.Mrkdwn(text)))
            {
                mrkdwn.Should().NotContain("<", $"Slack reads < and > as links and mentions ({text})").And.NotContain(">", text);
                mrkdwn.Replace("&amp;", string.Empty, StringComparison.Ordinal).Replace("&lt;", string.Empty, StringComparison.Ordinal)
                    .Replace("&gt;", string.Empty, StringComparison.Ordinal).Should().NotContain("&", $"every & is escaped ({text})");
            }

            Urls(blocks).Should().Equal(new[] { "https://navo.example/preview/shared/t/" }, $"the only address is Navo's own ({text})");
        }
    }

    [Theory]
    [InlineData("<!channel>")]
    [InlineData("U1> <!here")]
    [InlineData("")]
    public void A_user_id_that_is_not_one_is_not_made_a_mention(string by) =>
        Texts(SlackBlocks.Answered(new JsonArray(), "Done.", by)).Single().Should().Be("Done.");

    [Fact]
    public void Hostile_text_in_teams_stays_text_and_never_becomes_an_address()
    {
        foreach (var text in Hostile())
        {
            var card = TeamsCards.For(Reply(text), new TeamsReplyExtras("https://navo.example/preview/shared/t/", [text]));

            var nodes = Descendants(card).ToList();
            nodes.Select(n => n["type"]?.GetValue<string>()).OfType<string>().Distinct().Should().BeSubsetOf(
                new[] { "AdaptiveCard", "TextBlock", "RichTextBlock", "TextRun", "Container", "ActionSet", "Action.Execute", "Action.Submit", "Action.OpenUrl" }, text);
            nodes.Where(n => n["url"] is not null).Select(n => n["url"]!.GetValue<string>()).Should().Equal(new[] { "https://navo.example/preview/shared/t/" }, text);
            nodes.Where(n => n["type"]?.GetValue<string>() == "Image").Should().BeEmpty();
        }
    }

    /// <summary>Every mrkdwn text of the blocks.</summary>
    private static IEnumerable<string> Texts(JsonArray blocks) =>
        Descendants(blocks).Where(n => n["type"]?.GetValue<string>() == "mrkdwn").Select(n => n["text"]!.GetValue<string>());

    private static IEnumerable<string> Urls(JsonArray blocks) => Descendants(blocks).Where(n => n["url"] is not null).Select(n => n["url"]!.GetValue<string>());

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.Select(p => p.Value).SelectMany(Descendants)],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };
}
