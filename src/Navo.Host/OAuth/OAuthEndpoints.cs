using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Navo.EventStore;
using Navo.Host.Apis;
using Navo.Host.Audit;
using Navo.Host.Database;
using Navo.Host.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Navo.Host.OAuth;

/// <summary>
/// The endpoints OpenIddict passes through to Navo: the authorization endpoint (sign-in, then consent) and the token
/// endpoint (where the person's membership is checked again before every token), and dynamic client registration.
/// </summary>
public static partial class OAuthEndpoints
{
    public static WebApplication MapNavoOAuth(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<OAuthState>().Enabled)
        {
            LogDisabled(app.Logger);
            return app;
        }

        app.MapMethods(OAuthServer.AuthorizePath, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).ExcludeFromDescription();
        app.MapPost(OAuthServer.TokenPath, TokenAsync).ExcludeFromDescription().RequireRateLimiting(OAuthServer.TokenRateLimit);
        // RFC 7591, not Navo's versioned API: clients find it in the authorization server's metadata.
        app.MapPost(OAuthServer.RegisterPath, ClientRegistration.RegisterAsync).ExcludeFromDescription().RequireRateLimiting(AccountsApi.RateLimit);
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, IOpenIddictApplicationManager applications, NavoDatabase database, AuditLog audit)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict passes only authorization requests here.");
        if (!Uri.TryCreate(request.RedirectUri, UriKind.Absolute, out _))
        {
            // OAuth 2.1 asks every client to say where to return; without it there is nowhere to send the answer.
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request to connect has no redirect_uri.",
                detail: "Ask the assistant to connect again: its request did not say where to return.", extensions: new Dictionary<string, object?> { ["error"] = "invalid_request" });
        }

        var signedIn = await http.AuthenticateAsync(NavoAuthenticationHandler.KeyOrSessionScheme);
        if (signedIn.Principal?.Member() is not { } member || signedIn.Principal.FindFirst(NavoClaims.Method)?.Value != "session")
        {
            // Only a person in a browser consents: to the sign-in page, and back here with the same request.
            var query = HttpMethods.IsGet(http.Request.Method)
                ? http.Request.QueryString.Value
                : QueryString.Create(request.GetParameters().Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))).Value;
            return Results.Redirect("/signin?next=" + Uri.EscapeDataString(OAuthServer.AuthorizePath + query));
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted)
            ?? throw new InvalidOperationException("OpenIddict checked the client before passing the request on.");
        var clientName = await applications.GetDisplayNameAsync(application, http.RequestAborted) ?? request.ClientId!;
        var decision = HttpMethods.IsPost(http.Request.Method) ? (string?)request[ConsentPage.Decision] : null;
        if (decision is null)
        {
            return ConsentPage.Render(http, request, clientName, await WorkspaceNameAsync(database, member.TenantId, http.RequestAborted), member.Role);
        }

        if (decision != "allow")
        {
            await audit.WriteAsync(member.TenantId, AuditRecord.ByUser(member.UserId, "oauth.consent", request.ClientId, "denied", new { client = clientName }), http.RequestAborted);
            return Refuse(Errors.AccessDenied, "The person declined.");
        }

        var role = (string?)request[ConsentPage.Role];
        if (role is null || !ConsentPage.RolesFromLeast.Contains(role) || OAuthServer.Rank(role) > OAuthServer.Rank(member.Role))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The role is not valid.",
                detail: $"Choose viewer, editor or owner, and no more than your own role ({member.Role}).");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, member.UserId.ToString())
            .SetClaim(OAuthServer.TenantClaim, member.TenantId)
            .SetClaim(OAuthServer.RoleClaim, role);
        identity.SetScopes(request.GetScopes());
        identity.SetResources(OAuthServer.McpResource(http.Request));
        identity.SetAudiences(OAuthServer.McpResource(http.Request));
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        await audit.WriteAsync(member.TenantId, AuditRecord.ByUser(member.UserId, "oauth.consent", request.ClientId, "ok", new { client = clientName, role }), http.RequestAborted);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Redeems a code or a refresh token: only while the person is still a member, and never for more than their role now.</summary>
    private static async Task<IResult> TokenAsync(HttpContext http, Accounts accounts)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal
            || !Guid.TryParse(principal.GetClaim(Claims.Subject), out var userId)
            || principal.GetClaim(OAuthServer.TenantClaim) is not { } tenantId
            || principal.GetClaim(OAuthServer.RoleClaim) is not { } granted
            || await accounts.MembershipAsync(userId, tenantId, http.RequestAborted) is not { } member)
        {
            return Refuse(Errors.InvalidGrant, "The grant is no longer valid: its person left the workspace, or it was revoked.");
        }

        principal.SetClaim(OAuthServer.RoleClaim, OAuthServer.Lower(granted, member.Role));
        principal.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static async Task<string> WorkspaceNameAsync(NavoDatabase database, string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ScalarAsync<string>("select name from navo_tenants where id = $1", cancellationToken, tenantId);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "OAuth for /mcp is off: Navo:OAuth:SigningCertificate and Navo:OAuth:EncryptionCertificate are not configured; assistants connect with API keys")]
    private static partial void LogDisabled(ILogger logger);
}
