using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Navo.Host.OAuth;

/// <summary>
/// What OpenIddict is told to check besides its own rules: the only scopes are <c>mcp</c> and <c>offline_access</c>;
/// an authorization request names this host's <c>/mcp</c> as its resource (RFC 8707, as MCP clients must), and a
/// token request names that or none; the metadata names the registration endpoint.
/// </summary>
internal static class OAuthRequestRules
{
    private static readonly HashSet<string> KnownScopes = [OAuthServer.McpScope, Scopes.OfflineAccess];

    public static void Add(OpenIddictServerBuilder server)
    {
        server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
        {
            if (context.Request.GetScopes().FirstOrDefault(scope => !KnownScopes.Contains(scope)) is { } unknown)
            {
                context.Reject(Errors.InvalidScope, $"The scope \"{unknown}\" is not offered: ask for \"{OAuthServer.McpScope}\" (and \"{Scopes.OfflineAccess}\").");
            }
            else if (context.Request.GetResources() is not [var resource] || !IsMcp(context, resource))
            {
                context.Reject(Errors.InvalidTarget, $"Name this server's MCP endpoint, {Mcp(context)}, as the one resource.");
            }

            return default;
        }));
        server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
        {
            if (context.Request.GetResources().Any(resource => !IsMcp(context, resource)))
            {
                context.Reject(Errors.InvalidTarget, $"The only resource is this server's MCP endpoint, {Mcp(context)}.");
            }

            return default;
        }));
        server.AddEventHandler<OpenIddictServerEvents.HandleConfigurationRequestContext>(handler => handler.UseInlineHandler(context =>
        {
            context.Metadata["registration_endpoint"] = Base(context) + OAuthServer.RegisterPath;
            return default;
        }));
    }

    private static bool IsMcp(OpenIddictServerEvents.BaseContext context, string resource) =>
        string.Equals(resource.TrimEnd('/'), Mcp(context), StringComparison.Ordinal);

    private static string Mcp(OpenIddictServerEvents.BaseContext context) => Base(context) + "/mcp";

    private static string Base(OpenIddictServerEvents.BaseContext context) => context.BaseUri!.AbsoluteUri.TrimEnd('/');
}
