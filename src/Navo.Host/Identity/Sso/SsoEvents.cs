using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Navo.Host.Apis;

namespace Navo.Host.Identity.Sso;

/// <summary>
/// What the handler does around the provider: asks for the person the sign-in page named, and on the way back signs
/// them in to the workspace with Navo's own session (no external cookie), or sends them to the sign-in page with a
/// sentence. Every sign-in and every refusal is audited in the workspace.
/// </summary>
public sealed class SsoEvents(Accounts accounts) : OpenIdConnectEvents
{
    public const string LoginHint = "login_hint";

    public override Task RedirectToIdentityProvider(RedirectContext context)
    {
        if (context.Properties.Items.TryGetValue(LoginHint, out var hint) && hint is not null)
        {
            context.ProtocolMessage.LoginHint = hint;
        }

        return Task.CompletedTask;
    }

    public override async Task TicketReceived(TicketReceivedContext context)
    {
        context.HandleResponse();
        if (context.HttpContext.Items[SsoWorkspaceResolution.ItemKey] is not SsoConnection connection || context.Principal is not { } principal)
        {
            context.Response.Redirect(SignInPage("failed"));
            return;
        }

        var verified = principal.FindFirst("email_verified")?.Value;
        var (signedIn, problem) = await accounts.SignInWithSsoAsync(connection, principal.FindFirst("sub")?.Value, principal.FindFirst("email")?.Value,
            verified is null ? null : string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase), context.HttpContext.RequestAborted);
        if (signedIn is null)
        {
            context.Response.Redirect(SignInPage(problem == Accounts.AccountExists ? "exists" : "refused"));
            return;
        }

        AccountsApi.SetSession(context.HttpContext, signedIn);
        context.Response.Redirect("/studio");
    }

    public override async Task RemoteFailure(RemoteFailureContext context)
    {
        context.HandleResponse();
        if (context.HttpContext.Items[SsoWorkspaceResolution.ItemKey] is SsoConnection connection)
        {
            await accounts.RefuseSsoAsync(connection.TenantId, Reason(context.Failure), context.HttpContext.RequestAborted);
        }

        context.Response.Redirect(SignInPage("failed"));
    }

    /// <summary>Why a callback was refused, in words for the audit log (never the token or the code).</summary>
    public static string Reason(Exception? failure) => failure switch
    {
        SecurityTokenInvalidIssuerException => "the identity token's issuer is not the provider's",
        SecurityTokenInvalidAudienceException => "the identity token was issued to another client",
        OpenIdConnectProtocolInvalidNonceException => "the identity token's nonce does not match this browser's",
        SecurityTokenExpiredException => "the identity token has expired",
        SecurityTokenException => "the identity token is not valid",
        OpenIdConnectProtocolException { Message: var message } when message.Contains("invalid_grant", StringComparison.Ordinal) =>
            "the provider refused the code (expired, already used, or issued to someone else)",
        OpenIdConnectProtocolException { Message: var message } when message.Contains("access_denied", StringComparison.Ordinal) =>
            "the provider denied the sign-in",
        OpenIdConnectProtocolException => "the provider answered with an error",
        { Message: var message } when message.Contains("Correlation failed", StringComparison.Ordinal) =>
            "the callback does not belong to a sign-in this browser started (replayed or forged)",
        { Message: var message } when message.Contains("state", StringComparison.OrdinalIgnoreCase) =>
            "the callback's state is missing or forged",
        HttpRequestException => "the provider could not be reached",
        _ => "the callback could not be verified",
    };

    private static string SignInPage(string outcome) => $"/signin?sso={outcome}";
}
