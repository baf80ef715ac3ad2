namespace Navo.Host.Identity.Sso;

/// <summary>
/// A workspace's identity provider: where it is (<see cref="Issuer"/>), Navo's client there, the e-mail domains it
/// vouches for, the role a first sign-in joins with, and whether password sign-in is refused to everyone but the
/// break-glass owner. <see cref="ClientSecret"/> is decrypted: it never leaves the host.
/// </summary>
public sealed record SsoConnection(
    string TenantId, string Issuer, string ClientId, string ClientSecret, IReadOnlyList<string> Domains, string DefaultRole,
    bool SsoOnly, Guid? BreakGlassUserId, DateTimeOffset UpdatedAt)
{
    /// <summary>Where the provider sends people back to; the owner registers it with the provider.</summary>
    public string CallbackPath => SsoPaths.Callback(TenantId);

    /// <summary>Whether <paramref name="email"/>'s domain is one this provider vouches for.</summary>
    public bool Vouches(string email) =>
        email.LastIndexOf('@') is var at and > 0 && Domains.Contains(email[(at + 1)..].ToLowerInvariant());
}

/// <summary>What an owner sees of the connection: never the secret, only whether one is set.</summary>
public sealed record SsoConnectionView(
    string Issuer, string ClientId, bool HasClientSecret, IReadOnlyList<string> Domains, string DefaultRole, bool SsoOnly,
    Guid? BreakGlassOwner, string RedirectUri);

/// <summary>What an owner sends to connect or change the provider; a missing secret keeps the one stored.</summary>
public sealed record SsoConnectionRequest(
    string? Issuer, string? ClientId, string? ClientSecret, IReadOnlyList<string>? Domains, string? DefaultRole, bool? SsoOnly,
    Guid? BreakGlassOwner);

/// <summary>The single sign-on routes: the challenge and the provider's way back, both naming the workspace.</summary>
public static class SsoPaths
{
    public const string Root = "/api/v1/auth/sso";
    public const string Start = Root + "/start";
    public const string CallbackPrefix = Root + "/callback";

    public static string Callback(string tenantId) => $"{CallbackPrefix}/{tenantId}";
}
