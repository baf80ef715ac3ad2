using System.ComponentModel.DataAnnotations;

namespace Navo.Tools.Analyze;

/// <summary><c>Navo:Analytics</c>: how visits to published sites are taken in.</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Navo:Analytics";

    /// <summary>How many beacon events one client address may send a minute; past it, 429.</summary>
    [Range(1, 1_000_000)]
    public int EventsPerMinutePerAddress { get; set; } = 600;

    /// <summary>How many events wait in memory at most; when full, the beacon endpoint answers 503 instead of dropping one.</summary>
    [Range(100, 10_000_000)]
    public int BufferCapacity { get; set; } = 100_000;

    /// <summary>How often the buffer is written (milliseconds): at most a second, the most a crash can lose.</summary>
    [Range(10, 1000)]
    public int FlushMilliseconds { get; set; } = 1000;

    /// <summary>
    /// How many days of events are kept besides today's (UTC): older days, once rolled up, are dropped whole and read from
    /// their roll-ups. Visits arriving for such a day (a host cut off from the database that long) are not written.
    /// </summary>
    [Range(2, 36_500)]
    public int RawRetentionDays { get; set; } = 35;
}
