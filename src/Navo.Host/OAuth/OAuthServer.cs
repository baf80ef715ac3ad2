namespace Navo.Host.OAuth;

/// <summary>The names and addresses Navo's authorization server and <c>/mcp</c> agree on.</summary>
public static class OAuthServer
{
    /// <summary>The one scope: acting in the workspace, with the role the person chose at consent.</summary>
    public const string McpScope = "mcp";

    /// <summary>The workspace a token acts in (the same claim name as Navo's own access tokens).</summary>
    public const string TenantClaim = Identity.AccessTokens.TenantClaim;

    /// <summary>The role the person granted, at most their own; the lower of it and their role at the time is used.</summary>
    public const string RoleClaim = "navo_role";

    public const string AuthorizePath = "/oauth/authorize";
    public const string TokenPath = "/oauth/token";
    public const string RevokePath = "/oauth/revoke";
    public const string RegisterPath = "/oauth/register";

    /// <summary>The rate limit of the token endpoint, per address (<c>Navo:Limits:OAuthTokensPerMinute</c>, 600 by default).</summary>
    public const string TokenRateLimit = "oauth-tokens";
    public const string ProtectedResourcePath = "/.well-known/oauth-protected-resource";

    /// <summary>
    /// Navo's <c>/mcp</c> as this request addressed the host: the resource (RFC 8707) tokens are issued for and checked
    /// against. The issuer is derived from the request in the same way, so a host answers under each of its names.
    /// </summary>
    public static string McpResource(HttpRequest request) => $"{BaseUrl(request)}/mcp";

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>Roles from least to most: a token never carries more than its person has.</summary>
    public static string Lower(string a, string b) => Rank(a) <= Rank(b) ? a : b;

    public static int Rank(string role) => role switch
    {
        "owner" => 3,
        "editor" => 2,
        "viewer" => 1,
        _ => 0,
    };
}
