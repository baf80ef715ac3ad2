using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Navo.Channels;
using Navo.Host.Audit;
using Navo.Host.DataRights;
using Navo.Host.Identity;

namespace Navo.Host.Apis;

/// <summary>
/// Data rights: <c>GET /api/v1/tenant/export</c> (a zip of everything), <c>DELETE /api/v1/tenant</c> (the workspace,
/// confirmed by typing its name) and <c>DELETE /api/v1/me</c> (the account, confirmed with its password).
/// </summary>
public static class DataRightsApi
{
    public sealed record DeleteWorkspaceRequest(string? Confirm);

    public sealed record DeleteAccountRequest(string? Password);

    public static IEndpointRouteBuilder MapDataRightsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Data rights");
        group.MapGet("/tenant/export", ExportAsync).WithName("ExportWorkspace").RequireAuthorization(Policies.Owner);
        group.MapDelete("/tenant", DeleteWorkspaceAsync).WithName("DeleteWorkspace").RequireAuthorization(Policies.Owner);
        group.MapDelete("/me", DeleteAccountAsync).WithName("DeleteAccount").RequireAuthorization(Policies.Member);
        return app;
    }

    public static async Task<FileContentHttpResult> ExportAsync(
        HttpContext http, ITenantResolver tenants, WorkspaceExport export, AuditLog audit, CancellationToken cancellationToken)
    {
        var tenant = tenants.Resolve(http);
        var zip = await export.WriteAsync(tenant, cancellationToken);
        await audit.WriteAsync(tenant.TenantId, new AuditRecord(tenant.UserId, AuditedAuthorizationResultHandler.Kind(http), "workspace.exported", null, "ok",
            new { bytes = zip.Length }), cancellationToken);
        return TypedResults.File(zip, "application/zip", $"navo-{tenant.TenantId}-{DateTimeOffset.UtcNow:yyyyMMdd}.zip");
    }

    /// <summary>Deletes the workspace when <c>confirm</c> is its name exactly.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteWorkspaceAsync(
        [FromBody] DeleteWorkspaceRequest request, HttpContext http, Accounts accounts, Erasure erasure, CancellationToken cancellationToken)
    {
        var member = http.User.Member()!;
        var me = await accounts.MeAsync(member, cancellationToken);
        if (me is null || request.Confirm != me.Workspace.Name)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Confirm the deletion.",
                detail: "Deleting a workspace removes its sites, conversations, leads and files for good. Send {\"confirm\"} with the workspace's name exactly.");
        }

        await erasure.DeleteWorkspaceAsync(member.TenantId, member.UserId, cancellationToken);
        http.Response.Cookies.Delete(NavoAuthenticationHandler.SessionCookie);
        return TypedResults.NoContent();
    }

    /// <summary>Deletes the signed-in account when the password is right.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAccountAsync(
        [FromBody] DeleteAccountRequest request, HttpContext http, Accounts accounts, Erasure erasure, CancellationToken cancellationToken)
    {
        var member = http.User.Member()!;
        if (!await accounts.CheckPasswordAsync(member.UserId, request.Password, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Confirm with your password.",
                detail: "Deleting your account cannot be undone. Send {\"password\"} with your password.");
        }

        if (await erasure.DeleteUserAsync(member.UserId, cancellationToken) is { } problem)
        {
            return AccountsApi.Problem(http, problem);
        }

        http.Response.Cookies.Delete(NavoAuthenticationHandler.SessionCookie);
        return TypedResults.NoContent();
    }
}
