using System.Text.Json;
using System.Text.Json.Nodes;
using Navo.Agent.Conversations;
using Navo.Tools.Analyze;

namespace Navo.Agent.Tools;

/// <summary>The tool that reads a site's visitors: <c>analyze_site</c>.</summary>
public sealed partial class NavoTools
{
    private static async Task<ToolResult> AnalyzeAsync(TurnScope scope, TimeProvider time, AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        if (scope.ProjectId is not { } projectId)
        {
            return ToolResult.Error("There is no site in this conversation yet.");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var report = await SiteAnalytics.ReportAsync(scope.Session, projectId, period, today, cancellationToken);
        return ToolResult.Ok(AnalyticsReplies.Summary(report, period), projectId, card: AnalyticsCard(projectId, period));
    }

    /// <summary>
    /// The analytics card: which site and period. A channel draws it from the analytics API (the studio shows the chart
    /// the server draws, <c>…/analytics/chart</c>), so the conversation keeps no figures beyond the reply's sentences.
    /// </summary>
    private static ReplyCard AnalyticsCard(Guid projectId, AnalyticsPeriod period) => new("analytics", new JsonObject
    {
        ["projectId"] = projectId,
        ["period"] = JsonSerializer.SerializeToNode(period),
    });
}
