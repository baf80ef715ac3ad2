using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore.Authentication;
using ModelContextProtocol.Authentication;
using Navo.Host.Identity;
using Navo.Host.OAuth.Stores;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Navo.Host.OAuth;

/// <summary>
/// Navo as an OAuth 2.1 authorization server for assistants (OpenIddict, its entries in Navo's PostgreSQL), and
/// <c>/mcp</c> as its protected resource: the authorization code flow with PKCE (S256 only), refresh tokens, dynamic
/// client registration, the authorization server's and the resource's metadata, and revocation. The MCP SDK's
/// scheme answers a request without credentials with the resource metadata's address.
/// </summary>
public static class OAuthSetup
{
    /// <summary>The scheme <c>/mcp</c> authenticates with: Navo's own for API keys, sessions and Navo's tokens, this server's for its tokens.</summary>
    public const string McpScheme = "Navo.Mcp";

    public static WebApplicationBuilder AddNavoOAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OAuthOptions>().BindConfiguration(OAuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(OAuthOptions.Section).Get<OAuthOptions>() ?? new OAuthOptions();
        // Keys made on the spot serve only Development and the tests; any other environment (Staging too) needs certificates.
        var enabled = options.HasCertificates || builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        builder.Services.AddSingleton(new OAuthState(enabled));
        var authentication = builder.Services.AddAuthentication();
        authentication.AddPolicyScheme(McpScheme, null, scheme =>
        {
            scheme.ForwardDefaultSelector = context => SchemeFor(context, enabled);
            if (enabled)
            {
                // A 401 names the resource metadata, from which an assistant finds this server (MCP authorization).
                scheme.ForwardChallenge = McpAuthenticationDefaults.AuthenticationScheme;
            }
        });
        if (!enabled)
        {
            return builder;
        }

        authentication.AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, OAuthBearerHandler>(OAuthBearerHandler.SchemeName, null);
        authentication.AddMcp(mcp =>
        {
            mcp.ResourceMetadataUri = new Uri(OAuthServer.ProtectedResourcePath, UriKind.Relative);
            mcp.Events.OnResourceMetadataRequest = context =>
            {
                var request = context.HttpContext.Request;
                context.ResourceMetadata = new ProtectedResourceMetadata
                {
                    Resource = OAuthServer.McpResource(request),
                    AuthorizationServers = [OAuthServer.BaseUrl(request) + "/"],
                    ScopesSupported = [OAuthServer.McpScope],
                    BearerMethodsSupported = ["header"],
                    ResourceName = "Navo",
                };
                return Task.CompletedTask;
            };
        });

        builder.Services.AddOpenIddict()
            .AddCore(core => core
                .SetDefaultApplicationEntity<OAuthApplication>()
                .SetDefaultAuthorizationEntity<OAuthAuthorization>()
                .SetDefaultTokenEntity<OAuthToken>()
                .ReplaceApplicationStore<OAuthApplication, ApplicationStore>(ServiceLifetime.Singleton)
                .ReplaceAuthorizationStore<OAuthAuthorization, AuthorizationStore>(ServiceLifetime.Singleton)
                .ReplaceTokenStore<OAuthToken, TokenStore>(ServiceLifetime.Singleton))
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(OAuthServer.AuthorizePath[1..])
                    .SetTokenEndpointUris(OAuthServer.TokenPath[1..])
                    .SetRevocationEndpointUris(OAuthServer.RevokePath[1..])
                    .SetConfigurationEndpointUris(".well-known/oauth-authorization-server", ".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris("oauth/jwks")
                    .AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .RequireProofKeyForCodeExchange()
                    .RegisterScopes(OAuthServer.McpScope, Scopes.OfflineAccess)
                    // The scopes and the resource are checked by OAuthRequestRules: the resource is this host's /mcp under the
                    // name the request used, which no list fixed at start-up can hold; each client is permitted its own.
                    .DisableScopeValidation()
                    .DisableResourceValidation()
                    .SetAccessTokenLifetime(TimeSpan.FromMinutes(options.AccessTokenMinutes))
                    .SetRefreshTokenLifetime(TimeSpan.FromDays(options.RefreshTokenDays));
                server.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                AddKeys(server, options, builder.Environment);
                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                if (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing"))
                {
                    // Development and the tests answer over plain HTTP on the loopback.
                    aspNetCore.DisableTransportSecurityRequirement();
                }

                OAuthRequestRules.Add(server);
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                // Every access token is looked up: a revoked token, or one of a revoked grant, stops at once.
                validation.EnableTokenEntryValidation();
                validation.EnableAuthorizationEntryValidation();
            });
        // Every client is public (ClientRegistration): PKCE, not a secret, protects its code. After OpenIddict's own
        // post-configuration, which adds Basic authentication for ASP.NET Core.
        builder.Services.PostConfigure<OpenIddict.Server.OpenIddictServerOptions>(server =>
        {
            server.ClientAuthenticationMethods.Clear();
            server.ClientAuthenticationMethods.Add(ClientAuthenticationMethods.None);
        });
        return builder;
    }

    /// <summary>Which scheme reads an <c>/mcp</c> request: this server's tokens are encrypted (five parts), Navo's own API tokens are signed (three).</summary>
    private static string SchemeFor(HttpContext context, bool enabled)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        return enabled && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Count(c => c == '.') == 4
            ? OAuthBearerHandler.SchemeName
            : NavoAuthenticationHandler.SchemeFor(context);
    }

    private static void AddKeys(OpenIddictServerBuilder server, OAuthOptions options, IHostEnvironment environment)
    {
        if (options.HasCertificates)
        {
            server.AddSigningCertificate(Load(options.SigningCertificate!, options.CertificatePassword, nameof(OAuthOptions.SigningCertificate)))
                .AddEncryptionCertificate(Load(options.EncryptionCertificate!, options.CertificatePassword, nameof(OAuthOptions.EncryptionCertificate)));
        }
        else if (environment.IsDevelopment())
        {
            // Kept in the user's certificate store, so a restart keeps the assistants connected; never used in Production.
            server.AddDevelopmentSigningCertificate().AddDevelopmentEncryptionCertificate();
        }
        else
        {
            // The tests: keys that live as long as the host.
            server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
        }
    }

    private static X509Certificate2 Load(string base64, string? password, string name)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(base64), password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception invalid) when (invalid is FormatException or System.Security.Cryptography.CryptographicException)
        {
            throw new OptionsValidationException(OAuthOptions.Section, typeof(OAuthOptions),
                [$"{OAuthOptions.Section}:{name} must be a PKCS #12 file with its private key, base64 ({invalid.GetType().Name})."]);
        }
    }
}

/// <summary>Whether the authorization server runs (off only in Production without certificates).</summary>
public sealed record OAuthState(bool Enabled);
