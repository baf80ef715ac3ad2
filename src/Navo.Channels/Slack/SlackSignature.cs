using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Navo.Channels.Slack;

/// <summary>
/// Slack's request signing (v0): HMAC-SHA256 with the signing secret over <c>v0:{timestamp}:{raw body}</c>, hex,
/// prefixed <c>v0=</c>, compared in constant time; a timestamp more than five minutes from now is refused, so a
/// captured request cannot be replayed later.
/// </summary>
public static class SlackSignature
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static bool IsValid(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature) || timestamp.Length > 12
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > Tolerance.TotalSeconds)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
    }

    /// <summary>The signature Slack sends for <paramref name="body"/> at <paramref name="timestamp"/> (also for tests and the benchmark).</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
