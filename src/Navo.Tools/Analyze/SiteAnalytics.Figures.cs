using Navo.EventStore;

namespace Navo.Tools.Analyze;

public static partial class SiteAnalytics
{
    // The headline figures alone: every day of the period from its roll-up, except the days that still have a partition
    // and no roll-up ($5: today's, mostly), which are read from their events, counted per visitor and day (hashed, no
    // `count(distinct …)`) so that a visitor counts once a day as in the report. $1 tenant, $2 project, $3..$4 the
    // period, $6..$7 the first and last of $5 (RawDays.Span). The days are parameters, not a subquery, so that the
    // planner prunes the other days' partitions: it does not prune on an array a subquery returns.
    private const string FiguresStatement =
        """
        with days as (
            select visitors, pageviews, cta_clicks, cta_clickers, form_submissions as forms, form_senders as senders from navo_analytics_days
             where tenant_id = $1 and project_id = $2 and day between $3 and $4 and day <> all($5)
            union all
            select count(*), sum(pageviews)::bigint, sum(cta_clicks)::bigint, count(*) filter (where cta_clicks > 0), sum(forms)::bigint,
                   count(*) filter (where forms > 0)
              from (select day, count(*) filter (where kind = 1) as pageviews, count(*) filter (where kind in (2, 3)) as cta_clicks,
                           count(*) filter (where kind = 4) as forms
                      from navo_analytics_events
                     where tenant_id = $1 and project_id = $2 and day between $3 and $4 and day = any($5) and day between $6 and $7
                     group by day, visitor) v
             group by day)
        select coalesce(sum(visitors), 0)::bigint, coalesce(sum(pageviews), 0)::bigint, coalesce(sum(cta_clicks), 0)::bigint,
               coalesce(sum(cta_clickers), 0)::bigint, coalesce(sum(forms), 0)::bigint, coalesce(sum(senders), 0)::bigint
          from days
        """;

    /// <summary>
    /// The headline figures of <paramref name="projectId"/> over the last 30 days to <paramref name="today"/> (UTC): the
    /// same figures as the 30-day report's (<see cref="ReportAsync"/>), without its series, pages, referrers and devices.
    /// </summary>
    public static async Task<AnalyticsFigures> LastThirtyDaysAsync(IEventSession session, Guid projectId, DateOnly today, CancellationToken cancellationToken)
    {
        var from = today.AddDays(1 - AnalyticsPeriod.Days30.Days()!.Value);
        var raw = (await session.QueryAsync(RawDays.NotRolledUp, r => r.GetFieldValue<DateOnly>(0), cancellationToken)).ToArray();
        var (first, last) = RawDays.Span(raw, today);
        var rows = await session.QueryAsync(
            FiguresStatement,
            r => new Row(0, 0, null, null, [r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)]),
            cancellationToken, session.Tenant.TenantId, projectId, from, today, raw, first, last);
        return Figures(rows.Single());
    }
}
