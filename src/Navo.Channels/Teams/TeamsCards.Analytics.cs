using System.Text.Json.Nodes;

namespace Navo.Channels.Teams;

public static partial class TeamsCards
{
    /// <summary>The most rows of a list (top pages, referrers) a card shows, as Slack's fields do.</summary>
    private const int MaxListRows = 5;

    /// <summary>
    /// A report's figures as card elements, as Slack shows them: the period as a heading, the headline figures as a
    /// FactSet (each with its change on the period before, when there was one; a text block where a client has no
    /// FactSet), then the top pages and where visitors came from as rows of columns. Pages and referrers come from
    /// visitors, so they go in text runs, shown as written.
    /// </summary>
    public static IEnumerable<JsonObject> Analytics(ReplyAnalytics analytics)
    {
        yield return new JsonObject { ["type"] = "TextBlock", ["text"] = analytics.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true, ["separator"] = true };
        var figures = Figures(analytics);
        yield return new JsonObject
        {
            ["type"] = "FactSet",
            ["id"] = "navo_analytics_figures",
            ["facts"] = new JsonArray([.. figures.Select(f => (JsonNode)new JsonObject { ["title"] = f.Name, ["value"] = f.Value })]),
            ["fallback"] = Markdown(string.Join("\n\n", figures.Select(f => $"**{f.Name}**: {f.Value}"))),
        };

        var report = analytics.Report;
        if (report.Pages.Count > 0)
        {
            yield return Markdown("**Top pages**");
            foreach (var page in report.Pages.Take(MaxListRows))
            {
                yield return Row(page.Path, $"{ReplyAnalytics.Count(page.Pageviews)} views · {ReplyAnalytics.Count(page.Visitors)} visitors");
            }
        }

        if (report.Referrers.Count > 0)
        {
            yield return Markdown("**Where visitors came from**");
            foreach (var referrer in report.Referrers.Take(MaxListRows))
            {
                yield return Row(referrer.Host ?? "Direct or unknown", ReplyAnalytics.Count(referrer.Visitors) + " visitors");
            }
        }
    }

    /// <summary>The headline figures in a sentence each: the card's text for clients that show no cards.</summary>
    public static string AnalyticsText(ReplyAnalytics analytics) =>
        analytics.Title + ": " + string.Join("; ", Figures(analytics).Select(f => $"{f.Name} {f.Value}")) + ".";

    private static List<(string Name, string Value)> Figures(ReplyAnalytics analytics)
    {
        var (report, previous) = (analytics.Report, analytics.Previous);
        static string Figure(long value, long? before) => ReplyAnalytics.Count(value) + ReplyAnalytics.Change(value, before);
        return
        [
            ("Visitors", Figure(report.Visitors, previous?.Visitors)),
            ("Page views", Figure(report.Pageviews, previous?.Pageviews)),
            ("Button clicks", Figure(report.CtaClicks, previous?.CtaClicks) + $" · {ReplyAnalytics.Percent(report.CtaClickRate)} of visitors"),
            ("Messages sent", Figure(report.FormSubmissions, previous?.FormSubmissions) + $" · {ReplyAnalytics.Percent(report.ConversionRate)} of visitors"),
        ];
    }

    /// <summary>A list's row: what it is (shown as written) and its figures, side by side.</summary>
    private static JsonObject Row(string name, string figures) => new()
    {
        ["type"] = "ColumnSet",
        ["columns"] = new JsonArray
        {
            new JsonObject { ["type"] = "Column", ["width"] = "stretch", ["items"] = new JsonArray { Plain(name) } },
            new JsonObject { ["type"] = "Column", ["width"] = "auto", ["items"] = new JsonArray { Plain(figures) } },
        },
    };
}
