using System.Globalization;

namespace Navo.Tools.Analyze;

/// <summary>The days of events: one partition of <c>navo_analytics_events</c> each, named by its day.</summary>
internal static class RawDays
{
    private const string Prefix = "navo_analytics_events_";

    /// <summary>
    /// A query of every day that has a partition, as <c>day</c>. The name is read only when it is a day's: the planner may
    /// test a condition on <c>day</c> against every row of <c>pg_class</c> before joining it to the partitions.
    /// </summary>
    public const string Partitions =
        "select case when c.relname ~ '^navo_analytics_events_[0-9]{8}$' then to_date(right(c.relname, 8), 'YYYYMMDD') end as day "
        + "from pg_inherits i join pg_class c on c.oid = i.inhrelid "
        + "where i.inhparent = 'navo_analytics_events'::regclass and c.relname ~ '^navo_analytics_events_[0-9]{8}$'";

    /// <summary>The days a report reads from events: those with a partition and no roll-up.</summary>
    public const string NotRolledUp =
        $"select p.day from ({Partitions}) p where not exists (select from navo_analytics_rolled_days r where r.day = p.day)";

    /// <summary>
    /// The first and last of <paramref name="days"/> (none: a span that holds no day), for a statement to say beside
    /// <c>day = any(…)</c>: a prepared statement's generic plan prunes partitions on a range of parameters, not on an
    /// array parameter, and without the range it reads every partition.
    /// </summary>
    public static (DateOnly First, DateOnly Last) Span(IReadOnlyCollection<DateOnly> days, DateOnly today) =>
        days.Count == 0 ? (today.AddDays(1), today) : (days.Min(), days.Max());

    /// <summary>The partition of <paramref name="day"/> (as <c>navo_analytics_partition</c> names it).</summary>
    public static string PartitionName(DateOnly day) => Prefix + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
