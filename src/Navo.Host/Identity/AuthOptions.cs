using System.ComponentModel.DataAnnotations;

namespace Navo.Host.Identity;

/// <summary><c>Navo:Auth</c>: token lifetimes, lockout, and the access tokens' signing key.</summary>
public sealed class AuthOptions
{
    public const string Section = "Navo:Auth";

    /// <summary>
    /// At least 32 bytes, base64, from user secrets or the environment (<c>Navo__Auth__SigningKey</c>). Without one,
    /// Navo makes a key once and keeps it in <c>{Navo:DataPath}/auth-signing-key</c>, readable by its user alone.
    /// </summary>
    public string? SigningKey { get; set; }

    [Range(1, 60)]
    public int AccessTokenMinutes { get; set; } = 15;

    [Range(1, 365)]
    public int RefreshTokenDays { get; set; } = 30;

    [Range(1, 90)]
    public int SessionDays { get; set; } = 14;

    /// <summary>Failed sign-ins in a row before the account locks.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    [Range(5, 1440)]
    public int PasswordResetMinutes { get; set; } = 60;

    [Range(1, 90)]
    public int InvitationDays { get; set; } = 7;

    /// <summary>
    /// Lets single sign-on reach identity providers on loopback and private addresses (a provider inside the company's
    /// own network, or the tests' provider), and over plain HTTP on the loopback. Off by default: an owner names the
    /// provider's address, and the host must not be made to call into its own network.
    /// </summary>
    public bool SsoPrivateIssuers { get; set; }
}
