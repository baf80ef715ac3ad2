using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Navo.Host.Identity;
using Navo.Host.Identity.Sso;

namespace Navo.Host.Apis;

/// <summary>
/// Single sign-on. Owners connect their workspace's OpenID Connect provider at <c>/api/v1/workspace/sso</c>; the
/// sign-in page asks <c>POST /api/v1/auth/sso {email}</c> where to go, and the browser follows it to
/// <c>/api/v1/auth/sso/start/{workspace}</c>, which challenges the provider; the provider sends it back to
/// <c>/api/v1/auth/sso/callback/{workspace}</c>, which the handler answers.
/// </summary>
public static class SsoApi
{
    public sealed record SsoRequest(string? Email);

    public sealed record SsoRedirect(string Redirect);

    public static IEndpointRouteBuilder MapSsoApi(this IEndpointRouteBuilder app)
    {
        var owner = app.MapGroup("/api/v1/workspace/sso").WithTags("Workspace").RequireAuthorization(Policies.Owner);
        owner.MapGet("/", GetAsync).WithName("GetSso");
        owner.MapPut("/", PutAsync).WithName("ConnectSso");
        owner.MapDelete("/", DeleteAsync).WithName("RemoveSso");

        var auth = app.MapGroup("/api/v1/auth/sso").WithTags("Accounts").AllowAnonymous();
        auth.MapPost("/", FindAsync).WithName("FindSso").RequireRateLimiting(AccountsApi.RateLimit);
        auth.MapGet("/start/{workspace}", StartAsync).WithName("StartSso").RequireRateLimiting(AccountsApi.RateLimit);
        // The handler answers the callback of a workspace with a connection; this answers every other.
        auth.MapGet("/callback/{workspace}", () => TypedResults.Redirect("/signin?sso=failed")).ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Ok<SsoConnectionView>, NotFound>> GetAsync(HttpContext http, SsoConnections connections, CancellationToken cancellationToken) =>
        await connections.FindAsync(http.User.Member()!.TenantId, cancellationToken) is { } connection
            ? TypedResults.Ok(SsoConnections.View(connection, Origin(http)))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<SsoConnectionView>, ProblemHttpResult>> PutAsync(
        SsoConnectionRequest request, HttpContext http, SsoConnections connections, CancellationToken cancellationToken)
    {
        var (saved, problem) = await connections.SaveAsync(http.User.Member()!, request, cancellationToken);
        return saved is null ? AccountsApi.Problem(http, problem!) : TypedResults.Ok(SsoConnections.View(saved, Origin(http)));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteAsync(HttpContext http, SsoConnections connections, CancellationToken cancellationToken) =>
        await connections.RemoveAsync(http.User.Member()!, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Where an address signs in with SSO: the start of its workspace's sign-in, or 404 when no workspace vouches for its domain.</summary>
    public static async Task<Results<Ok<SsoRedirect>, ProblemHttpResult>> FindAsync(
        SsoRequest request, HttpContext http, SsoConnections connections, CancellationToken cancellationToken)
    {
        if (Accounts.CheckEmail(request.Email) is { } invalid)
        {
            return AccountsApi.Problem(http, invalid);
        }

        var email = request.Email!.Trim();
        return await connections.FindByEmailAsync(email, cancellationToken) is { } connection
            ? TypedResults.Ok(new SsoRedirect($"{SsoPaths.Start}/{connection.TenantId}?{SsoEvents.LoginHint}={Uri.EscapeDataString(email)}"))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No single sign-on for this address.",
                detail: "No workspace signs in people from this e-mail's domain with its own provider. Sign in with your password instead.");
    }

    /// <summary>Sends the browser to the workspace's provider (state, nonce and PKCE by the handler).</summary>
    public static async Task<Results<EmptyHttpResult, RedirectHttpResult, ProblemHttpResult>> StartAsync(string workspace, HttpContext http, Accounts accounts)
    {
        if (http.Items[SsoWorkspaceResolution.ItemKey] is not SsoConnection connection)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No single sign-on for this workspace.",
                detail: "This workspace has no identity provider connected. Sign in with your password instead.");
        }

        var properties = new AuthenticationProperties { RedirectUri = "/studio" };
        if (http.Request.Query[SsoEvents.LoginHint].ToString() is { Length: > 0 and <= 320 } hint && Accounts.CheckEmail(hint) is null)
        {
            properties.Items[SsoEvents.LoginHint] = hint;
        }

        try
        {
            await http.ChallengeAsync(WorkspaceSsoOptions.Scheme, properties);
            return TypedResults.Empty;
        }
        catch (Exception unreachable) when (unreachable is InvalidOperationException or HttpRequestException)
        {
            // The handler reads the provider's discovery document first: a provider that is down, misnamed or (without
            // Navo:Auth:SsoPrivateIssuers) on a private address ends here, before anything was sent to the browser.
            await accounts.RefuseSsoAsync(connection.TenantId, "the provider's discovery document could not be read", http.RequestAborted);
            return TypedResults.Redirect("/signin?sso=failed");
        }
    }

    private static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
