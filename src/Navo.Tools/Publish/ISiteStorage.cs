using System.Security.Cryptography;

namespace Navo.Tools.Publish;

/// <summary>
/// Where published pages live, content-addressed: a file's key is the hash of its bytes, so writing is idempotent
/// and a half-written publish never changes what is live. Files today; S3-compatible storage can follow.
/// </summary>
public interface ISiteStorage
{
    /// <summary>The key <paramref name="content"/> is stored under: the lower-case hex SHA-256 of its bytes.</summary>
    static string KeyOf(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Stores <paramref name="content"/> and returns its key.</summary>
    Task<string> PutAsync(byte[] content, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes a file (when a workspace is deleted and nothing else refers to it); a missing one is fine.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>
/// Content-addressed files under a folder (<c>{Navo:DataPath}/sites/</c>), written durably (<see cref="DurableFile"/>):
/// a live pointer committed after <see cref="PutAsync"/> never points at a file a power cut could leave empty or lose,
/// whether this call wrote the file or found it there.
/// </summary>
public sealed class FileSiteStorage(string root) : ISiteStorage
{
    public async Task<string> PutAsync(byte[] content, CancellationToken cancellationToken)
    {
        var key = ISiteStorage.KeyOf(content);
        var path = PathOf(key);
        if (File.Exists(path))
        {
            // Another publish wrote it, perhaps one whose folder flush failed: flushed again, not trusted.
            DurableFile.FlushAgain(path);
        }
        else
        {
            await DurableFile.WriteAsync(path, content, cancellationToken);
        }

        return key;
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (key.Length != 64 || !key.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (key.Length == 64 && key.All(char.IsAsciiHexDigitLower))
        {
            File.Delete(PathOf(key));
        }

        return Task.CompletedTask;
    }

    private string PathOf(string key) => Path.Combine(root, key[..2], key[2..]);
}
