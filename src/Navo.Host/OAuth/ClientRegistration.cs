using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Navo.Tools;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Navo.Host.OAuth;

/// <summary>
/// Dynamic client registration (RFC 7591) for public clients: an assistant names the addresses the person's browser
/// returns to, and gets a client id for the authorization code flow with PKCE, permitted this host's <c>/mcp</c> only.
/// A return address is HTTPS, or plain HTTP on the loopback (an assistant on the person's own machine); anything else
/// is refused with RFC 7591's error in problem details, and nothing is stored. Every client is public: whatever
/// <c>token_endpoint_auth_method</c> it asks for, it gets <c>none</c> and no secret (RFC 7591 lets the server replace a
/// value), since PKCE protects its code and a secret kept by an assistant on someone's machine protects nothing.
/// </summary>
public static class ClientRegistration
{
    private const int MaxRedirectUris = 10;

    private sealed record Registration(string[] RedirectUris, string[] GrantTypes, string ClientName, string? ClientUri, string[] Scopes);

    public static async Task<IResult> RegisterAsync(HttpContext http, IOpenIddictApplicationManager applications)
    {
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return Refuse("invalid_client_metadata", "The body is not JSON: send the client's metadata as a JSON object.");
        }

        var (registration, problem) = Read(body);
        if (problem is not null)
        {
            return problem;
        }

        var clientId = "mcp_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Native,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = registration!.ClientName,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                Permissions.ResponseTypes.Code, Permissions.Prefixes.Scope + OAuthServer.McpScope,
                Permissions.Prefixes.Resource + OAuthServer.McpResource(http.Request),
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var grant in registration.GrantTypes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.GrantType + grant);
        }

        foreach (var uri in registration.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        await applications.CreateAsync(descriptor, http.RequestAborted);
        return Results.Json(new Dictionary<string, object?>
        {
            ["client_id"] = clientId,
            ["client_id_issued_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["client_name"] = registration.ClientName,
            ["client_uri"] = registration.ClientUri,
            ["redirect_uris"] = registration.RedirectUris,
            ["grant_types"] = registration.GrantTypes,
            ["response_types"] = new[] { ResponseTypes.Code },
            ["token_endpoint_auth_method"] = ClientAuthenticationMethods.None,
            ["scope"] = string.Join(' ', registration.Scopes),
        }, statusCode: StatusCodes.Status201Created);
    }

    private static (Registration? Registration, IResult? Problem) Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, Refuse("invalid_client_metadata", "Send the client's metadata as a JSON object."));
        }

        if (Strings(body, "redirect_uris") is not { Length: > 0 and <= MaxRedirectUris } redirectUris)
        {
            return (null, Refuse("invalid_redirect_uri", $"Name 1 to {MaxRedirectUris} redirect_uris, as an array of strings."));
        }

        if (redirectUris.FirstOrDefault(uri => !IsAllowedRedirect(uri)) is { } refused)
        {
            return (null, Refuse("invalid_redirect_uri",
                $"\"{Shorten(refused)}\" is not allowed: a redirect URI is an absolute https address, or http on the loopback (127.0.0.1, [::1] or localhost), without a fragment."));
        }

        var grants = body.TryGetProperty("grant_types", out _) ? Strings(body, "grant_types") : [GrantTypes.AuthorizationCode];
        if (grants is null || grants.Length == 0 || !grants.All(g => g is GrantTypes.AuthorizationCode or GrantTypes.RefreshToken) || !grants.Contains(GrantTypes.AuthorizationCode))
        {
            return (null, Refuse("invalid_client_metadata", "grant_types are authorization_code, and refresh_token if wanted."));
        }

        var responses = body.TryGetProperty("response_types", out _) ? Strings(body, "response_types") : [ResponseTypes.Code];
        if (responses is not [ResponseTypes.Code])
        {
            return (null, Refuse("invalid_client_metadata", "response_types is [\"code\"]."));
        }

        var name = body.TryGetProperty("client_name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!.Trim() : "An assistant";
        if (name.Length is 0 or > 100 || TextChecks.HasHiddenCharacters(name))
        {
            return (null, Refuse("invalid_client_metadata", "client_name is 1 to 100 characters, without control characters."));
        }

        var clientUri = body.TryGetProperty("client_uri", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (clientUri is not null && (!Uri.TryCreate(clientUri, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttps || clientUri.Length > 400))
        {
            return (null, Refuse("invalid_client_metadata", "client_uri is an absolute https address."));
        }

        var scopes = body.TryGetProperty("scope", out var s) && s.ValueKind == JsonValueKind.String
            ? s.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : [OAuthServer.McpScope];
        if (scopes.Any(scope => scope is not (OAuthServer.McpScope or Scopes.OfflineAccess)))
        {
            return (null, Refuse("invalid_client_metadata", $"The scopes offered are \"{OAuthServer.McpScope}\" and \"{Scopes.OfflineAccess}\"."));
        }

        return (new Registration(redirectUris, grants, name, clientUri, scopes), null);
    }

    /// <summary>HTTPS anywhere; HTTP only to this machine's loopback, where an assistant on the person's computer listens.</summary>
    public static bool IsAllowedRedirect(string uri)
    {
        if (uri.Length > 400 || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Fragment.Length > 0 || parsed.UserInfo.Length > 0)
        {
            return false;
        }

        return parsed.Scheme == Uri.UriSchemeHttps
            || (parsed.Scheme == Uri.UriSchemeHttp
                && (parsed.Host == "localhost" || (IPAddress.TryParse(parsed.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))));
    }

    private static string[]? Strings(JsonElement body, string name) =>
        body.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array && array.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? [.. array.EnumerateArray().Select(e => e.GetString()!)]
            : null;

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";

    private static IResult Refuse(string error, string description) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The client registration is refused.",
        detail: description,
        extensions: new Dictionary<string, object?> { ["error"] = error, ["error_description"] = description });
}
