using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Navo.Host.Identity.Sso;

/// <summary>
/// The single OpenID Connect handler's options, resolved per request for the workspace the request names
/// (<see cref="SsoWorkspaceResolution"/> puts its connection in the request's items): its provider, client, secret
/// and callback path. Every other request gets options whose paths match nothing, so the handler stays idle. Options
/// are kept per connection version, so each provider's discovery document and keys are fetched once and refreshed
/// as the handler's configuration manager decides; a newer version replaces them and disposes their HTTP client.
/// </summary>
public sealed class WorkspaceSsoOptions(
    IHttpContextAccessor http, IDataProtectionProvider protection, IOptions<AuthOptions> auth) : IOptionsMonitor<OpenIdConnectOptions>
{
    public const string Scheme = "sso";

    private readonly ConcurrentDictionary<string, (DateTimeOffset Version, OpenIdConnectOptions Options)> _byWorkspace = new(StringComparer.Ordinal);
    private readonly Lazy<OpenIdConnectOptions> _idle = new(() => Idle(protection));

    public OpenIdConnectOptions CurrentValue => Get(Options.DefaultName);

    public OpenIdConnectOptions Get(string? name)
    {
        if (http.HttpContext?.Items[SsoWorkspaceResolution.ItemKey] is not SsoConnection connection)
        {
            return _idle.Value;
        }

        if (_byWorkspace.TryGetValue(connection.TenantId, out var found) && found.Version >= connection.UpdatedAt)
        {
            return found.Options;
        }

        lock (_byWorkspace)
        {
            if (_byWorkspace.TryGetValue(connection.TenantId, out found) && found.Version >= connection.UpdatedAt)
            {
                return found.Options;
            }

            var built = Build(connection);
            _byWorkspace[connection.TenantId] = (connection.UpdatedAt, built);
            // The changed connection's options are never used again: their client (and its connections to the old
            // provider) goes with them.
            found.Options?.Backchannel?.Dispose();
            return built;
        }
    }

    public IDisposable? OnChange(Action<OpenIdConnectOptions, string?> listener) => null;

    private OpenIdConnectOptions Build(SsoConnection connection)
    {
        var options = new OpenIdConnectOptions
        {
            Authority = connection.Issuer,
            ClientId = connection.ClientId,
            ClientSecret = connection.ClientSecret,
            CallbackPath = connection.CallbackPath,
            ResponseType = OpenIdConnectResponseType.Code,
            // The code comes back in the query of a top-level GET, so SameSite=Lax cookies reach the callback; with
            // PKCE the code is worthless to anyone without the verifier kept in this browser's state.
            ResponseMode = OpenIdConnectResponseMode.Query,
            UsePkce = true,
            MapInboundClaims = false,
            GetClaimsFromUserInfoEndpoint = false,
            SaveTokens = false,
            RequireHttpsMetadata = connection.Issuer.StartsWith("https:", StringComparison.Ordinal),
            EventsType = typeof(SsoEvents),
            DisableTelemetry = true,
            RemoteAuthenticationTimeout = TimeSpan.FromMinutes(15),
        };
        Common(options);
        options.Scope.Add("email");
        if (!auth.Value.SsoPrivateIssuers)
        {
            // An owner names the provider's address: the host must not be made to call into its own network.
            options.BackchannelHttpHandler = Apis.DomainVerifier.PublicOnlyHandler();
        }

        new OpenIdConnectPostConfigureOptions(protection).PostConfigure($"{Scheme}:{connection.TenantId}", options);
        options.Validate($"{Scheme}:{connection.TenantId}");
        return options;
    }

    private static void Common(OpenIdConnectOptions options)
    {
        // Secure over HTTPS, as the session cookie is; a plain-HTTP host (development, the tests) could not keep them otherwise.
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        // Sent only to single sign-on's own routes; a path above both the start and the callback, because some
        // cookie stores (not browsers) drop a cookie whose path is not above the address that set it.
        options.CorrelationCookie.Path = SsoPaths.Root;
        options.NonceCookie.Path = SsoPaths.Root;
        options.RemoteSignOutPath = PathString.Empty;
        options.SignedOutCallbackPath = PathString.Empty;
    }

    /// <summary>Options for requests that are not single sign-on: the handler never matches them.</summary>
    private static OpenIdConnectOptions Idle(IDataProtectionProvider protection)
    {
        var options = new OpenIdConnectOptions
        {
            CallbackPath = SsoPaths.CallbackPrefix + "/-",
            EventsType = typeof(SsoEvents),
            Configuration = new OpenIdConnectConfiguration(),
        };
        Common(options);
        options.DataProtectionProvider = protection;
        return options;
    }
}
