using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Navo.Testing.Identity;

/// <summary>What a forged or misconfigured provider puts in identity tokens: another issuer, audience, nonce or e-mail.</summary>
public sealed class IdentityTokenTampering
{
    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    public string? Nonce { get; set; }

    public bool? EmailVerified { get; set; }

    /// <summary>Issues honest tokens again.</summary>
    public void Reset()
    {
        Issuer = null;
        Audience = null;
        Nonce = null;
        EmailVerified = null;
    }

    internal void Apply(ClaimsPrincipal principal)
    {
        if (Issuer is { } issuer)
        {
            principal.SetClaim(Claims.Private.Issuer, issuer);
        }

        if (Audience is { } audience)
        {
            principal.SetAudiences(audience);
        }

        if (Nonce is { } nonce)
        {
            principal.SetClaim(Claims.Nonce, nonce);
        }

        if (EmailVerified is { } verified)
        {
            principal.SetClaim(Claims.EmailVerified, verified);
        }
    }
}
