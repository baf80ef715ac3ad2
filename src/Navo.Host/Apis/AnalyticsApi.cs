using Microsoft.AspNetCore.Http.HttpResults;
using Navo.EventStore;
using Navo.Host.Identity;
using Navo.Tools.Analyze;

namespace Navo.Host.Apis;

/// <summary><c>GET /api/v1/projects/{id}/analytics?period=7d|30d|90d|all</c>: a site's visitors and what they did, for any member.</summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/projects").WithTags("Analytics").RequireAuthorization(Policies.Member)
            .MapGet("/{id:guid}/analytics", ReportAsync).WithName("ProjectAnalytics");
        return app;
    }

    /// <summary>
    /// The report of the period (default <c>30d</c>: the last 30 days, today included, in UTC) against the period before;
    /// the rates are shares of the period's visitors.
    /// </summary>
    public static async Task<Results<Ok<AnalyticsReport>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        Guid id, string? period, [AsParameters] ProjectsApi.ProjectServices services, PostgresEventStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!AnalyticsPeriods.TryParse(period ?? "30d", out var parsed))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["period"] = ["The period is one of 7d, 30d, 90d or all."] }, title: "The period is not known.");
        }

        var tenant = services.Tenant;
        if (await services.Projects.GetAsync(tenant, id, cancellationToken) is null)
        {
            // Another workspace's project answers exactly like one that does not exist.
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Project not found.",
                detail: "There is no project with that id in this workspace.");
        }

        await using var session = store.OpenSession(tenant);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(await SiteAnalytics.ReportAsync(session, id, parsed, today, cancellationToken));
    }
}
