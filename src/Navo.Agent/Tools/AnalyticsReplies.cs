using System.Globalization;
using Navo.Tools.Analyze;

namespace Navo.Agent.Tools;

/// <summary>
/// A report in one or two sentences: visitors against the period before, then what share of them clicked the main
/// buttons and sent the contact form ("200 visitors this week, up 18% on the week before, and 240 page views. 12% clicked
/// a main button (24 clicks) and 3% sent the contact form (6 messages).").
/// </summary>
public static class AnalyticsReplies
{
    public static string Summary(AnalyticsReport report, AnalyticsPeriod period)
    {
        var (when, before) = period switch
        {
            AnalyticsPeriod.Days7 => ("this week", "the week before"),
            AnalyticsPeriod.Days30 => ("in the last 30 days", "the 30 days before"),
            AnalyticsPeriod.Days90 => ("in the last 90 days", "the 90 days before"),
            _ => ("so far", null),
        };
        if (report.Visitors == 0)
        {
            return $"No visitors counted {when} yet: visits are counted on the published site, from the day it goes live.";
        }

        var change = before is null ? string.Empty : $", {Change(report.Visitors, report.Previous.Visitors, before)}";
        return $"{Count(report.Visitors, "visitor")} {when}{change}, and {Count(report.Pageviews, "page view")}. "
            + $"{Percent(report.CtaClickRate)} clicked a main button ({Count(report.CtaClicks, "click")}) "
            + $"and {Percent(report.ConversionRate)} sent the contact form ({Count(report.FormSubmissions, "message")}).";
    }

    private static string Change(long now, long then, string before)
    {
        if (then == 0)
        {
            return $"none {before}";
        }

        var percent = (int)Math.Round((now - then) * 100.0 / then);
        return percent switch
        {
            0 => $"as many as {before}",
            > 0 => $"up {percent}% on {before}",
            _ => $"down {-percent}% on {before}",
        };
    }

    private static string Count(long n, string what) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} {what}{(n == 1 ? string.Empty : "s")}";

    private static string Percent(double rate) => (rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
