using Navo.Tools;

namespace Navo.Host.Identity.Sso;

/// <summary>What makes a connection request sound, as a pure function of the request and what is stored.</summary>
public static class SsoConnectionRules
{
    public const int MaxDomains = 20;

    /// <summary>
    /// The connection <paramref name="request"/> describes (unset fields keep <paramref name="existing"/>'s), or why
    /// it cannot be. The issuer is HTTPS; plain HTTP only on the loopback and only when <paramref name="privateIssuers"/>
    /// allows providers inside the network.
    /// </summary>
    public static (SsoConnection? Connection, AccountProblem? Problem) Check(
        SsoConnectionRequest request, SsoConnection? existing, Membership owner, bool privateIssuers)
    {
        var issuer = request.Issuer?.Trim() ?? existing?.Issuer;
        if (issuer is null || issuer.Length > 400 || !Uri.TryCreate(issuer, UriKind.Absolute, out var uri)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback && privateIssuers)))
        {
            return Refused("The issuer is not valid.",
                "Give the provider's issuer as an https:// address, such as https://login.example.com/ (its discovery document is under /.well-known/openid-configuration).");
        }

        var clientId = request.ClientId?.Trim() ?? existing?.ClientId;
        if (clientId is not { Length: > 0 and <= 200 } || TextChecks.HasHiddenCharacters(clientId))
        {
            return Refused("The client id is not valid.", "Give the client id the provider shows for Navo (1 to 200 characters).");
        }

        var secret = request.ClientSecret ?? existing?.ClientSecret;
        if (secret is not { Length: > 0 and <= 1000 } || secret.Contains('\0', StringComparison.Ordinal))
        {
            return Refused("The client secret is missing.", "Give the client secret the provider made for Navo (at most 1000 characters).");
        }

        var domains = request.Domains?.Select(d => d?.Trim().TrimEnd('.').ToLowerInvariant() ?? string.Empty).Distinct().ToList()
            ?? existing?.Domains.ToList();
        if (domains is not { Count: > 0 and <= MaxDomains } || domains.Any(d => !IsDomain(d)))
        {
            return Refused("The domains are not valid.",
                $"Give 1 to {MaxDomains} e-mail domains the provider vouches for, such as [\"example.com\"], without @ or addresses.");
        }

        var role = request.DefaultRole ?? existing?.DefaultRole ?? "viewer";
        if (role is not ("editor" or "viewer"))
        {
            return Refused("The default role is not valid.", "New members who sign in with SSO join as editor or viewer; owners make owners.");
        }

        var ssoOnly = request.SsoOnly ?? existing?.SsoOnly ?? false;
        var breakGlass = request.BreakGlassOwner ?? existing?.BreakGlassUserId ?? owner.UserId;
        return (new SsoConnection(owner.TenantId, uri.AbsoluteUri, clientId, secret, domains, role, ssoOnly, ssoOnly ? breakGlass : null,
            existing?.UpdatedAt ?? DateTimeOffset.UtcNow), null);
    }

    private static bool IsDomain(string domain) =>
        domain.Length is > 3 and <= 253 && domain.Contains('.', StringComparison.Ordinal)
        && Uri.CheckHostName(domain) == UriHostNameType.Dns && !domain.StartsWith('.') && !domain.Contains("..", StringComparison.Ordinal);

    private static (SsoConnection?, AccountProblem?) Refused(string title, string detail) =>
        (null, new AccountProblem(StatusCodes.Status400BadRequest, title, detail));
}
