using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Navo.Host.Identity;

/// <summary>
/// Navo's own schemes: <c>Authorization: ApiKey {key}</c> or <c>X-Api-Key</c> (integrations), and the studio's session
/// cookie. Bearer tokens are ASP.NET Core's JwtBearer (<see cref="IdentitySetup"/>); <see cref="SchemeName"/> is the
/// policy scheme that sends each request to one or the other. Every way in is checked against the workspace
/// membership on every request, so a removed member or a revoked key stops at once.
/// </summary>
public sealed class NavoAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Accounts accounts, ApiKeys apiKeys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme endpoints authenticate with: it forwards bearer tokens to JwtBearer and everything else here.</summary>
    public const string SchemeName = "Navo";

    /// <summary>This handler's own scheme: API keys and the session cookie.</summary>
    public const string KeyOrSessionScheme = "Navo.KeyOrSession";

    public const string SessionCookie = "navo_session";

    /// <summary>Which scheme reads a request: JwtBearer for <c>Authorization: Bearer</c>, this handler for the rest.</summary>
    public static string SchemeFor(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? JwtBearerDefaults.AuthenticationScheme
            : KeyOrSessionScheme;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        var apiKeyHeader = Request.Headers["X-Api-Key"].ToString();
        if (authorization.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase) || apiKeyHeader.Length > 0)
        {
            var key = apiKeyHeader.Length > 0 ? apiKeyHeader : authorization["ApiKey ".Length..].Trim();
            return await apiKeys.AuthenticateAsync(key, Context.RequestAborted) is { } found
                ? Success(found.Member, "api-key", found.KeyId)
                : AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        if (authorization.Length > 0)
        {
            return AuthenticateResult.Fail("Use Authorization: Bearer {access token} or ApiKey {key}.");
        }

        if (Request.Cookies[SessionCookie] is { Length: > 0 } session)
        {
            return await accounts.SessionAsync(session, Context.RequestAborted) is { } member
                ? Success(member, "session")
                : AuthenticateResult.Fail("The session has ended.");
        }

        return AuthenticateResult.NoResult();
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // The status-code-pages middleware writes the problem-details body.
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    private AuthenticateResult Success(Membership member, string method, Guid? apiKeyId = null) =>
        AuthenticateResult.Success(new AuthenticationTicket(Principal(member, method, apiKeyId), SchemeName));

    /// <summary>A member as every endpoint reads them, however they signed in.</summary>
    public static ClaimsPrincipal Principal(Membership member, string method, Guid? apiKeyId = null)
    {
        List<Claim> claims =
        [
            new(NavoClaims.UserId, member.UserId.ToString()),
            new(NavoClaims.TenantId, member.TenantId),
            new(NavoClaims.Role, member.Role),
            new(NavoClaims.Method, method),
        ];
        if (apiKeyId is { } id)
        {
            claims.Add(new(NavoClaims.ApiKeyId, id.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, NavoClaims.UserId, NavoClaims.Role));
    }
}
