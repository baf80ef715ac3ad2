using System.Security.Cryptography;
using System.Text;

namespace Navo.Host.Identity;

/// <summary>
/// Opaque credentials (sessions, refresh tokens, resets, invitations, API keys): 32 random bytes behind a short
/// prefix that says what it is (<c>nvr_</c>, <c>nvk_</c>, ...). Only the SHA-256 hash is stored; the token is shown
/// once. A hash of 256 random bits needs no salt and no slow hashing: there is nothing to guess.
/// </summary>
public static class Secrets
{
    public static (string Token, byte[] Hash) New(string prefix)
    {
        var token = prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Whether <paramref name="token"/> has the shape of one Navo made with <paramref name="prefix"/>, before any lookup.</summary>
    public static bool LooksLike(string? token, string prefix) =>
        token is { Length: > 40 and < 100 } && token.StartsWith(prefix, StringComparison.Ordinal)
        && token.AsSpan(prefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
