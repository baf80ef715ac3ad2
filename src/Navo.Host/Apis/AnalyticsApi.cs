using Microsoft.AspNetCore.Http.HttpResults;
using Navo.EventStore;
using Navo.Host.Identity;
using Navo.Tools.Analyze;

namespace Navo.Host.Apis;

/// <summary>
/// <c>GET /api/v1/projects/{id}/analytics?period=7d|30d|90d|all</c>: a site's visitors and what they did, for any member;
/// <c>GET …/analytics/chart?period=…</c>: its daily visitors as an SVG for the studio's analytics card.
/// </summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/projects").WithTags("Analytics").RequireAuthorization(Policies.Member);
        group.MapGet("/{id:guid}/analytics", ReportAsync).WithName("ProjectAnalytics");
        group.MapGet("/{id:guid}/analytics/chart", ChartAsync).WithName("ProjectAnalyticsChart");
        return app;
    }

    /// <summary>
    /// The report of the period (default <c>30d</c>: the last 30 days, today included, in UTC) against the period before;
    /// the rates are shares of the period's visitors.
    /// </summary>
    public static async Task<Results<Ok<AnalyticsReport>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        Guid id, string? period, [AsParameters] ProjectsApi.ProjectServices services, PostgresEventStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(id, period, services, store, time, cancellationToken);
        return read.Problem is { } problem ? Problem(problem) : TypedResults.Ok(read.Report!);
    }

    /// <summary>
    /// The period's daily visitors drawn as an SVG image (<see cref="AnalyticsChart"/>): named and described for screen
    /// readers by its own title and description, which carry the figures.
    /// </summary>
    public static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> ChartAsync(
        Guid id, string? period, [AsParameters] ProjectsApi.ProjectServices services, PostgresEventStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(id, period, services, store, time, cancellationToken);
        if (read.Problem is { } problem)
        {
            return problem.Validation is { } validation ? validation : problem.NotFound!;
        }

        return TypedResults.Text(AnalyticsChart.Svg(read.Report!, read.Name!, read.Period), "image/svg+xml; charset=utf-8");
    }

    private sealed record Failure(ValidationProblem? Validation, ProblemHttpResult? NotFound);

    private sealed record Read(AnalyticsReport? Report, string? Name, AnalyticsPeriod Period, Failure? Problem);

    private static Results<Ok<AnalyticsReport>, ValidationProblem, ProblemHttpResult> Problem(Failure failure) =>
        failure.Validation is { } validation ? validation : failure.NotFound!;

    private static async Task<Read> ReadAsync(
        Guid id, string? period, ProjectsApi.ProjectServices services, PostgresEventStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!AnalyticsPeriods.TryParse(period ?? "30d", out var parsed))
        {
            return new Read(null, null, parsed, new Failure(TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["period"] = ["The period is one of 7d, 30d, 90d or all."] }, title: "The period is not known."), null));
        }

        var tenant = services.Tenant;
        if (await services.Projects.GetAsync(tenant, id, cancellationToken) is not { } project)
        {
            // Another workspace's project answers exactly like one that does not exist.
            return new Read(null, null, parsed, new Failure(null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Project not found.",
                detail: "There is no project with that id in this workspace.")));
        }

        await using var session = store.OpenSession(tenant);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return new Read(await SiteAnalytics.ReportAsync(session, id, parsed, today, cancellationToken), project.Name, parsed, null);
    }
}
