using Navo.EventStore;

namespace Navo.Tools.Analyze;

/// <summary>
/// A site's figures in the caller's tenant session (row-level security keeps them to the workspace): each day from its
/// roll-up (<see cref="AnalyticsRollups"/>) once it has one, else from its events in <c>navo_analytics_events</c>
/// (today, and a finished day not rolled up yet). Which days are which is read once, first, and every query then reads
/// each day from exactly one of the two. A visitor hash is new every day, so a person counts once a day: visitors over
/// a period are the sum of each day's, and so are the visitors of a page, a referrer or a device.
/// </summary>
public static partial class SiteAnalytics
{
    /// <summary>How many pages and referrers a report lists.</summary>
    public const int Top = 10;

    /// <summary>A page view's device, from the viewport's width (<see cref="AnalyticsDevice"/>).</summary>
    internal const string Device =
        "case when width is null then 'unknown' when width < 768 then 'mobile' when width < 1024 then 'tablet' else 'desktop' end";

    // Each day once: its roll-up unless it is one of $5 (the days read from events), then its events when it is.
    private const string Days = "tenant_id = $1 and project_id = $2 and day between $3 and $4 and day <> all($5)";
    private const string Events = "tenant_id = $1 and project_id = $2 and day between $3 and $4 and day = any($5)";

    /// <summary>The report of <paramref name="projectId"/> for <paramref name="period"/> ending <paramref name="today"/> (UTC).</summary>
    public static async Task<AnalyticsReport> ReportAsync(IEventSession session, Guid projectId, AnalyticsPeriod period, DateOnly today, CancellationToken cancellationToken)
    {
        var tenant = session.Tenant.TenantId;
        var raw = (await session.QueryAsync(RawDays.NotRolledUp, r => r.GetFieldValue<DateOnly>(0), cancellationToken)).ToArray();
        DateOnly from;
        AnalyticsFigures previous;
        if (period.Days() is { } days)
        {
            from = today.AddDays(1 - days);
            previous = await FiguresAsync(session, projectId, from.AddDays(-days), from.AddDays(-1), raw, cancellationToken);
        }
        else
        {
            var first = await session.QueryAsync(
                "select min(day) from (select min(day) as day from navo_analytics_days where tenant_id = $1 and project_id = $2 and day <> all($3) "
                + "union all select min(day) from navo_analytics_events where tenant_id = $1 and project_id = $2 and day = any($3)) d",
                r => r.IsDBNull(0) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(0), cancellationToken, tenant, projectId, raw);
            from = first[0] is { } day && day < today ? day : today;
            previous = new AnalyticsFigures(0, 0, 0, 0, 0, 0);
        }

        object[] args = [tenant, projectId, from, today, raw];
        var figures = await FiguresAsync(session, projectId, from, today, raw, cancellationToken);
        var counted = (await session.QueryAsync(
                $"select day, visitors, pageviews from navo_analytics_days where {Days} "
                + $"union all select day, count(distinct visitor), count(*) filter (where kind = 1) from navo_analytics_events where {Events} group by day",
                r => new AnalyticsDay(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetInt64(2)), cancellationToken, args))
            .ToDictionary(d => d.Date);
        var daily = Enumerable.Range(0, today.DayNumber - from.DayNumber + 1)
            .Select(i => from.AddDays(i))
            .Select(day => counted.GetValueOrDefault(day) ?? new AnalyticsDay(day, 0, 0))
            .ToList();

        var pages = await session.QueryAsync(
            $"select value, sum(pageviews)::bigint, sum(visitors)::bigint from ("
            + $"select value, pageviews, visitors from navo_analytics_day_counts where dimension = 1 and {Days} "
            + $"union all select path, count(*), count(distinct visitor) from navo_analytics_events where {Events} and kind = 1 and path is not null group by day, path"
            + $") d group by value order by 2 desc, 1 limit {Top}",
            r => new AnalyticsPage(r.GetString(0), r.GetInt64(1), r.GetInt64(2)), cancellationToken, args);
        var referrers = await session.QueryAsync(
            $"select value, sum(visitors)::bigint from ("
            + $"select value, visitors from navo_analytics_day_counts where dimension = 2 and {Days} "
            + $"union all select referrer, count(distinct visitor) from navo_analytics_events where {Events} and kind = 1 group by day, referrer"
            + $") d group by value order by 2 desc, 1 nulls first limit {Top}",
            r => new AnalyticsReferrer(r.IsDBNull(0) ? null : r.GetString(0), r.GetInt64(1)), cancellationToken, args);
        var devices = await session.QueryAsync(
            $"select value, sum(visitors)::bigint from ("
            + $"select value, visitors from navo_analytics_day_counts where dimension = 3 and {Days} "
            + $"union all select {Device}, count(distinct visitor) from navo_analytics_events where {Events} and kind = 1 group by day, 1"
            + $") d group by value order by 2 desc, 1",
            r => new AnalyticsDevice(r.GetString(0), r.GetInt64(1)), cancellationToken, args);

        return new AnalyticsReport(
            figures.Visitors, figures.Pageviews, figures.CtaClicks, figures.CtaClickRate, figures.FormSubmissions, figures.ConversionRate,
            previous, daily, pages, referrers, devices);
    }

    private static async Task<AnalyticsFigures> FiguresAsync(
        IEventSession session, Guid projectId, DateOnly from, DateOnly to, DateOnly[] raw, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync(
            $"""
            select coalesce(sum(visitors), 0)::bigint, coalesce(sum(pageviews), 0)::bigint, coalesce(sum(cta_clicks), 0)::bigint,
                   coalesce(sum(cta_clickers), 0)::bigint, coalesce(sum(form_submissions), 0)::bigint, coalesce(sum(form_senders), 0)::bigint
              from (select visitors, pageviews, cta_clicks, cta_clickers, form_submissions, form_senders
                      from navo_analytics_days where {Days}
                    union all
                    select count(distinct visitor), count(*) filter (where kind = 1), count(*) filter (where kind in (2, 3)),
                           count(distinct visitor) filter (where kind in (2, 3)), count(*) filter (where kind = 4),
                           count(distinct visitor) filter (where kind = 4)
                      from navo_analytics_events where {Events} group by day) d
            """,
            r => (Visitors: r.GetInt64(0), Views: r.GetInt64(1), Clicks: r.GetInt64(2), Clickers: r.GetInt64(3), Forms: r.GetInt64(4), Senders: r.GetInt64(5)),
            cancellationToken, session.Tenant.TenantId, projectId, from, to, raw);
        var f = rows[0];
        return new AnalyticsFigures(f.Visitors, f.Views, f.Clicks, Rate(f.Clickers, f.Visitors), f.Forms, Rate(f.Senders, f.Visitors));
    }

    private static double Rate(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
