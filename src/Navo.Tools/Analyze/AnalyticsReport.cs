using System.Text.Json.Serialization;

namespace Navo.Tools.Analyze;

/// <summary>The periods a report covers: the last 7, 30 or 90 days (today, UTC, included), or everything; as JSON, as design.md names them.</summary>
[JsonConverter(typeof(NamedEnumConverter<AnalyticsPeriod>))]
public enum AnalyticsPeriod
{
    [JsonStringEnumMemberName("7d")]
    Days7,

    [JsonStringEnumMemberName("30d")]
    Days30,

    [JsonStringEnumMemberName("90d")]
    Days90,

    [JsonStringEnumMemberName("all")]
    All,
}

/// <summary>Reading and naming periods as design.md gives them: <c>7d</c>, <c>30d</c>, <c>90d</c>, <c>all</c>.</summary>
public static class AnalyticsPeriods
{
    /// <summary>The period named <paramref name="text"/>; null (and false) for anything else.</summary>
    public static bool TryParse(string? text, out AnalyticsPeriod period)
    {
        (var known, period) = text switch
        {
            "7d" => (true, AnalyticsPeriod.Days7),
            "30d" => (true, AnalyticsPeriod.Days30),
            "90d" => (true, AnalyticsPeriod.Days90),
            "all" => (true, AnalyticsPeriod.All),
            _ => (false, AnalyticsPeriod.Days30),
        };
        return known;
    }

    /// <summary>How many days the period spans; null for all of them.</summary>
    public static int? Days(this AnalyticsPeriod period) => period switch
    {
        AnalyticsPeriod.Days7 => 7,
        AnalyticsPeriod.Days30 => 30,
        AnalyticsPeriod.Days90 => 90,
        _ => null,
    };
}

/// <summary>
/// The headline figures of a period. Rates are shares of the period's visitors (0 to 1, four decimals):
/// <see cref="CtaClickRate"/> of those who clicked the hero's or a call-to-action's button, <see cref="ConversionRate"/>
/// of those whose contact form reached the site.
/// </summary>
public sealed record AnalyticsFigures(long Visitors, long Pageviews, long CtaClicks, double CtaClickRate, long FormSubmissions, double ConversionRate);

/// <summary>One day of the series: visitors and page views.</summary>
public sealed record AnalyticsDay(DateOnly Date, long Visitors, long Pageviews);

/// <summary>A page by its path, with its views and visitors.</summary>
public sealed record AnalyticsPage(string Path, long Pageviews, long Visitors);

/// <summary>Where visitors came from: another site's host, or null when the browser said nothing (typed, bookmarked, an app).</summary>
public sealed record AnalyticsReferrer(string? Host, long Visitors);

/// <summary>Visitors by the width of their screen: <c>mobile</c> (under 768 px), <c>tablet</c> (under 1024), <c>desktop</c>, <c>unknown</c>.</summary>
public sealed record AnalyticsDevice(string Device, long Visitors);

/// <summary>
/// A site's report for a period (design.md section 9): the figures, the same figures for the period before (all zero
/// for <see cref="AnalyticsPeriod.All"/>), the daily series (every day of the period, zeros included), and the top pages,
/// referrers and devices, and how the site's suggestions fared (<see cref="Suggestions"/>: surfaced, applied, the apply rate).
/// </summary>
public sealed record AnalyticsReport(
    long Visitors,
    long Pageviews,
    long CtaClicks,
    double CtaClickRate,
    long FormSubmissions,
    double ConversionRate,
    AnalyticsFigures Previous,
    IReadOnlyList<AnalyticsDay> Daily,
    IReadOnlyList<AnalyticsPage> Pages,
    IReadOnlyList<AnalyticsReferrer> Referrers,
    IReadOnlyList<AnalyticsDevice> Devices,
    Suggest.SuggestionRates? Suggestions = null)
{
    /// <summary>This period's figures on their own.</summary>
    public AnalyticsFigures Figures => new(Visitors, Pageviews, CtaClicks, CtaClickRate, FormSubmissions, ConversionRate);
}
