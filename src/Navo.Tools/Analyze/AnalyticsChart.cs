using System.Globalization;
using System.Text;

namespace Navo.Tools.Analyze;

/// <summary>
/// A report's daily visitors drawn as an SVG bar chart, for the studio's analytics card. It is an image to screen
/// readers (<c>role="img"</c>) named by its <c>&lt;title&gt;</c> and described by its <c>&lt;desc&gt;</c>, which says the
/// figures: the period's visitors, the busiest day, and each day's visitors when there are 31 days or fewer. The bars
/// and labels are hidden from them (they say the same). Deterministic, no script, no external reference, colours from
/// the page (<c>currentColor</c>) so it follows the studio's theme; every text is XML-escaped.
/// </summary>
public static class AnalyticsChart
{
    private const int Width = 640;
    private const int Height = 200;
    private const int Left = 40;
    private const int Right = 8;
    private const int Top = 12;
    private const int Bottom = 28;

    /// <summary>The chart of <paramref name="report"/>'s daily visitors; <paramref name="siteName"/> names it.</summary>
    public static string Svg(AnalyticsReport report, string siteName, AnalyticsPeriod period)
    {
        var periodText = PeriodText(period);
        var days = report.Daily;
        var most = days.Count == 0 ? 0 : days.Max(d => d.Visitors);
        var scale = NiceCeiling(most);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\">"));
        svg.Append("<title>").Append(Escape(Title(siteName, periodText))).Append("</title>");
        svg.Append("<desc>").Append(Escape(Description(report, periodText))).Append("</desc>");
        svg.Append("<g aria-hidden=\"true\" fill=\"currentColor\" font-family=\"system-ui, sans-serif\" font-size=\"11\">");
        // The axis: zero and the top of the scale.
        svg.Append(Inv($"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width - Right}\" y2=\"{Top + plotHeight}\" stroke=\"currentColor\" stroke-opacity=\"0.5\"/>"));
        svg.Append(Inv($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Width - Right}\" y2=\"{Top}\" stroke=\"currentColor\" stroke-opacity=\"0.15\"/>"));
        svg.Append(Inv($"<text x=\"{Left - 6}\" y=\"{Top + 4}\" text-anchor=\"end\">{Number(scale)}</text>"));
        svg.Append(Inv($"<text x=\"{Left - 6}\" y=\"{Top + plotHeight + 4}\" text-anchor=\"end\">0</text>"));
        if (days.Count > 0)
        {
            var step = (double)plotWidth / days.Count;
            var bar = Math.Max(1, step * 0.8);
            for (var i = 0; i < days.Count; i++)
            {
                var height = scale == 0 ? 0 : (double)days[i].Visitors / scale * plotHeight;
                svg.Append(Inv($"<rect x=\"{Left + i * step + (step - bar) / 2:0.##}\" y=\"{Top + plotHeight - height:0.##}\" width=\"{bar:0.##}\" height=\"{height:0.##}\" fill-opacity=\"0.8\"/>"));
            }

            svg.Append(Inv($"<text x=\"{Left}\" y=\"{Height - 8}\">{Escape(Day(days[0].Date))}</text>"));
            svg.Append(Inv($"<text x=\"{Width - Right}\" y=\"{Height - 8}\" text-anchor=\"end\">{Escape(Day(days[^1].Date))}</text>"));
        }

        svg.Append("</g></svg>");
        return svg.ToString();
    }

    /// <summary>How the title and description name the period: "the last 7 days", …, "since the first visit".</summary>
    public static string PeriodText(AnalyticsPeriod period) => period.Days() is { } days ? $"the last {days} days" : "since the first visit";

    /// <summary>What the chart shows, as its title says it: "Visitors a day to Rosa's Bakery, the last 7 days".</summary>
    public static string Title(string siteName, string periodText) => $"Visitors a day to {siteName}, {periodText}";

    /// <summary>The figures the chart shows, in sentences: what a screen reader says for it.</summary>
    public static string Description(AnalyticsReport report, string periodText)
    {
        var days = report.Daily;
        if (days.Count == 0 || days.All(d => d.Visitors == 0))
        {
            return $"No visitors {periodText}.";
        }

        var busiest = days.MaxBy(d => d.Visitors)!;
        var text = new StringBuilder(Inv($"{Number(report.Visitors)} visitors {periodText}, {Day(days[0].Date)} to {Day(days[^1].Date)}; "));
        text.Append(Inv($"the most on {Day(busiest.Date)}: {Number(busiest.Visitors)}."));
        if (days.Count <= 31)
        {
            text.Append(" Each day: ").AppendJoin(", ", days.Select(d => $"{Day(d.Date)} {Number(d.Visitors)}")).Append('.');
        }

        return text.ToString();
    }

    /// <summary>The smallest 1, 2 or 5 times a power of ten at or above <paramref name="value"/>: the top of the scale.</summary>
    public static long NiceCeiling(long value)
    {
        if (value <= 0)
        {
            return 0;
        }

        for (var power = 1L; ; power *= 10)
        {
            foreach (var step in new[] { 1, 2, 5 })
            {
                if (step * power >= value)
                {
                    return step * power;
                }
            }
        }
    }

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Text for an XML element or attribute: every character that could end one is escaped, and characters XML cannot
    /// hold at all (controls, unpaired surrogates) are dropped, so that any name makes a well-formed image.
    /// </summary>
    public static string Escape(string text) => new StringBuilder(text.Length)
        .Append(string.Concat(text.EnumerateRunes().Where(r => r.Value is 0x9 or 0xA or 0xD or (>= 0x20 and not (0xFFFE or 0xFFFF))).Select(r => r.ToString())))
        .Replace("&", "&amp;")
        .Replace("<", "&lt;")
        .Replace(">", "&gt;")
        .Replace("\"", "&quot;")
        .Replace("'", "&apos;")
        .ToString();
}
