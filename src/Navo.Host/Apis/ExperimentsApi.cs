using Microsoft.AspNetCore.Http.HttpResults;
using Navo.Host.Identity;
using Navo.Tools;
using Navo.Tools.Experiments;
using Navo.Tools.Versions;

namespace Navo.Host.Apis;

/// <summary>
/// <c>/api/v1/projects/{id}/experiments</c>: a site's A/B tests with their figures (any member); starting one and
/// concluding or stopping it (editors and owners). Every refusal is a problem detail and writes nothing.
/// </summary>
public static class ExperimentsApi
{
    public static IEndpointRouteBuilder MapExperimentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/projects").WithTags("Experiments").RequireAuthorization(Policies.Member);
        group.MapGet("/{id:guid}/experiments", ListAsync).WithName("ListExperiments");
        group.MapPost("/{id:guid}/experiments", StartAsync).WithName("StartExperiment").RequireAuthorization(Policies.Editor);
        group.MapPost("/{id:guid}/experiments/{eid}/conclude", ConcludeAsync).WithName("ConcludeExperiment").RequireAuthorization(Policies.Editor);
        return app;
    }

    /// <summary>What to test: a section of the live site (type, <c>type#n</c> or id), one of its text fields, and the new text.</summary>
    public sealed record StartExperimentRequest(string? Section, string? Field, string? Variant);

    /// <summary><c>apply</c> (default true): put a winning variant into the site; false stops the experiment and changes nothing.</summary>
    public sealed record ConcludeExperimentRequest(bool? Apply);

    public sealed record ArmResponse(long Views, long Conversions, double Rate);

    /// <summary>The figures and what they say: <c>verdict</c> is <c>not_enough_data</c>, <c>no_winner_yet</c>, <c>variant_wins</c> or <c>original_wins</c>.</summary>
    public sealed record ResultsResponse(ArmResponse Original, ArmResponse Variant, double ChanceVariantBeatsOriginal,
        double ExpectedLossVariant, double ExpectedLossOriginal, string Verdict, int MinimumViewsPerArm);

    /// <summary>An experiment; <c>reason</c> says why a publish, rollback or unpublish stopped it (null otherwise).</summary>
    public sealed record ExperimentResponse(Guid Id, string Section, string SectionType, string Field, string Original, string Variant,
        string Status, long LiveVersion, DateTimeOffset? StartedAt, ResultsResponse Results, string Summary, string? Reason);

    public sealed record ExperimentListResponse(IReadOnlyList<ExperimentResponse> Experiments);

    /// <summary>The experiment as it ended, the site's version after it, and (when the variant was applied) the diff it made.</summary>
    public sealed record ConcludeResponse(ExperimentResponse Experiment, long Version, VersionDiff? Diff);

    public static async Task<Results<Ok<ExperimentListResponse>, ProblemHttpResult>> ListAsync(
        Guid id, [AsParameters] ProjectsApi.ProjectServices services, ExperimentService experiments, CancellationToken cancellationToken)
    {
        if (await experiments.ListAsync(services.Tenant, id, cancellationToken) is not { } list)
        {
            return Problem(StatusCodes.Status404NotFound, "Project not found.", "There is no project with that id in this workspace.");
        }

        return TypedResults.Ok(new ExperimentListResponse([.. list.Select(x => Response(x.Experiment, x.Result))]));
    }

    public static async Task<Results<Created<ExperimentResponse>, ValidationProblem, ProblemHttpResult>> StartAsync(
        Guid id, StartExperimentRequest? request, [AsParameters] ProjectsApi.ProjectServices services, ExperimentService experiments, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.Section))
        {
            errors["section"] = ["Name the section to test: its type (\"hero\", \"cta\"), type#n or id."];
        }

        if (string.IsNullOrWhiteSpace(request?.Field))
        {
            errors["field"] = ["Name the text field to test, such as \"ctaText\" or \"headline\"."];
        }

        if (string.IsNullOrWhiteSpace(request?.Variant))
        {
            errors["variant"] = ["Give the new text to try against the live one."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The experiment could not be started.");
        }

        var tenant = services.Tenant;
        var change = await experiments.StartAsync(tenant, id, request!.Section!, request.Field!, request.Variant!, new Actor(tenant.UserId, "api"), cancellationToken);
        if (Refusal(change) is { } refused)
        {
            return refused;
        }

        var experiment = change.Experiment!;
        return TypedResults.Created($"/api/v1/projects/{id}/experiments/{experiment.Id}",
            Response(experiment, ExperimentMath.Evaluate(new(0, 0), new(0, 0))));
    }

    public static async Task<Results<Ok<ConcludeResponse>, ValidationProblem, ProblemHttpResult>> ConcludeAsync(
        Guid id, string eid, ConcludeExperimentRequest? request, [AsParameters] ProjectsApi.ProjectServices services, ExperimentService experiments,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(eid, out var experimentId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["eid"] = ["An experiment id is a UUID, as the list of experiments gives it."] },
                title: "The experiment id is not one.");
        }

        var tenant = services.Tenant;
        var change = await experiments.ConcludeAsync(tenant, id, experimentId, request?.Apply ?? true, new Actor(tenant.UserId, "api"), cancellationToken);
        if (Refusal(change) is { } refused)
        {
            return refused;
        }

        var after = change.Project!;
        var diff = after.Site != change.Before!.Site ? await services.Projects.DiffAsync(tenant, id, change.Before.Version, after.Version, cancellationToken) : null;
        return TypedResults.Ok(new ConcludeResponse(Response(change.Experiment!, change.Result!), after.Version, diff));
    }

    private static ExperimentResponse Response(Experiment e, ExperimentResult r) =>
        new(e.Id, e.SectionId, e.SectionType, e.Field, e.Original, e.Variant, e.Status, e.LiveVersion, e.StartedAt,
            new ResultsResponse(Arm(r.Original), Arm(r.Variant), Math.Round(r.ChanceVariantBeatsOriginal, 4), Math.Round(r.ExpectedLossVariant, 6),
                Math.Round(r.ExpectedLossOriginal, 6), Verdict(r.Verdict), ExperimentMath.MinimumViewsPerArm),
            ExperimentReport.Describe(e, r), e.Reason);

    private static ArmResponse Arm(ArmFigures a) => new(a.Views, a.Conversions, Math.Round(a.Rate, 6));

    private static string Verdict(ExperimentVerdict verdict) => verdict switch
    {
        ExperimentVerdict.NotEnoughData => "not_enough_data",
        ExperimentVerdict.VariantWins => "variant_wins",
        ExperimentVerdict.OriginalWins => "original_wins",
        _ => "no_winner_yet",
    };

    private static ProblemHttpResult? Refusal(ExperimentChange change) => change.Outcome switch
    {
        // Another workspace's project or experiment answers exactly like one that does not exist.
        ExperimentOutcome.NotFound when change.Project is null => Problem(StatusCodes.Status404NotFound, "Project not found.", "There is no project with that id in this workspace."),
        ExperimentOutcome.NotFound => Problem(StatusCodes.Status404NotFound, "Experiment not found.", change.Error!),
        ExperimentOutcome.Invalid => Problem(StatusCodes.Status422UnprocessableEntity, "The experiment could not be started.", change.Error!),
        ExperimentOutcome.Conflict => Problem(StatusCodes.Status409Conflict, "The experiment could not be changed.", change.Error!),
        _ => null,
    };

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
