using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Navo.Tools.Analyze;

namespace Navo.Host.Tests.Teams;

/// <summary>How a live site is doing, asked in Teams: its figures come back as an Adaptive Card, read from the site's analytics.</summary>
public sealed class TeamsAnalyticsTests(TeamsHostFactory factory) : IClassFixture<TeamsHostFactory>
{
    private FakeBotFramework Bot => factory.Bot;

    private Task<IReadOnlyList<ConnectorCall>> RepliesToAsync(string activityId) =>
        Bot.WaitForAsync(c => c.Method == "POST" && c.ActivityId == activityId && c.Activity["attachments"] is not null);

    [Fact]
    public async Task Asking_how_the_site_did_this_week_answers_with_its_figures_as_a_fact_set_with_a_text_fallback()
    {
        await factory.LinkOwnerAsync();
        await factory.SendAsync(factory.Personal("message", "a-1", "build a site for a bakery called Crumb in Bristol"));
        await RepliesToAsync("a-1");

        // The site goes live, and three visitors read its home page.
        var project = (await factory.Owner.GetFromJsonAsync<JsonElement>("/api/v1/projects")).EnumerateArray().Should().ContainSingle().Subject.GetProperty("id").GetGuid();
        var published = await factory.Owner.PostAsync($"/api/v1/projects/{project}/publish", null);
        published.StatusCode.Should().Be(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var slug = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("slug").GetString()!;
        var visitorClient = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        for (var visitor = 1; visitor <= 3; visitor++)
        {
            (await AnalyticsTests.SendAsync(visitorClient, slug, """{"k":"v","p":"/","w":1280}""", visitor)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        await factory.Services.GetRequiredService<VisitBuffer>().FlushAsync();

        await factory.SendAsync(factory.Personal("message", "a-2", "how did my site do this week?"));
        var report = (await RepliesToAsync("a-2"))[0];

        var card = report.Activity["attachments"]![0]!["content"]!.AsObject();
        card["version"]!.GetValue<string>().Should().Be("1.5");
        var body = card["body"]!.AsArray().OfType<JsonObject>().ToList();
        body.Should().Contain(b => b["type"]!.GetValue<string>() == "TextBlock" && b["text"]!.GetValue<string>() == "Your site, the last 7 days");
        var facts = body.Single(b => b["type"]!.GetValue<string>() == "FactSet")["facts"]!.AsArray()
            .Select(f => (f!["title"]!.GetValue<string>(), f["value"]!.GetValue<string>())).ToList();
        facts.Should().Equal(
            ("Visitors", "3 (new)"),
            ("Page views", "3 (new)"),
            ("Button clicks", "0 (no change) · 0.0% of visitors"),
            ("Messages sent", "0 (no change) · 0.0% of visitors"));
        var rows = body.Where(b => b["type"]!.GetValue<string>() == "ColumnSet")
            .Select(b => string.Join(" | ", b["columns"]!.AsArray().Select(c => c!["items"]![0]!["inlines"]![0]!["text"]!.GetValue<string>()))).ToList();
        rows.Should().Equal("/ | 3 views · 3 visitors", "Direct or unknown | 3 visitors");
        card["fallbackText"]!.GetValue<string>().Should().Be(
            "Your site, the last 7 days: Visitors 3 (new); Page views 3 (new); Button clicks 0 (no change) · 0.0% of visitors; Messages sent 0 (no change) · 0.0% of visitors.");
    }
}
