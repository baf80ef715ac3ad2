using Navo.EventStore;

namespace Navo.Tools.Analyze;

/// <summary>
/// A site's figures in the caller's tenant session (row-level security keeps them to the workspace): each day from its
/// roll-up (<see cref="AnalyticsRollups"/>) once it has one, else from its events in <c>navo_analytics_events</c>
/// (today, and a finished day not rolled up yet). Which days are which is read once, first, and the report is then one
/// statement that reads each day from exactly one of the two. A visitor hash is new every day, so a person counts once a day: visitors over
/// a period are the sum of each day's, and so are the visitors of a page, a referrer or a device.
/// </summary>
public static partial class SiteAnalytics
{
    /// <summary>How many pages and referrers a report lists.</summary>
    public const int Top = 10;

    /// <summary>A page view's device, from the viewport's width (<see cref="AnalyticsDevice"/>).</summary>
    internal const string Device =
        "case when width is null then 'unknown' when width < 768 then 'mobile' when width < 1024 then 'tablet' else 'desktop' end";

    // The whole report in one statement, so that the days read from events (today's, mostly) are scanned and planned
    // once. $1 tenant, $2 project, $3..$4 the period, $5 the days read from events, $6 the first day of the period
    // before, $7..$8 the first and last of $5 (RawDays.Span). `events` is those days' events; each figure of theirs is
    // counted per visitor first and then per day, page, referrer or device, so that every grouping hashes and none needs
    // a `count(distinct …)`, which sorts each group (those sorts were most of the report's time). `events` is not materialized: each use scans today's partition
    // again (a few milliseconds), but the planner then knows how many rows it groups and hashes them; over a
    // materialized CTE it guessed a few rows and sorted them instead. Pages, referrers and devices count page views
    // only, as the roll-up does.
    // Every row out is (part, rank, day, value, six figures): 0 the period's figures, 1 the period before's, 2 the
    // daily series, 3 pages, 4 referrers, 5 devices, each ranked as it is listed.
    private static readonly string Statement =
        $"""
        with events as not materialized (
            select day, kind, visitor, path, referrer, {Device} as device from navo_analytics_events
             where tenant_id = $1 and project_id = $2 and day between $6 and $4 and day = any($5) and day between $7 and $8),
        raw_days as (
            select day, count(*)::bigint as visitors, sum(pageviews)::bigint as pageviews, sum(cta_clicks)::bigint as cta_clicks,
                   count(*) filter (where cta_clicks > 0)::bigint as cta_clickers, sum(forms)::bigint as forms,
                   count(*) filter (where forms > 0)::bigint as senders
              from (select day, count(*) filter (where kind = 1) as pageviews, count(*) filter (where kind in (2, 3)) as cta_clicks,
                           count(*) filter (where kind = 4) as forms
                      from events group by day, visitor) v
             group by day),
        raw_counts as (
            select 1 as dimension, path::text as value, sum(n)::bigint as pageviews, count(*)::bigint as visitors
              from (select path, count(*) as n from events where kind = 1 and day >= $3 and path is not null group by day, visitor, path) v group by path
            union all
            select 2, referrer, sum(n)::bigint, count(*)
              from (select referrer, count(*) as n from events where kind = 1 and day >= $3 group by day, visitor, referrer) v group by referrer
            union all
            select 3, device, sum(n)::bigint, count(*)
              from (select device, count(*) as n from events where kind = 1 and day >= $3 group by day, visitor, device) v group by device),
        days as (
            select day, visitors, pageviews, cta_clicks, cta_clickers, form_submissions as forms, form_senders as senders from navo_analytics_days
             where tenant_id = $1 and project_id = $2 and day between $6 and $4 and day <> all($5)
            union all
            select day, visitors, pageviews, cta_clicks, cta_clickers, forms, senders from raw_days),
        counts as (
            select dimension, value, pageviews, visitors from navo_analytics_day_counts
             where tenant_id = $1 and project_id = $2 and day between $3 and $4 and day <> all($5)
            union all
            select dimension, value, pageviews, visitors from raw_counts),
        summed as (
            select dimension, value, sum(pageviews)::bigint as pageviews, sum(visitors)::bigint as visitors from counts group by dimension, value)
        select case when day >= $3 then 0 else 1 end, 0, null::date, null::varchar,
               coalesce(sum(visitors), 0)::bigint, coalesce(sum(pageviews), 0)::bigint, coalesce(sum(cta_clicks), 0)::bigint,
               coalesce(sum(cta_clickers), 0)::bigint, coalesce(sum(forms), 0)::bigint, coalesce(sum(senders), 0)::bigint
          from days group by 1
        union all
        select 2, 0, day, null, visitors, pageviews, 0, 0, 0, 0 from days where day >= $3
        union all
        select * from (
            select 3 as part, row_number() over (order by pageviews desc, value)::int as rank, null::date, value, pageviews, visitors, 0::bigint, 0::bigint, 0::bigint, 0::bigint
              from summed where dimension = 1
            union all
            select 4, row_number() over (order by visitors desc, value nulls first)::int, null, value, visitors, 0, 0, 0, 0, 0 from summed where dimension = 2
            union all
            select 5, row_number() over (order by visitors desc, value)::int, null, value, visitors, 0, 0, 0, 0, 0 from summed where dimension = 3) ranked
         where part = 5 or rank <= {Top}
        """;

    /// <summary>The report of <paramref name="projectId"/> for <paramref name="period"/> ending <paramref name="today"/> (UTC).</summary>
    public static async Task<AnalyticsReport> ReportAsync(IEventSession session, Guid projectId, AnalyticsPeriod period, DateOnly today, CancellationToken cancellationToken)
    {
        var tenant = session.Tenant.TenantId;
        var raw = (await session.QueryAsync(RawDays.NotRolledUp, r => r.GetFieldValue<DateOnly>(0), cancellationToken)).ToArray();
        var (rawFirst, rawLast) = RawDays.Span(raw, today);
        DateOnly from;
        if (period.Days() is { } days)
        {
            from = today.AddDays(1 - days);
        }
        else
        {
            var first = await session.QueryAsync(
                "select min(day) from (select min(day) as day from navo_analytics_days where tenant_id = $1 and project_id = $2 and day <> all($3) "
                + "union all select min(day) from navo_analytics_events where tenant_id = $1 and project_id = $2 and day = any($3) and day between $4 and $5) d",
                r => r.IsDBNull(0) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(0), cancellationToken, tenant, projectId, raw, rawFirst, rawLast);
            from = first[0] is { } day && day < today ? day : today;
        }

        // "All" has no period before: it starts where the period does, so none of its days are read.
        var before = period.Days() is { } span ? from.AddDays(-span) : from;
        var rows = await session.QueryAsync(
            Statement,
            r => new Row(r.GetInt32(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2), r.IsDBNull(3) ? null : r.GetString(3),
                [r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9)]),
            cancellationToken, tenant, projectId, from, today, raw, before, rawFirst, rawLast);
        var parts = rows.ToLookup(r => r.Part);
        var figures = Figures(parts[0].SingleOrDefault());
        var previous = Figures(parts[1].SingleOrDefault());
        var counted = parts[2].ToDictionary(r => r.Day!.Value, r => new AnalyticsDay(r.Day!.Value, r.N[0], r.N[1]));
        var daily = Enumerable.Range(0, today.DayNumber - from.DayNumber + 1)
            .Select(i => from.AddDays(i))
            .Select(day => counted.GetValueOrDefault(day) ?? new AnalyticsDay(day, 0, 0))
            .ToList();
        return new AnalyticsReport(
            figures.Visitors, figures.Pageviews, figures.CtaClicks, figures.CtaClickRate, figures.FormSubmissions, figures.ConversionRate, previous, daily,
            [.. parts[3].OrderBy(r => r.Rank).Select(r => new AnalyticsPage(r.Value!, r.N[0], r.N[1]))],
            [.. parts[4].OrderBy(r => r.Rank).Select(r => new AnalyticsReferrer(r.Value, r.N[0]))],
            [.. parts[5].OrderBy(r => r.Rank).Select(r => new AnalyticsDevice(r.Value!, r.N[0]))],
            Suggest.SuggestionRates.From(await Suggest.SuggestionRecords.ReadAsync(session, projectId, from, cancellationToken)));
    }

    private sealed record Row(int Part, int Rank, DateOnly? Day, string? Value, long[] N);

    private static AnalyticsFigures Figures(Row? row) => row is null
        ? new AnalyticsFigures(0, 0, 0, 0, 0, 0)
        : new AnalyticsFigures(row.N[0], row.N[1], row.N[2], Rate(row.N[3], row.N[0]), row.N[4], Rate(row.N[5], row.N[0]));

    private static double Rate(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
