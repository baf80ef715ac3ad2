using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Navo.Agent.Conversations;

/// <summary>
/// The message ids a conversation has answered, as a Bloom filter of one size (2 KiB) however many there are: it says
/// for certain that an id is new, and "maybe answered" for every id it holds and, rarely, for a new one. A new id is
/// taken for an answered one about once in 2,900 after 600 turns, once in 450 after 1,000; the turn then looks the id
/// up in the conversation's history, which is what every turn did before the snapshot.
/// </summary>
/// <remarks>
/// A set of the ids themselves would be exact, but would grow with every turn in a snapshot written every turn.
/// </remarks>
public sealed class MessageIdFilter
{
    private const int BitCount = 16 * 1024;

    /// <summary>How many bits an id sets; four suits a filter of this size holding a few hundred to a thousand ids.</summary>
    private const int Probes = 4;

    /// <summary>A filter holding no id.</summary>
    public static MessageIdFilter Empty { get; } = new(new byte[BitCount / 8]);

    /// <summary>A filter from its stored <paramref name="bits"/>, which it keeps and never changes.</summary>
    public MessageIdFilter(byte[] bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        if (bits.Length != BitCount / 8)
        {
            throw new ArgumentException($"A message id filter has {BitCount / 8} bytes, not {bits.Length}.", nameof(bits));
        }

        Bits = bits;
    }

    /// <summary>The filter as stored (base64 in the snapshot's JSON). Not to be changed: <see cref="With"/> copies it.</summary>
    public byte[] Bits { get; }

    /// <summary>False when <paramref name="messageId"/> was certainly never added; true when it may have been.</summary>
    public bool MayContain(string messageId) => Positions(messageId).All(p => (Bits[p / 8] & (1 << (p % 8))) != 0);

    /// <summary>This filter with <paramref name="messageId"/> added.</summary>
    public MessageIdFilter With(string messageId)
    {
        var bits = (byte[])Bits.Clone();
        foreach (var position in Positions(messageId))
        {
            bits[position / 8] |= (byte)(1 << (position % 8));
        }

        return new MessageIdFilter(bits);
    }

    /// <summary>
    /// The bits an id sets, from its SHA-256: the same in every process and every version, which
    /// <see cref="string.GetHashCode()"/> is not, and the filter outlives both.
    /// </summary>
    private static int[] Positions(string messageId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(messageId));
        var positions = new int[Probes];
        for (var i = 0; i < Probes; i++)
        {
            positions[i] = BinaryPrimitives.ReadUInt16LittleEndian(hash.AsSpan(i * 2)) % BitCount;
        }

        return positions;
    }
}
