using System.Text.Json.Nodes;
using Navo.Agent.Conversations;
using Navo.Channels.Teams;
using Navo.Tools.Analyze;

namespace Navo.Channels.Tests.Teams;

/// <summary>A site's figures in Teams show what Slack's blocks show, as an Adaptive Card with a text fallback.</summary>
public sealed class TeamsAnalyticsCardTests
{
    private static readonly AgentReply Reply =
        new("Here's how your site did.", [new ReplyCard("analytics", new JsonObject { ["projectId"] = Guid.NewGuid(), ["period"] = "7d" })], []);

    private static List<JsonObject> Body(JsonObject card) => [.. card["body"]!.AsArray().OfType<JsonObject>()];

    private static string Run(JsonObject richText) => richText["inlines"]![0]!["text"]!.GetValue<string>();

    [Fact]
    public void Analytics_figures_are_a_heading_a_fact_set_with_their_change_and_rows_of_pages_and_referrers_shown_as_written()
    {
        var report = AnalyticsSamples.Week("/menu[x](https://evil.example)");

        var card = TeamsCards.For(Reply, new TeamsReplyExtras(null, [], new ReplyAnalytics(AnalyticsPeriod.Days7, report)));

        card["version"]!.GetValue<string>().Should().Be("1.5");
        var body = Body(card);
        body.Select(b => b["type"]!.GetValue<string>()).Should().Equal(
            "TextBlock", "TextBlock", "FactSet", "TextBlock", "ColumnSet", "ColumnSet", "TextBlock", "ColumnSet", "ColumnSet");
        body[1]["text"]!.GetValue<string>().Should().Be("Your site, the last 7 days");
        body[1]["weight"]!.GetValue<string>().Should().Be("Bolder");

        var facts = body[2]["facts"]!.AsArray().Select(f => (f!["title"]!.GetValue<string>(), f["value"]!.GetValue<string>())).ToList();
        facts.Should().Equal(
            ("Visitors", "1,250 (+25% on the period before)"),
            ("Page views", "3,400 (+13% on the period before)"),
            ("Button clicks", "90 (-10% on the period before) · 7.2% of visitors"),
            ("Messages sent", "12 (new) · 1.0% of visitors"));
        body[2]["fallback"]!["type"]!.GetValue<string>().Should().Be("TextBlock", "a client without FactSet shows the figures as text");
        body[2]["fallback"]!["text"]!.GetValue<string>().Should().StartWith("**Visitors**: 1,250 (+25% on the period before)\n\n**Page views**: 3,400");

        body[3]["text"]!.GetValue<string>().Should().Be("**Top pages**");
        static (string, string) Row(JsonObject row) =>
            (Run(row["columns"]![0]!["items"]![0]!.AsObject()), Run(row["columns"]![1]!["items"]![0]!.AsObject()));
        Row(body[4]).Should().Be(("/", "2,000 views · 1,100 visitors"));
        Row(body[5]).Should().Be(("/menu[x](https://evil.example)", "900 views · 400 visitors"));
        body[5]["columns"]![0]!["items"]![0]!["type"]!.GetValue<string>().Should().Be("RichTextBlock", "a visitor's path is not read as Markdown");
        body[6]["text"]!.GetValue<string>().Should().Be("**Where visitors came from**");
        Row(body[7]).Should().Be(("google.com", "600 visitors"));
        Row(body[8]).Should().Be(("Direct or unknown", "500 visitors"));

        card["fallbackText"]!.GetValue<string>().Should().Be(
            "Your site, the last 7 days: Visitors 1,250 (+25% on the period before); Page views 3,400 (+13% on the period before); "
            + "Button clicks 90 (-10% on the period before) · 7.2% of visitors; Messages sent 12 (new) · 1.0% of visitors.");
    }

    [Fact]
    public void Analytics_over_all_time_have_no_change_to_show_and_an_empty_site_shows_only_its_figures()
    {
        var report = AnalyticsSamples.Empty;

        var card = TeamsCards.For(Reply, new TeamsReplyExtras(null, [], new ReplyAnalytics(AnalyticsPeriod.All, report)));

        var body = Body(card);
        body.Select(b => b["type"]!.GetValue<string>()).Should().Equal("TextBlock", "TextBlock", "FactSet");
        body[1]["text"]!.GetValue<string>().Should().Be("Your site, since it started");
        body[2]["facts"]![0]!["value"]!.GetValue<string>().Should().Be("0");
        var plain = TeamsCards.For(Reply, new TeamsReplyExtras(null, []));
        Body(plain).Should().ContainSingle("without the report read, the reply is its text alone");
        plain["fallbackText"].Should().BeNull();
    }
}
