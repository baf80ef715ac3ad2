using AngleSharp.Html.Parser;
using Navo.Tools.Rendering;
using Navo.Tools.Sites;

namespace Navo.Tools.Tests.Rendering;

public sealed class HoursRenderingTests
{
    private static Section Hours(string note, params SectionItem[] rows) =>
        new("s9", "hours", new Dictionary<string, string> { ["title"] = "Opening hours", ["note"] = note }, rows);

    private static (string Html, AngleSharp.Html.Dom.IHtmlDocument Document) Render(Section hours)
    {
        var site = SampleSites.Bakery().Site;
        var home = site.Pages[0];
        site = site.WithPage(home with { Sections = [.. home.Sections.SkipLast(2), hours, .. home.Sections.TakeLast(2)] });
        var html = SiteRenderer.RenderPage(site, site.Pages[0], new RenderOptions("/s/x"));
        return (html, new HtmlParser().ParseDocument(html));
    }

    [Fact]
    public void Hours_are_a_table_whose_rows_are_headed_by_their_days_with_machine_readable_times()
    {
        var (html, document) = Render(Hours("Closed on bank holidays",
            SectionItem.Of(("days", "Mon-Fri"), ("opens", "08:00"), ("closes", "16:00")),
            SectionItem.Of(("days", "Sun"), ("text", "Closed"))));

        var section = document.QuerySelector("section[data-type=hours]")!;
        var table = section.QuerySelector("table.hours")!;
        table.GetAttribute("aria-labelledby").Should().Be("h-s9");
        document.GetElementById("h-s9")!.TextContent.Should().Be("Opening hours");
        table.QuerySelectorAll("tr").Select(r => (r.QuerySelector("th[scope=row]")!.TextContent, r.QuerySelector("td")!.TextContent))
            .Should().Equal(("Mon-Fri", "08:00–16:00"), ("Sun", "Closed"));
        table.QuerySelectorAll("time").Select(t => t.GetAttribute("datetime")).Should().Equal("08:00", "16:00");
        section.QuerySelector("p")!.TextContent.Should().Be("Closed on bank holidays");
        System.Text.Encoding.UTF8.GetByteCount(html).Should().BeLessThan(30 * 1024);
    }

    [Fact]
    public void A_note_without_rows_draws_no_empty_table()
    {
        var (_, document) = Render(Hours("By appointment only"));

        document.QuerySelector("section[data-type=hours] table").Should().BeNull();
        document.QuerySelector("section[data-type=hours] p")!.TextContent.Should().Be("By appointment only");
    }

    [Fact]
    public void Hostile_text_in_every_hours_field_stays_text()
    {
        foreach (var payload in XssTests.Payloads)
        {
            var (_, document) = Render(Hours(payload, SectionItem.Of(("days", payload), ("opens", payload), ("closes", payload)), SectionItem.Of(("days", payload), ("text", payload))));

            document.QuerySelectorAll("script, iframe, img, svg[onload], details[ontoggle], math").Should().BeEmpty(payload);
            document.QuerySelectorAll("section[data-type=hours] *").SelectMany(e => e.Attributes).Should()
                .OnlyContain(a => !a.Name.StartsWith("on", StringComparison.Ordinal), payload);
            document.QuerySelectorAll("section[data-type=hours] th").Should().OnlyContain(th => th.TextContent == payload);
        }
    }
}
