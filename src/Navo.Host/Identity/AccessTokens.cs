using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Navo.Host.Identity;

/// <summary>
/// Short-lived JWT access tokens for API clients (HMAC-SHA256): the user (<c>sub</c>), the workspace (<c>tid</c>)
/// and the role at issue. The role is checked again against the membership on every request, so a removed
/// member's token stops working at once.
/// </summary>
public sealed class AccessTokens
{
    public const string Issuer = "navo";
    public const string Audience = "navo-api";
    public const string TenantClaim = "tid";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = true };
    private readonly SymmetricSecurityKey _key;
    private readonly TimeSpan _lifetime;
    private readonly TokenValidationParameters _validation;

    public AccessTokens(IOptions<AuthOptions> auth, IOptions<NavoOptions> navo)
    {
        _key = new SymmetricSecurityKey(SigningKey(auth.Value, navo.Value));
        _lifetime = TimeSpan.FromMinutes(auth.Value.AccessTokenMinutes);
        _validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            RequireExpirationTime = true,
        };
    }

    public int ExpiresInSeconds => (int)_lifetime.TotalSeconds;

    public string Issue(Guid userId, string tenantId, string role) => _handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Expires = DateTime.UtcNow.Add(_lifetime),
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        Claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = userId.ToString(),
            [TenantClaim] = tenantId,
            ["role"] = role,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        },
    });

    /// <summary>How JwtBearer checks a token: Navo's issuer and audience, this key, HMAC-SHA256 only, an expiry, 30 s of skew.</summary>
    public TokenValidationParameters ValidationParameters => _validation;

    /// <summary>Tokens longer than this are refused unread.</summary>
    public const int MaxTokenBytes = 4096;

    /// <summary>The configured key, or one made once and kept in the data folder.</summary>
    private static byte[] SigningKey(AuthOptions auth, NavoOptions navo)
    {
        if (!string.IsNullOrWhiteSpace(auth.SigningKey))
        {
            var configured = Convert.FromBase64String(auth.SigningKey);
            return configured.Length >= 32
                ? configured
                : throw new OptionsValidationException(AuthOptions.Section, typeof(AuthOptions), ["Navo:Auth:SigningKey must be at least 32 bytes, base64."]);
        }

        var folder = Path.GetFullPath(navo.DataPath);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "auth-signing-key");
        if (!File.Exists(file))
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var writer = new StreamWriter(file, options);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process made it first; use theirs.
            }
        }

        return Convert.FromBase64String(File.ReadAllText(file).Trim());
    }
}

/// <summary>Claim types on a Navo principal.</summary>
public static class NavoClaims
{
    public const string UserId = ClaimTypes.NameIdentifier;
    public const string TenantId = AccessTokens.TenantClaim;
    public const string Role = ClaimTypes.Role;

    /// <summary>How the request authenticated: <c>bearer</c>, <c>api-key</c> or <c>session</c>.</summary>
    public const string Method = "amr";

    /// <summary>The API key's id, when one was used (rate limits are per key).</summary>
    public const string ApiKeyId = "kid";
}
