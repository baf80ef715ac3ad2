using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Navo.Host.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Navo.Host.OAuth;

/// <summary>
/// An access token of Navo's authorization server on <c>/mcp</c>: OpenIddict's validation checks its signature,
/// encryption, lifetime and stored entry (so a revoked token or grant fails); then its audience must be this host's
/// <c>/mcp</c>, and its person must still be a member of its workspace. The request acts as that member with the
/// lower of the granted role and their role now, exactly as a chat message of theirs would.
/// </summary>
public sealed class OAuthBearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Accounts accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Navo.OAuth";

    public const string Refused = "The access token is invalid, expired or revoked, was issued for another resource, or its person left the workspace.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } token
            || !token.GetAudiences().Contains(OAuthServer.McpResource(Request), StringComparer.Ordinal)
            || !Guid.TryParse(token.GetClaim(Claims.Subject), out var userId)
            || token.GetClaim(OAuthServer.TenantClaim) is not { } tenantId
            || token.GetClaim(OAuthServer.RoleClaim) is not { } granted
            || await accounts.MembershipAsync(userId, tenantId, Context.RequestAborted) is not { } member)
        {
            return AuthenticateResult.Fail(Refused);
        }

        var principal = NavoAuthenticationHandler.Principal(member with { Role = OAuthServer.Lower(granted, member.Role) }, "oauth");
        return AuthenticateResult.Success(new AuthenticationTicket(principal, NavoAuthenticationHandler.SchemeName));
    }
}
