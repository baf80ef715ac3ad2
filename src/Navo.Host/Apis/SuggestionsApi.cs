using Microsoft.AspNetCore.Http.HttpResults;
using Navo.EventStore;
using Navo.Host.Identity;
using Navo.Tools;
using Navo.Tools.Edit;
using Navo.Tools.Projects;
using Navo.Tools.Suggest;
using Navo.Tools.Versions;

namespace Navo.Host.Apis;

/// <summary>
/// <c>/api/v1/projects/{id}/suggestions</c>: a site's open suggestions, best first (any member), and applying or
/// dismissing one (editors and owners); <c>/api/v1/workspace/suggestions</c>: the workspace's apply rates per kind.
/// </summary>
public static class SuggestionsApi
{
    public static IEndpointRouteBuilder MapSuggestionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/projects").WithTags("Suggestions").RequireAuthorization(Policies.Member);
        group.MapGet("/{id:guid}/suggestions", ListAsync).WithName("ListSuggestions");
        group.MapPost("/{id:guid}/suggestions/{sid}/apply", ApplyAsync).WithName("ApplySuggestion").RequireAuthorization(Policies.Editor);
        group.MapPost("/{id:guid}/suggestions/{sid}/dismiss", DismissAsync).WithName("DismissSuggestion").RequireAuthorization(Policies.Editor);
        app.MapGet("/api/v1/workspace/suggestions", RatesAsync).WithTags("Suggestions").WithName("SuggestionRates").RequireAuthorization(Policies.Member);
        return app;
    }

    /// <summary>An open suggestion as listed: its number, what it does and why, and its operations (as <c>edit_site</c> takes them).</summary>
    public sealed record SuggestionResponse(int Number, Guid Id, string Kind, string Title, string Reason, string Effect, IReadOnlyList<EditOperation> Operations, double AcceptMean);

    public sealed record SuggestionListResponse(IReadOnlyList<SuggestionResponse> Suggestions);

    /// <summary>What applying or dismissing did: the suggestion, the site's version after it, and (for an apply) the diff it made.</summary>
    public sealed record SuggestionDecisionResponse(Guid Id, string Status, long Version, VersionDiff? Diff);

    public static async Task<Results<Ok<SuggestionListResponse>, ProblemHttpResult>> ListAsync(
        Guid id, [AsParameters] ProjectsApi.ProjectServices services, PostgresEventStore store, CancellationToken cancellationToken)
    {
        await using var session = store.OpenSession(services.Tenant);
        if (await ProjectService.GetAsync(session, id, cancellationToken) is not { } project)
        {
            return NotFound("Project not found.", "There is no project with that id in this workspace.");
        }

        var ranked = await ProjectService.RankedSuggestionsAsync(session, project, cancellationToken);
        return TypedResults.Ok(new SuggestionListResponse([.. ranked.Select(r =>
            new SuggestionResponse(r.Number, r.Suggestion.Id, r.Suggestion.Kind, r.Suggestion.Title, r.Suggestion.Reason, r.Suggestion.Effect, r.Suggestion.Operations, Math.Round(r.AcceptMean, 4)))]));
    }

    public static Task<Results<Ok<SuggestionDecisionResponse>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        Guid id, string sid, [AsParameters] ProjectsApi.ProjectServices services, CancellationToken cancellationToken) =>
        DecideAsync(id, sid, services, apply: true, cancellationToken);

    public static Task<Results<Ok<SuggestionDecisionResponse>, ValidationProblem, ProblemHttpResult>> DismissAsync(
        Guid id, string sid, [AsParameters] ProjectsApi.ProjectServices services, CancellationToken cancellationToken) =>
        DecideAsync(id, sid, services, apply: false, cancellationToken);

    /// <summary>The workspace's suggestions: surfaced, applied and dismissed, the apply rate overall and per kind.</summary>
    public static async Task<Ok<SuggestionRates>> RatesAsync([AsParameters] ProjectsApi.ProjectServices services, PostgresEventStore store, CancellationToken cancellationToken)
    {
        await using var session = store.OpenSession(services.Tenant);
        return TypedResults.Ok(SuggestionRates.From(await SuggestionRecords.ReadAsync(session, null, null, cancellationToken)));
    }

    private static async Task<Results<Ok<SuggestionDecisionResponse>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid id, string sid, ProjectsApi.ProjectServices services, bool apply, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(sid, out var suggestionId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sid"] = ["A suggestion id is a UUID, as the list of suggestions gives it."] },
                title: "The suggestion id is not one.");
        }

        var tenant = services.Tenant;
        var by = new Actor(tenant.UserId, "api");
        var change = apply
            ? await services.Projects.ApplySuggestionAsync(tenant, id, suggestionId, by, cancellationToken)
            : await services.Projects.DismissSuggestionAsync(tenant, id, suggestionId, by, cancellationToken);
        switch (change.Outcome)
        {
            case SuggestionOutcome.Ok:
                var after = change.Project!.Version;
                var diff = apply ? await services.Projects.DiffAsync(tenant, id, change.Before!.Version, after, cancellationToken) : null;
                return TypedResults.Ok(new SuggestionDecisionResponse(suggestionId, apply ? "applied" : "dismissed", after, diff));
            case SuggestionOutcome.NotFound when change.Project is null:
                return NotFound("Project not found.", "There is no project with that id in this workspace.");
            case SuggestionOutcome.NotFound:
                // Another workspace's suggestion answers exactly like one that does not exist.
                return NotFound("Suggestion not found.", "This site has no suggestion with that id.");
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                    title: change.Outcome == SuggestionOutcome.AlreadyDecided ? "The suggestion was already decided." : "The suggestion could not be applied.",
                    detail: change.Error);
        }
    }

    private static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);
}
