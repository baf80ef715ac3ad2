using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Navo.Channels;
using Navo.Host.Audit;
using Navo.Host.Identity.Sso;

namespace Navo.Host.Identity;

/// <summary>The authorization policies endpoints name: every member, editors and owners, owners only.</summary>
public static class Policies
{
    public const string Member = "member";
    public const string Editor = "editor";
    public const string Owner = "owner";

    /// <summary>Every member, on <c>/mcp</c>: also by this host's OAuth tokens, and a 401 there names the resource metadata.</summary>
    public const string McpMember = "mcp-member";
}

public static class IdentitySetup
{
    /// <summary>Accounts, tokens, API keys, the audit log, the Navo authentication scheme and the role policies.</summary>
    public static WebApplicationBuilder AddNavoIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        builder.Services.AddSingleton<AccessTokens>();
        builder.Services.AddSingleton<Accounts>();
        builder.Services.AddSingleton<ApiKeys>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<DataRights.WorkspaceExport>();
        builder.Services.AddSingleton<DataRights.Erasure>();
        builder.Services.AddSingleton<IPasswordResetSender, PasswordResetSender>();
        builder.Services.AddSingleton<ITenantResolver, PrincipalTenantResolver>();
        builder.Services.AddAuthentication(NavoAuthenticationHandler.SchemeName)
            .AddPolicyScheme(NavoAuthenticationHandler.SchemeName, null, options => options.ForwardDefaultSelector = NavoAuthenticationHandler.SchemeFor)
            .AddScheme<AuthenticationSchemeOptions, NavoAuthenticationHandler>(NavoAuthenticationHandler.KeyOrSessionScheme, null)
            .AddJwtBearer()
            // One handler for every workspace's provider: its options are the workspace's, resolved per request.
            .AddScheme<OpenIdConnectOptions, WorkspaceSsoHandler>(WorkspaceSsoOptions.Scheme, null);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<SsoConnections>();
        builder.Services.AddSingleton<WorkspaceSsoOptions>();
        builder.Services.AddSingleton<SsoEvents>();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<AccessTokens>(BearerTokens.Configure);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Member, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Policies.Editor, policy => policy.RequireRole("owner", "editor"))
            .AddPolicy(Policies.Owner, policy => policy.RequireRole("owner"))
            .AddPolicy(Policies.McpMember, policy => policy.AddAuthenticationSchemes(OAuth.OAuthSetup.McpScheme).RequireAuthenticatedUser());
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResultHandler>();
        return builder;
    }
}
