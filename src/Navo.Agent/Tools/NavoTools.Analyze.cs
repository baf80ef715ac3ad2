using System.Text.Json;
using System.Text.Json.Nodes;
using Navo.Agent.Conversations;
using Navo.Tools.Analyze;
using Navo.Tools.Experiments;
using Navo.Tools.Projects;

namespace Navo.Agent.Tools;

/// <summary>The tool that reads a site's visitors and proposes what would improve it: <c>analyze_site</c>.</summary>
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

        // The report proposes what the site and its last 30 days suggest (design.md section 8), then lists every open one.
        if (await ProjectService.ProposeSuggestionsAsync(scope.Session, projectId, today, scope.By, cancellationToken) is not { } proposed)
        {
            return ToolResult.Error("I can't find that site any more.");
        }

        var ranked = await ProjectService.RankedSuggestionsAsync(scope.Session, proposed.Project, cancellationToken);
        var (list, card) = SuggestionList(ranked);
        var text = AnalyticsReplies.Summary(report, period) + "\n\n" + list;
        // A running experiment is how the owner asked to learn; its figures so far close the report.
        if (proposed.Project.AllExperiments.FirstOrDefault(e => e.IsRunning) is { } experiment)
        {
            var (original, variant) = await ExperimentFigures.ReadAsync(scope.Session, experiment.Id, cancellationToken);
            text += "\n\nExperiment running: " + ExperimentReport.Describe(experiment, ExperimentMath.Evaluate(original, variant));
        }

        return ToolResult.Ok(text, projectId, card: AnalyticsCard(projectId, period)) with
        {
            MoreCards = card is null ? [] : [card],
        };
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
