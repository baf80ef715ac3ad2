using System.Security.Cryptography;

namespace Navo.Tools.Experiments;

/// <summary>
/// Which arm a visitor is in: the first bit of SHA-256(visitor hash, experiment id). The visitor hash is stable within
/// a day (its salt changes daily), so a visitor sees the same arm all day, on every page, and the page they were
/// served, their clicks and their contact form are counted in the same arm. Each experiment splits anew, so two
/// experiments on one site are independent. The same bit is computed in SQL when figures are read
/// (<c>get_byte(sha256(visitor || id), 0) &amp; 1</c>), so no arm is ever stored.
/// </summary>
public static class ExperimentArms
{
    /// <summary>True when <paramref name="visitor"/> is shown the variant of experiment <paramref name="experimentId"/>.</summary>
    public static bool SeesVariant(ReadOnlySpan<byte> visitor, Guid experimentId)
    {
        Span<byte> input = stackalloc byte[visitor.Length + 16];
        visitor.CopyTo(input);
        IdBytes(experimentId).CopyTo(input[visitor.Length..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return (hash[0] & 1) == 1;
    }

    /// <summary>The experiment id's bytes as they are mixed in, here and in SQL.</summary>
    public static byte[] IdBytes(Guid experimentId) => experimentId.ToByteArray(bigEndian: true);
}
