using Microsoft.IdentityModel.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Navo.Testing.Identity;

/// <summary>What a forged or misconfigured provider puts in identity tokens: another issuer, audience, nonce or e-mail.</summary>
public sealed class IdentityTokenTampering
{
    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    public string? Nonce { get; set; }

    public bool? EmailVerified { get; set; }

    /// <summary>Whether the next sign-ins carry no <c>email_verified</c> claim at all (set before the provider's sign-in).</summary>
    public bool OmitEmailVerified { get; set; }

    /// <summary>Issues honest tokens again.</summary>
    public void Reset()
    {
        Issuer = null;
        Audience = null;
        Nonce = null;
        EmailVerified = null;
        OmitEmailVerified = false;
    }

    /// <summary>Rewrites the token about to be signed: its issuer, and claims that win over the subject's.</summary>
    internal void Apply(SecurityTokenDescriptor token)
    {
        token.Claims ??= new Dictionary<string, object>(StringComparer.Ordinal);
        if (Issuer is { } issuer)
        {
            token.Issuer = issuer;
        }

        if (Audience is { } audience)
        {
            token.Audience = audience;
            token.Claims[Claims.Audience] = audience;
        }

        if (Nonce is { } nonce)
        {
            token.Claims[Claims.Nonce] = nonce;
        }

        if (EmailVerified is { } verified)
        {
            token.Claims[Claims.EmailVerified] = verified;
        }
    }
}
