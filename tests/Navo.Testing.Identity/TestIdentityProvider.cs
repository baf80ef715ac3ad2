using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Navo.Testing.Identity;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on a loopback port, standing in for a company's identity provider:
/// discovery, the authorization endpoint with a sign-in page (whoever types an address is that person), the token
/// endpoint with client authentication, PKCE required, signed identity tokens. <see cref="Tamper"/> makes it issue
/// the identity tokens a forged or misconfigured provider would, and <see cref="Clock"/> moves its time on so that a
/// code it issued has expired by the time it is redeemed.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "navo-sso-test";
    public const string ClientSecret = "a client secret only the tests know";

    private readonly WebApplication _app;
    private readonly HashSet<string> _redirectUris = new(StringComparer.Ordinal);

    private TestIdentityProvider(WebApplication app, Uri issuer, ShiftedTime clock)
    {
        _app = app;
        Issuer = issuer;
        Clock = clock;
    }

    /// <summary>The provider's address and issuer, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Issuer { get; }

    /// <summary>What the next identity tokens get wrong on purpose.</summary>
    public IdentityTokenTampering Tamper { get; } = new();

    /// <summary>The provider's clock: <see cref="ShiftedTime.Offset"/> moves it on.</summary>
    public ShiftedTime Clock { get; }

    /// <summary>How many codes the token endpoint redeemed.</summary>
    public int CodesRedeemed => _codesRedeemed;

    private int _codesRedeemed;

    /// <summary>Registers a redirect URI for <see cref="ClientId"/> (exact match, as a real provider checks).</summary>
    public void AllowRedirectUri(string uri)
    {
        lock (_redirectUris)
        {
            _redirectUris.Add(uri);
        }
    }

    private bool IsAllowed(string? uri)
    {
        lock (_redirectUris)
        {
            return uri is not null && _redirectUris.Contains(uri);
        }
    }

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var port = FreePort();
        var issuer = new Uri($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(issuer.ToString());
        builder.Logging.ClearProviders();
        TestIdentityProvider? provider = null;
        var clock = new ShiftedTime();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddRouting();
        builder.Services.AddAuthentication();
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(issuer)
                .SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .AllowAuthorizationCodeFlow()
                .RequireProofKeyForCodeExchange()
                .RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile)
                .AddEphemeralEncryptionKey()
                .AddEphemeralSigningKey()
                // No database: the provider checks its one client itself (below) and keeps no token entries.
                .EnableDegradedMode();
            options.UseAspNetCore()
                .DisableTransportSecurityRequirement()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough();
            options.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "The client is unknown.");
                }
                else if (!provider!.IsAllowed(context.RedirectUri))
                {
                    context.Reject(Errors.InvalidRequest, "The redirect URI is not registered.");
                }

                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "The client credentials are wrong.");
                }

                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.GenerateTokenContext>(handler => handler
                .UseInlineHandler(context =>
                {
                    if (context.TokenType == TokenTypeIdentifiers.IdentityToken)
                    {
                        provider!.Tamper.Apply(context.SecurityTokenDescriptor);
                    }

                    return default;
                })
                .SetOrder(OpenIddictServerHandlers.Protection.GenerateIdentityModelToken.Descriptor.Order - 500));
        });

        var app = builder.Build();
        provider = new TestIdentityProvider(app, issuer, clock);
        app.UseRouting();
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)provider.Authorize);
        app.MapPost("/connect/token", (Delegate)provider.TokenAsync);
        await app.StartAsync();
        return provider;
    }

    /// <summary>A sign-in page; once an address is given, that person is signed in and a code goes back to the client.</summary>
    private IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an authorization request.");
        var email = (string?)request["email"];
        if (string.IsNullOrWhiteSpace(email))
        {
            return Results.Content(SignInPage(request), "text/html; charset=utf-8");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, "sub-" + email.Trim().ToLowerInvariant());
        identity.SetClaim(Claims.Email, email.Trim());
        if (!Tamper.OmitEmailVerified)
        {
            identity.SetClaim(Claims.EmailVerified, true);
        }

        identity.SetClaim(Claims.Name, email.Trim().Split('@')[0]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private async Task<IResult> TokenAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is null)
        {
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        Interlocked.Increment(ref _codesRedeemed);
        return Results.SignIn(result.Principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static string SignInPage(OpenIddictRequest request)
    {
        var page = new StringBuilder("<!doctype html><html><head><title>Example Corp sign-in</title></head><body>");
        page.Append("<h1>Example Corp</h1><form method=\"post\" action=\"/connect/authorize\">");
        foreach (var (name, value) in request.GetParameters())
        {
            if (name != "email")
            {
                page.Append($"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(name)}\" value=\"{WebUtility.HtmlEncode((string?)value)}\">");
            }
        }

        page.Append($"<label>Work e-mail <input name=\"email\" type=\"email\" value=\"{WebUtility.HtmlEncode(request.LoginHint)}\"></label>");
        page.Append("<button type=\"submit\">Continue</button></form></body></html>");
        return page.ToString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
