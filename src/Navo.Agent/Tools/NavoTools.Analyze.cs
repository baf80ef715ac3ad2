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
        // Proposing records suggestions (and counts them as surfaced), which is a change to the site: a viewer only
        // reads the ones an owner or editor, or the daily round, already recorded.
        var mayEdit = scope.May(ToolAccess.Edit);
        var project = mayEdit
            ? (await ProjectService.ProposeSuggestionsAsync(scope.Session, projectId, today, scope.By, cancellationToken))?.Project
            : await ProjectService.GetAsync(scope.Session, projectId, cancellationToken);
        if (project is null)
        {
            return ToolResult.Error("I can't find that site any more.");
        }

        var ranked = await ProjectService.RankedSuggestionsAsync(scope.Session, project, cancellationToken);
        var (list, card) = SuggestionList(ranked);
        var text = AnalyticsReplies.Summary(report, period) + "\n\n" + list;
        if (!mayEdit)
        {
            text += "\n\n" + (ranked.Count > 0 ? ViewerSuggestionsNote : ViewerNoSuggestionsNote);
        }

        // A running experiment is how the owner asked to learn; its figures so far close the report.
        if (project.AllExperiments.FirstOrDefault(e => e.IsRunning) is { } experiment)
        {
            var (original, variant) = await ExperimentFigures.ReadAsync(scope.Session, experiment.Id, cancellationToken);
            text += "\n\nExperiment running: " + ExperimentReport.Describe(experiment, ExperimentMath.Evaluate(original, variant));
        }

        return ToolResult.Ok(text, projectId, card: AnalyticsCard(projectId, period)) with
        {
            MoreCards = card is null ? [] : [card],
        };
    }

    /// <summary>What a viewer is told under the list: they may read suggestions, and an editor or owner applies them.</summary>
    internal const string ViewerSuggestionsNote = "You can read these suggestions; an editor or owner of the workspace can apply or dismiss them.";

    /// <summary>What a viewer is told when none are recorded: new ones come when an editor or owner asks, or with the daily round.</summary>
    internal const string ViewerNoSuggestionsNote = "New suggestions are made when an editor or owner of the workspace asks for them, or in Navo's daily round.";

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
