using Navo.EventStore;

namespace Navo.Tools.Analyze;

public static partial class SiteAnalytics
{
    /// <summary>
    /// The same report read from the events alone, every day of it, as <see cref="ReportAsync"/> read it before days were
    /// rolled up: the reference the roll-ups are tested against (the two must agree to the figure) and the benchmark's
    /// baseline. Days whose events were dropped (<see cref="AnalyticsOptions.RawRetentionDays"/>) are missing from it.
    /// </summary>
    public static async Task<AnalyticsReport> ReportFromEventsAsync(IEventSession session, Guid projectId, AnalyticsPeriod period, DateOnly today, CancellationToken cancellationToken)
    {
        var tenant = session.Tenant.TenantId;
        DateOnly from;
        AnalyticsFigures previous;
        if (period.Days() is { } days)
        {
            from = today.AddDays(1 - days);
            previous = await FiguresFromEventsAsync(session, projectId, from.AddDays(-days), from.AddDays(-1), cancellationToken);
        }
        else
        {
            var first = await session.QueryAsync(
                "select min(day) from navo_analytics_events where tenant_id = $1 and project_id = $2",
                r => r.IsDBNull(0) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(0), cancellationToken, tenant, projectId);
            from = first[0] is { } day && day < today ? day : today;
            previous = new AnalyticsFigures(0, 0, 0, 0, 0, 0);
        }

        var figures = await FiguresFromEventsAsync(session, projectId, from, today, cancellationToken);
        var counted = (await session.QueryAsync(
                "select day, count(distinct visitor), count(*) filter (where kind = 1) from navo_analytics_events "
                + "where tenant_id = $1 and project_id = $2 and day between $3 and $4 group by day",
                r => new AnalyticsDay(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetInt64(2)), cancellationToken, tenant, projectId, from, today))
            .ToDictionary(d => d.Date);
        var daily = Enumerable.Range(0, today.DayNumber - from.DayNumber + 1)
            .Select(i => from.AddDays(i))
            .Select(day => counted.GetValueOrDefault(day) ?? new AnalyticsDay(day, 0, 0))
            .ToList();

        var pages = await session.QueryAsync(
            "select path, count(*), count(distinct visitor) from navo_analytics_events "
            + "where tenant_id = $1 and project_id = $2 and day between $3 and $4 and kind = 1 and path is not null "
            + $"group by path order by 2 desc, 1 limit {Top}",
            r => new AnalyticsPage(r.GetString(0), r.GetInt64(1), r.GetInt64(2)), cancellationToken, tenant, projectId, from, today);
        var referrers = await session.QueryAsync(
            "select referrer, count(distinct visitor) from navo_analytics_events "
            + "where tenant_id = $1 and project_id = $2 and day between $3 and $4 and kind = 1 "
            + $"group by referrer order by 2 desc, 1 nulls first limit {Top}",
            r => new AnalyticsReferrer(r.IsDBNull(0) ? null : r.GetString(0), r.GetInt64(1)), cancellationToken, tenant, projectId, from, today);
        var devices = await session.QueryAsync(
            $"select {Device} as device, "
            + "count(distinct visitor) from navo_analytics_events "
            + "where tenant_id = $1 and project_id = $2 and day between $3 and $4 and kind = 1 group by device order by 2 desc, 1",
            r => new AnalyticsDevice(r.GetString(0), r.GetInt64(1)), cancellationToken, tenant, projectId, from, today);

        return new AnalyticsReport(
            figures.Visitors, figures.Pageviews, figures.CtaClicks, figures.CtaClickRate, figures.FormSubmissions, figures.ConversionRate,
            previous, daily, pages, referrers, devices);
    }

    private static async Task<AnalyticsFigures> FiguresFromEventsAsync(IEventSession session, Guid projectId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync(
            """
            select count(distinct visitor),
                   count(*) filter (where kind = 1),
                   count(*) filter (where kind in (2, 3)),
                   count(distinct visitor) filter (where kind in (2, 3)),
                   count(*) filter (where kind = 4),
                   count(distinct visitor) filter (where kind = 4)
              from navo_analytics_events
             where tenant_id = $1 and project_id = $2 and day between $3 and $4
            """,
            r => (Visitors: r.GetInt64(0), Views: r.GetInt64(1), Clicks: r.GetInt64(2), Clickers: r.GetInt64(3), Forms: r.GetInt64(4), Senders: r.GetInt64(5)),
            cancellationToken, session.Tenant.TenantId, projectId, from, to);
        var f = rows[0];
        return new AnalyticsFigures(f.Visitors, f.Views, f.Clicks, Rate(f.Clickers, f.Visitors), f.Forms, Rate(f.Senders, f.Visitors));
    }
}
