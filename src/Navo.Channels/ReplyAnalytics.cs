using System.Globalization;
using System.Text.Json.Nodes;
using Navo.Agent.Conversations;
using Navo.EventStore;
using Navo.Tools.Analyze;
using Navo.Tools.Projects;

namespace Navo.Channels;

/// <summary>
/// A site's report for the period a reply's analytics card names, read when the reply is drawn, and the words every
/// channel shows its figures with (Slack's fields, Teams' facts).
/// </summary>
public sealed record ReplyAnalytics(AnalyticsPeriod Period, AnalyticsReport Report)
{
    /// <summary>The period before, to compare with; none for all time.</summary>
    public AnalyticsFigures? Previous => Period == AnalyticsPeriod.All ? null : Report.Previous;

    public string Title => "Your site, " + Period switch
    {
        AnalyticsPeriod.Days7 => "the last 7 days",
        AnalyticsPeriod.Days30 => "the last 30 days",
        AnalyticsPeriod.Days90 => "the last 90 days",
        _ => "since it started",
    };

    /// <summary>The report an analytics card of <paramref name="reply"/> names, as the analytics API reads it; null without one, or for a project not in the member's workspace.</summary>
    public static async Task<ReplyAnalytics?> ReadAsync(PostgresEventStore store, TenantContext tenant, AgentReply reply, TimeProvider time, CancellationToken cancellationToken)
    {
        if (reply.Cards.FirstOrDefault(c => c.Type == "analytics") is not { } card
            || !Guid.TryParse(Scalar(card.Data["projectId"]), out var project) || !AnalyticsPeriods.TryParse(Scalar(card.Data["period"]), out var period))
        {
            return null;
        }

        await using var session = store.OpenSession(tenant);
        if (await ProjectService.GetAsync(session, project, cancellationToken) is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return new ReplyAnalytics(period, await SiteAnalytics.ReportAsync(session, project, period, today, cancellationToken));
    }

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>How a figure moved since the period before, to follow it (" (+20% on the period before)"); empty without one.</summary>
    public static string Change(long value, long? before) => before switch
    {
        null => string.Empty,
        0 when value == 0 => " (no change)",
        0 => " (new)",
        _ => " (" + ((value - before.Value) / (double)before.Value).ToString("+0%;-0%;±0%", CultureInfo.InvariantCulture) + " on the period before)",
    };

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A card's value as text, whether it holds a string or a value written as one (a Guid, a period).</summary>
    private static string? Scalar(JsonNode? node) => node?.ToJsonString().Trim('"');
}
