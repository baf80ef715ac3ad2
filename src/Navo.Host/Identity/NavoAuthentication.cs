using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Navo.Host.Identity;

/// <summary>
/// One authentication scheme for every way in: <c>Authorization: Bearer {access token}</c> (API clients),
/// <c>Authorization: ApiKey {key}</c> or <c>X-Api-Key</c> (integrations), and the studio's session cookie. Each is
/// checked against the workspace membership on every request, so a removed member or a revoked key stops at once.
/// </summary>
public sealed class NavoAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AccessTokens accessTokens, Accounts accounts, ApiKeys apiKeys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Navo";
    public const string SessionCookie = "navo_session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        var apiKeyHeader = Request.Headers["X-Api-Key"].ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = await accessTokens.ValidateAsync(authorization["Bearer ".Length..].Trim());
            return token is { } valid && await accounts.MembershipAsync(valid.UserId, valid.TenantId, Context.RequestAborted) is { } member
                ? Success(member, "bearer")
                : AuthenticateResult.Fail("The access token is invalid or expired, or its user left the workspace.");
        }

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

    private AuthenticateResult Success(Membership member, string method, Guid? apiKeyId = null)
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

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, NavoClaims.UserId, NavoClaims.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
