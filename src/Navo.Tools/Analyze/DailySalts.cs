using System.Security.Cryptography;
using System.Text;
using Navo.EventStore;

namespace Navo.Tools.Analyze;

/// <summary>
/// Who a visitor is, without cookies and without keeping who they are (Plausible's design): the first 16 bytes of
/// SHA-256 over the day's salt, the site, the address and the user agent. The address and the user agent are used
/// for that hash and never stored. Salts live in <c>navo_analytics_salts</c>, one for the current UTC day, shared by
/// every host; making the day's salt (on the day's first visit, or by <see cref="RotateAsync"/>) deletes every older
/// one, so a visitor is the same all day and cannot be linked with any other day, by anyone.
/// </summary>
public sealed class DailySalts(PostgresEventStore store, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Salt? _current;

    private sealed record Salt(DateOnly Day, byte[] Bytes);

    /// <summary>The visitor hash for a request received now, and the moment it counts at.</summary>
    public async ValueTask<(byte[] Visitor, DateTimeOffset At)> VisitorAsync(Guid site, string? address, string? userAgent, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var salt = await SaltAsync(DateOnly.FromDateTime(at.UtcDateTime), cancellationToken);
        return (Hash(salt, site, address ?? string.Empty, userAgent ?? string.Empty), at);
    }

    /// <summary>
    /// Makes sure the current day has its salt, which deletes every older one: called every second by the host, so a
    /// day's salt is gone shortly after midnight (UTC) even when no visit comes to make the new one.
    /// </summary>
    public async ValueTask RotateAsync(CancellationToken cancellationToken) =>
        await SaltAsync(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancellationToken);

    /// <summary>The hash itself: a pure function of its inputs, each length-prefixed so that no two inputs run together.</summary>
    public static byte[] Hash(byte[] salt, Guid site, string address, string userAgent)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(salt);
        sha.AppendData(site.ToByteArray());
        foreach (var text in new[] { address, userAgent })
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            sha.AppendData(BitConverter.GetBytes(bytes.Length));
            sha.AppendData(bytes);
        }

        return sha.GetHashAndReset()[..16];
    }

    /// <summary>The salt of <paramref name="day"/>: from memory while the day lasts, else made (or read) and the older ones deleted.</summary>
    private async ValueTask<byte[]> SaltAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (_current is { } current && current.Day == day)
        {
            return current.Bytes;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again && again.Day == day)
            {
                return again.Bytes;
            }

            // Hosts may race for a new day: the first insert wins and everyone reads its salt.
            await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(
                "insert into navo_analytics_salts (day, salt) values ($1, $2) on conflict (day) do nothing", cancellationToken, day, RandomNumberGenerator.GetBytes(32));
            await connection.ExecuteAsync("delete from navo_analytics_salts where day < $1", cancellationToken, day);
            var salt = await connection.ScalarAsync<byte[]>("select salt from navo_analytics_salts where day = $1", cancellationToken, day);
            await transaction.CommitAsync(cancellationToken);
            _current = new Salt(day, salt);
            return salt;
        }
        finally
        {
            _gate.Release();
        }
    }
}
