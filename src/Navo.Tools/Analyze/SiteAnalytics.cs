using Navo.EventStore;

namespace Navo.Tools.Analyze;

/// <summary>
/// A site's figures, read from <c>navo_analytics_events</c> in the caller's tenant session (row-level security keeps
/// them to the workspace). A visitor hash is new every day, so a person counts once a day: visitors over a period are
/// the sum of each day's.
/// </summary>
public static class SiteAnalytics
{
    /// <summary>How many pages and referrers a report lists.</summary>
    public const int Top = 10;

    /// <summary>The report of <paramref name="projectId"/> for <paramref name="period"/> ending <paramref name="today"/> (UTC).</summary>
    public static async Task<AnalyticsReport> ReportAsync(IEventSession session, Guid projectId, AnalyticsPeriod period, DateOnly today, CancellationToken cancellationToken)
    {
        var tenant = session.Tenant.TenantId;
        DateOnly from;
        AnalyticsFigures previous;
        if (period.Days() is { } days)
        {
            from = today.AddDays(1 - days);
            previous = await FiguresAsync(session, projectId, from.AddDays(-days), from.AddDays(-1), cancellationToken);
        }
        else
        {
            var first = await session.QueryAsync(
                "select min(day) from navo_analytics_events where tenant_id = $1 and project_id = $2",
                r => r.IsDBNull(0) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(0), cancellationToken, tenant, projectId);
            from = first[0] is { } day && day < today ? day : today;
            previous = new AnalyticsFigures(0, 0, 0, 0, 0, 0);
        }

        var figures = await FiguresAsync(session, projectId, from, today, cancellationToken);
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
            "select case when width is null then 'unknown' when width < 768 then 'mobile' when width < 1024 then 'tablet' else 'desktop' end as device, "
            + "count(distinct visitor) from navo_analytics_events "
            + "where tenant_id = $1 and project_id = $2 and day between $3 and $4 and kind = 1 group by device order by 2 desc, 1",
            r => new AnalyticsDevice(r.GetString(0), r.GetInt64(1)), cancellationToken, tenant, projectId, from, today);

        return new AnalyticsReport(
            figures.Visitors, figures.Pageviews, figures.CtaClicks, figures.CtaClickRate, figures.FormSubmissions, figures.ConversionRate,
            previous, daily, pages, referrers, devices,
            Suggest.SuggestionRates.From(await Suggest.SuggestionRecords.ReadAsync(session, projectId, from, cancellationToken)));
    }

    /// <summary>The headline figures of <paramref name="projectId"/> from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static async Task<AnalyticsFigures> FiguresAsync(IEventSession session, Guid projectId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
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

    private static double Rate(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
