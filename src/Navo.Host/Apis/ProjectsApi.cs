using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Navo.EventStore;
using Navo.Host.Identity;
using Navo.Tools;
using Navo.Tools.Projects;

namespace Navo.Host.Apis;

/// <summary><c>/api/v1/projects</c>: create a project and read it back with its version as an ETag.</summary>
public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/projects").WithTags("Projects");
        group.MapPost("/", CreateProjectAsync).WithName("CreateProject");
        group.MapGet("/{id:guid}", GetProjectAsync).WithName("GetProject");
        return app;
    }

    public static async Task<Results<Created<ProjectCreatedResponse>, ValidationProblem>> CreateProjectAsync(
        CreateProjectRequest request, [AsParameters] ProjectServices services, CancellationToken cancellationToken)
    {
        var tenant = services.Tenants.Resolve(services.HttpContext);
        var decision = ProjectDecider.Create(request.Name, request.Description, new Actor(tenant.UserId, "api"));
        if (!decision.IsAccepted)
        {
            return TypedResults.ValidationProblem(decision.Errors.ToDictionary(), title: "The project could not be created.");
        }

        var id = Guid.CreateVersion7();
        await using var session = services.Store.OpenSession(tenant);
        session.StartStream(id, ProjectList.StreamType, decision.Event!);
        var written = await session.SaveChangesAsync(cancellationToken);
        var version = written[^1].Version;
        services.HttpContext.Response.Headers.ETag = ETagOf(version);
        return TypedResults.Created($"/api/v1/projects/{id}", new ProjectCreatedResponse(id, decision.Event!.Name, version));
    }

    public static async Task<Results<Ok<ProjectResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetProjectAsync(
        Guid id, [AsParameters] ProjectServices services, CancellationToken cancellationToken)
    {
        var tenant = services.Tenants.Resolve(services.HttpContext);
        await using var session = services.Store.OpenSession(tenant);
        var project = await session.AggregateStreamAsync<ProjectState>(id, cancellationToken: cancellationToken);
        if (project is null || project.State.Id == Guid.Empty)
        {
            // Another workspace's project answers exactly like one that does not exist.
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Project not found.",
                detail: "There is no project with that id in this workspace.");
        }

        var etag = ETagOf(project.Version);
        services.HttpContext.Response.Headers.ETag = etag;
        if (services.HttpContext.Request.Headers.IfNoneMatch.Contains(etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var state = project.State;
        return TypedResults.Ok(new ProjectResponse(state.Id, state.Name, state.Description, project.Version, state.CreatedAt));
    }

    /// <summary>The ETag of a project is its version, the stream's version.</summary>
    public static string ETagOf(long version) => $"\"{version}\"";

    public sealed record CreateProjectRequest(string? Name, string? Description);

    public sealed record ProjectCreatedResponse(Guid Id, string Name, long Version);

    public sealed record ProjectResponse(Guid Id, string Name, string? Description, long Version, DateTimeOffset CreatedAt);

    public sealed class ProjectServices
    {
        public required HttpContext HttpContext { get; init; }

        [FromServices]
        public required PostgresEventStore Store { get; init; }

        [FromServices]
        public required ITenantResolver Tenants { get; init; }
    }
}
