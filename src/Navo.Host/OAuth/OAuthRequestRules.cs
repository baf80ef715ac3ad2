using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
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
        // A refusal OpenIddict cannot send back to the client (its redirect URI is not yet trusted) is answered here, as
        // every refusal of Navo's is: problem details with OAuth's error code and a sentence saying what was wrong.
        server.AddEventHandler<OpenIddictServerEvents.ApplyAuthorizationResponseContext>(handler => handler
            .UseInlineHandler(async context =>
            {
                if (string.IsNullOrEmpty(context.Error) || !string.IsNullOrEmpty(context.RedirectUri)
                    || context.Transaction.GetHttpRequest()?.HttpContext is not { } http)
                {
                    return;
                }

                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "The assistant's request to connect is refused.",
                        Detail = context.Response.ErrorDescription,
                        Extensions = { ["error"] = context.Error },
                    },
                });
                context.HandleRequest();
            })
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ProcessStatusCodePagesErrorResponse<OpenIddictServerEvents.ApplyAuthorizationResponseContext>.Descriptor.Order - 1));
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
