using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Navo.Host.Identity;
using Navo.Tools;
using Navo.Tools.Edit;
using Navo.Tools.Generate;
using Navo.Tools.Projects;
using Navo.Tools.Publish;
using Navo.Tools.Versions;

namespace Navo.Host.Apis;

/// <summary><c>/api/v1/projects</c>: generate, list, read, edit with If-Match, history, diff and revert.</summary>
public static partial class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/projects").WithTags("Projects").RequireAuthorization(Policies.Member);
        group.MapPost("/", GenerateAsync).WithName("GenerateProject").RequireAuthorization(Policies.Editor);
        group.MapGet("/", ListAsync).WithName("ListProjects");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetProject");
        group.MapPost("/{id:guid}/operations", EditAsync).WithName("EditProject").RequireAuthorization(Policies.Editor);
        group.MapGet("/{id:guid}/history", HistoryAsync).WithName("ProjectHistory");
        group.MapGet("/{id:guid}/diff", DiffAsync).WithName("DiffProject");
        group.MapPost("/{id:guid}/revert", RevertAsync).WithName("RevertProject").RequireAuthorization(Policies.Editor);
        group.MapGet("/{id:guid}/leads", LeadsAsync).WithName("ProjectLeads");
        group.MapPost("/{id:guid}/publish", (Guid id, [AsParameters] ProjectServices services, PublishService publisher, CancellationToken ct) =>
            PublishAsync(id, PublishAction.Publish, null, services, publisher, ct)).WithName("PublishProject").RequireAuthorization(Policies.Editor);
        group.MapPost("/{id:guid}/rollback", (Guid id, RollbackRequest? request, [AsParameters] ProjectServices services, PublishService publisher, CancellationToken ct) =>
            PublishAsync(id, PublishAction.Rollback, request?.Version, services, publisher, ct)).WithName("RollbackProject").RequireAuthorization(Policies.Editor);
        group.MapPost("/{id:guid}/unpublish", (Guid id, [AsParameters] ProjectServices services, PublishService publisher, CancellationToken ct) =>
            PublishAsync(id, PublishAction.Unpublish, null, services, publisher, ct)).WithName("UnpublishProject").RequireAuthorization(Policies.Editor);
        return app;
    }

    public static async Task<Results<Created<ProjectResponse>, ValidationProblem>> GenerateAsync(
        GenerateRequest request, [AsParameters] ProjectServices services, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The site could not be drafted.");
        }

        var tenant = services.Tenant;
        var (project, _) = await services.Projects.GenerateAsync(
            tenant, new GenerationRequest(request.Description!.Trim(), request.BusinessName?.Trim(), request.Industry?.Trim()),
            new Actor(tenant.UserId, "api"), cancellationToken: cancellationToken);
        services.HttpContext.Response.Headers.ETag = ETagOf(project.SiteVersion);
        return TypedResults.Created($"/api/v1/projects/{project.Id}", ProjectResponse.From(project));
    }

    public static async Task<Ok<IReadOnlyList<ProjectSummary>>> ListAsync([AsParameters] ProjectServices services, CancellationToken cancellationToken) =>
        TypedResults.Ok(await services.Projects.ListAsync(services.Tenant, cancellationToken));

    public static async Task<Results<Ok<ProjectResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, [AsParameters] ProjectServices services, CancellationToken cancellationToken)
    {
        if (await services.Projects.GetAsync(services.Tenant, id, cancellationToken) is not { } project)
        {
            return NotFound();
        }

        var etag = ETagOf(project.SiteVersion);
        services.HttpContext.Response.Headers.ETag = etag;
        // The ETag names the document; the body also says what is live. When something other than the document
        // changed last (a publish), the caller's copy may be older than the body, so it gets the body.
        return services.HttpContext.Request.Headers.IfNoneMatch.Contains(etag) && project.Version == project.SiteVersion
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(ProjectResponse.From(project));
    }

    public static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> EditAsync(
        Guid id, EditRequest request, [AsParameters] ProjectServices services, CancellationToken cancellationToken)
    {
        if (request.Operations is not { Length: > 0 } elements)
        {
            return Unprocessable("Say what to change: send at least one operation.", 0);
        }

        if (elements.Length > 50)
        {
            return Unprocessable("Send at most 50 operations at once.", 50);
        }

        var (operations, failed, error) = EditOperationJson.Read(elements);
        return error is not null ? Unprocessable(error, failed!.Value) : await ChangeAsync(id, operations, services, cancellationToken);
    }

    public static Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> RevertAsync(
        Guid id, RevertRequest request, [AsParameters] ProjectServices services, CancellationToken cancellationToken) =>
        ChangeAsync(id, [new Revert(request.Version)], services, cancellationToken);

    public static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, ProblemHttpResult>> HistoryAsync(
        Guid id, [AsParameters] ProjectServices services, CancellationToken cancellationToken) =>
        await services.Projects.HistoryAsync(services.Tenant, id, cancellationToken) is { } history ? TypedResults.Ok(history) : NotFound();

    public static async Task<Results<Ok<VersionDiff>, ProblemHttpResult>> DiffAsync(
        Guid id, long from, long to, [AsParameters] ProjectServices services, CancellationToken cancellationToken) =>
        await services.Projects.DiffAsync(services.Tenant, id, from, to, cancellationToken) is { } diff
            ? TypedResults.Ok(diff)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Version not found.",
                detail: "This workspace has no such project, or the project has no such version.");

    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> ChangeAsync(
        Guid id, IReadOnlyList<EditOperation> operations, ProjectServices services, CancellationToken cancellationToken)
    {
        if (!TryReadIfMatch(services.HttpContext.Request, out var expected))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The version does not match.",
                detail: "If-Match must hold the ETag of the version you loaded, such as \"3\".");
        }

        var tenant = services.Tenant;
        var change = await services.Projects.EditAsync(tenant, id, expected, operations, new Actor(tenant.UserId, "api"), cancellationToken);
        switch (change.Outcome)
        {
            case ProjectOutcome.NotFound:
                return NotFound();
            case ProjectOutcome.VersionMoved:
                return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The project has changed.",
                    detail: "Someone changed the project since you loaded it. Load it again and retry.",
                    extensions: new Dictionary<string, object?> { ["currentVersion"] = change.CurrentVersion });
            case ProjectOutcome.Invalid:
                return Unprocessable(change.Error!, change.FailedOperation ?? 0);
            case ProjectOutcome.Conflict:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The project is busy.", detail: change.Error);
            default:
                services.HttpContext.Response.Headers.ETag = ETagOf(change.Project!.SiteVersion);
                return TypedResults.Ok(ProjectResponse.From(change.Project));
        }
    }

    /// <summary>The contact-form messages of a site, as JSON or (<c>?format=csv</c>) a CSV file.</summary>
    public static async Task<IResult> LeadsAsync(Guid id, string? format, [AsParameters] ProjectServices services, Leads leads, CancellationToken cancellationToken)
    {
        var tenant = services.Tenant;
        if (await services.Projects.GetAsync(tenant, id, cancellationToken) is null)
        {
            return NotFound();
        }

        var list = await leads.ListAsync(tenant, id, cancellationToken);
        return format == "csv"
            ? TypedResults.File(LeadsCsv.Write(list), "text/csv; charset=utf-8", $"leads-{id:N}.csv")
            : TypedResults.Ok(list);
    }

    public static async Task<Results<Ok<PublishResponse>, ProblemHttpResult>> PublishAsync(
        Guid id, PublishAction action, long? version, ProjectServices services, PublishService publisher, CancellationToken cancellationToken)
    {
        var tenant = services.Tenant;
        var outcome = await publisher.RunAsync(tenant, id, action, version, new Actor(tenant.UserId, "api"), cancellationToken);
        return outcome.Outcome switch
        {
            ProjectOutcome.NotFound => NotFound(),
            ProjectOutcome.Ok => TypedResults.Ok(new PublishResponse(outcome.Message, outcome.Project!.Live is { } live
                ? new LiveResponse(live.Version, live.Slug, PublishService.SitePath(live.Slug)) : null)),
            ProjectOutcome.VersionMoved => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The project has changed.", detail: outcome.Message),
            // The site storage is full or not writable: the server's fault, not the request's; nothing changed.
            ProjectOutcome.Unavailable => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The site could not be published.", detail: outcome.Message),
            _ => Unprocessable(outcome.Message, 0),
        };
    }

    /// <summary>If-Match as a version: <c>"3"</c>, <c>W/"3"</c> or <c>3</c>; absent means "whatever is current".</summary>
    private static bool TryReadIfMatch(HttpRequest request, out long? version)
    {
        version = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return true;
        }

        var digits = header.Replace("W/", string.Empty, StringComparison.Ordinal).Trim('"');
        if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            version = parsed;
            return true;
        }

        return false;
    }

    private static ProblemHttpResult NotFound() =>
        // Another workspace's project answers exactly like one that does not exist.
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Project not found.",
            detail: "There is no project with that id in this workspace.");

    private static ProblemHttpResult Unprocessable(string reason, int operation) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The change could not be made.", detail: reason,
            extensions: new Dictionary<string, object?> { ["operation"] = operation });

    /// <summary>
    /// The ETag of a project is the version of its site document (<see cref="ProjectState.SiteVersion"/>), not the stream's:
    /// publishing and other events that leave the document as it is keep an editor's <c>If-Match</c> valid.
    /// </summary>
    public static string ETagOf(long version) => $"\"{version}\"";
}
