using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Navo.Host.Identity;

/// <summary>
/// ASP.NET Core's JwtBearer for Navo's access tokens (<see cref="AccessTokens"/>): it checks the signature, issuer,
/// audience and lifetime; then the token's user must still be a member of the token's workspace, whose role at this
/// moment (not the one at issue) is the one the request gets.
/// </summary>
public static class BearerTokens
{
    public const string Refused = "The access token is invalid or expired, or its user left the workspace.";

    public static void Configure(JwtBearerOptions options, AccessTokens tokens)
    {
        options.TokenValidationParameters = tokens.ValidationParameters;
        options.MapInboundClaims = false;
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new JsonWebTokenHandler { MaximumTokenSizeInBytes = AccessTokens.MaxTokenBytes });
        options.Events = new JwtBearerEvents { OnTokenValidated = MembershipAsync, OnChallenge = ChallengeAsync };
    }

    private static async Task MembershipAsync(TokenValidatedContext context)
    {
        var token = (JsonWebToken)context.SecurityToken;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<Accounts>();
        if (Guid.TryParse(token.Subject, out var userId)
            && token.TryGetPayloadValue<string>(AccessTokens.TenantClaim, out var tenantId)
            && await accounts.MembershipAsync(userId, tenantId, context.HttpContext.RequestAborted) is { } member)
        {
            context.Principal = NavoAuthenticationHandler.Principal(member, "bearer");
            return;
        }

        context.Fail(Refused);
    }

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c>; the status-code pages write the problem details, as for every 401.</summary>
    private static Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
