using Microsoft.AspNetCore.Http.HttpResults;
using Navo.Host.Identity;

namespace Navo.Host.Apis;

/// <summary><c>/api/v1/workspace</c>: members and their roles, invitations, API keys. Changes are the owner's.</summary>
public static class WorkspaceApi
{
    public sealed record InvitationRequest(string? Role);

    public sealed record InvitationResponse(string Token, string Role, DateTimeOffset ExpiresAt, string Link);

    public sealed record AcceptRequest(string? Invitation);

    public sealed record RoleRequest(string? Role);

    public sealed record ApiKeyRequest(string? Name, string? Role);

    public sealed record ApiKeyCreated(string Key, ApiKeyView ApiKey);

    public static IEndpointRouteBuilder MapWorkspaceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/workspace").WithTags("Workspace").RequireAuthorization(Policies.Member);
        group.MapGet("/members", MembersAsync).WithName("ListMembers");
        group.MapPut("/members/{userId:guid}", ChangeRoleAsync).WithName("ChangeMemberRole").RequireAuthorization(Policies.Owner);
        group.MapDelete("/members/{userId:guid}", RemoveAsync).WithName("RemoveMember").RequireAuthorization(Policies.Owner);
        group.MapPost("/invitations", InviteAsync).WithName("Invite").RequireAuthorization(Policies.Owner);
        group.MapGet("/api-keys", ListKeysAsync).WithName("ListApiKeys").RequireAuthorization(Policies.Owner);
        group.MapPost("/api-keys", CreateKeyAsync).WithName("CreateApiKey").RequireAuthorization(Policies.Owner);
        group.MapDelete("/api-keys/{id:guid}", RevokeKeyAsync).WithName("RevokeApiKey").RequireAuthorization(Policies.Owner);
        app.MapPost("/api/v1/invitations/accept", AcceptAsync).WithTags("Workspace").WithName("AcceptInvitation").RequireAuthorization(Policies.Member);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<MemberView>>> MembersAsync(HttpContext http, Accounts accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await accounts.MembersAsync(http.User.Member()!.TenantId, cancellationToken));

    public static async Task<Results<NoContent, ProblemHttpResult>> ChangeRoleAsync(
        Guid userId, RoleRequest request, HttpContext http, Accounts accounts, CancellationToken cancellationToken) =>
        await accounts.ChangeMemberAsync(http.User.Member()!, userId, request.Role ?? string.Empty, cancellationToken) is { } problem
            ? AccountsApi.Problem(http, problem)
            : TypedResults.NoContent();

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(Guid userId, HttpContext http, Accounts accounts, CancellationToken cancellationToken) =>
        await accounts.ChangeMemberAsync(http.User.Member()!, userId, null, cancellationToken) is { } problem
            ? AccountsApi.Problem(http, problem)
            : TypedResults.NoContent();

    public static async Task<Results<Created<InvitationResponse>, ProblemHttpResult>> InviteAsync(
        InvitationRequest request, HttpContext http, Accounts accounts, CancellationToken cancellationToken)
    {
        var (invitation, problem) = await accounts.InviteAsync(http.User.Member()!, request.Role, cancellationToken);
        return invitation is null
            ? AccountsApi.Problem(http, problem!)
            : TypedResults.Created((string?)null, new InvitationResponse(invitation.Token, invitation.Role, invitation.ExpiresAt, $"/signup#invitation={invitation.Token}"));
    }

    public static async Task<Results<Ok<WorkspaceView>, ProblemHttpResult>> AcceptAsync(
        AcceptRequest request, HttpContext http, Accounts accounts, CancellationToken cancellationToken)
    {
        if (await accounts.AcceptInvitationAsync(http.User.Member()!.UserId, request.Invitation, cancellationToken) is not { } joined)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The invitation is not valid.",
                detail: "The invitation link is wrong, used or expired. Ask for a new one.");
        }

        var me = await accounts.MeAsync(joined, cancellationToken);
        return TypedResults.Ok(me!.Workspace);
    }

    public static async Task<Ok<IReadOnlyList<ApiKeyView>>> ListKeysAsync(HttpContext http, ApiKeys keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(http.User.Member()!.TenantId, cancellationToken));

    public static async Task<Results<Created<ApiKeyCreated>, ProblemHttpResult>> CreateKeyAsync(
        ApiKeyRequest request, HttpContext http, ApiKeys keys, CancellationToken cancellationToken)
    {
        var (key, view, problem) = await keys.CreateAsync(http.User.Member()!, request.Name, request.Role, cancellationToken);
        return key is null ? AccountsApi.Problem(http, problem!) : TypedResults.Created((string?)null, new ApiKeyCreated(key, view!));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(Guid id, HttpContext http, ApiKeys keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(http.User.Member()!, id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "API key not found.", detail: "There is no such active key in this workspace.");
}
