using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Navo.Agent.Conversations;
using Navo.Tools.Experiments;
using Navo.Tools.Sites;

namespace Navo.Agent.Tools;

/// <summary>The tools of A/B tests: <c>start_experiment</c> and <c>conclude_experiment</c>.</summary>
public sealed partial class NavoTools
{
    private static async Task<ToolResult> StartExperimentAsync(IServiceProvider services, string section, string field, string variant, CancellationToken cancellationToken)
    {
        var scope = TurnServices.Scope(services);
        if (scope.ProjectId is not { } projectId)
        {
            return ToolResult.Error("There is no site in this conversation yet.");
        }

        var change = await services.GetRequiredService<ExperimentService>().StartAsync(scope.Session, projectId, section, field, variant, scope.By, cancellationToken);
        if (change is not { Outcome: ExperimentOutcome.Ok, Project: { } project, Experiment: { } experiment })
        {
            return ToolResult.Error(change.Error ?? "There is no such site in this workspace.");
        }

        return ToolResult.Ok(
            $"Started an experiment: half your visitors now see '{experiment.Variant}' and half '{experiment.Original}' "
            + $"({SectionCatalog.Describe(experiment.Field)}). I'll compare how many of each click or send the form; "
            + $"I need at least {ExperimentMath.MinimumViewsPerArm} visitors on each side before I call a winner.",
            projectId, project.Version, card: ExperimentCard(experiment, ExperimentMath.Evaluate(new(0, 0), new(0, 0))));
    }

    private static async Task<ToolResult> ConcludeExperimentAsync(IServiceProvider services, bool apply, string? experiment, CancellationToken cancellationToken)
    {
        var scope = TurnServices.Scope(services);
        if (scope.ProjectId is not { } projectId)
        {
            return ToolResult.Error("There is no site in this conversation yet.");
        }

        Guid? id = null;
        if (!string.IsNullOrWhiteSpace(experiment))
        {
            if (!Guid.TryParse(experiment.Trim(), out var parsed))
            {
                return ToolResult.Error("An experiment is named by its id; leave it out to end the one running.");
            }

            id = parsed;
        }

        var change = await services.GetRequiredService<ExperimentService>().ConcludeAsync(scope.Session, projectId, id, apply, scope.By, cancellationToken);
        if (change is not { Outcome: ExperimentOutcome.Ok, Project: { } project, Experiment: { } ended, Result: { } result })
        {
            return ToolResult.Error(change.Error ?? "There is no such site in this workspace.");
        }

        var figures = ExperimentReport.Describe(ended, result);
        var reply = ended.Status switch
        {
            ExperimentOutcomes.Applied => $"{figures} I put '{ended.Variant}' into the site as a new version; publish it to make it live for everyone.",
            ExperimentOutcomes.Kept => $"{figures} The experiment has ended and the original, '{ended.Original}', stays.",
            _ => $"Stopped the experiment; every visitor sees '{ended.Original}' again and the site is as it was. {figures}",
        };
        return ToolResult.Ok(reply, projectId, project.Version, card: ExperimentCard(ended, result));
    }

    /// <summary>
    /// The <c>experiment</c> card: both texts with their visitors and conversions as the reply left them, the chance the
    /// variant is better, and the verdict (<c>not_enough_data</c> below the minimum: the studio then says so instead).
    /// </summary>
    private static ReplyCard ExperimentCard(Experiment experiment, ExperimentResult result) => new("experiment", new JsonObject
    {
        ["id"] = experiment.Id.ToString(),
        ["field"] = SectionCatalog.Describe(experiment.Field),
        ["status"] = experiment.Status,
        ["original"] = Arm(experiment.Original, result.Original),
        ["variant"] = Arm(experiment.Variant, result.Variant),
        ["chanceVariantBeatsOriginal"] = Math.Round(result.ChanceVariantBeatsOriginal, 4),
        ["verdict"] = result.Verdict switch
        {
            ExperimentVerdict.NotEnoughData => "not_enough_data",
            ExperimentVerdict.VariantWins => "variant_wins",
            ExperimentVerdict.OriginalWins => "original_wins",
            _ => "no_winner_yet",
        },
        ["minimumViewsPerArm"] = ExperimentMath.MinimumViewsPerArm,
    });

    private static JsonObject Arm(string text, ArmFigures figures) => new()
    {
        ["text"] = text,
        ["views"] = figures.Views,
        ["conversions"] = figures.Conversions,
    };
}
