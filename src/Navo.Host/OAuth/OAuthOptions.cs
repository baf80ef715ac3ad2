using System.ComponentModel.DataAnnotations;

namespace Navo.Host.OAuth;

/// <summary>
/// <c>Navo:OAuth</c>: Navo's authorization server for assistants connecting to <c>/mcp</c>. Its signing and encryption
/// certificates come from configuration (PKCS #12, base64, from user secrets or the environment); outside Production
/// a development pair stands in when none is configured, and Production without them runs with API keys alone.
/// </summary>
public sealed class OAuthOptions
{
    public const string Section = "Navo:OAuth";

    /// <summary>Signs the access tokens: a PKCS #12 file with its private key, base64 (<c>Navo__OAuth__SigningCertificate</c>).</summary>
    public string? SigningCertificate { get; set; }

    /// <summary>Encrypts the access tokens, so that only Navo reads what they carry (<c>Navo__OAuth__EncryptionCertificate</c>).</summary>
    public string? EncryptionCertificate { get; set; }

    /// <summary>The password of both files, when they have one.</summary>
    public string? CertificatePassword { get; set; }

    [Range(1, 60)]
    public int AccessTokenMinutes { get; set; } = 15;

    [Range(1, 365)]
    public int RefreshTokenDays { get; set; } = 30;

    public bool HasCertificates => !string.IsNullOrWhiteSpace(SigningCertificate) && !string.IsNullOrWhiteSpace(EncryptionCertificate);
}
