using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.Extensions.Options;
using Navo.Tools.Publish;

namespace Navo.Host.Apis;

/// <summary>
/// Published files in memory, with their Brotli and gzip forms made once, on first request. Files are content-addressed
/// (the key is the hash of the bytes), so a kept file is never stale and needs no invalidation; the cache is bounded by
/// <see cref="SitesOptions.MemoryCacheMegabytes"/>, past which the files kept longest make room.
/// </summary>
internal sealed class LiveFileCache(ISiteStorage storage, IOptions<SitesOptions> options)
{
    private readonly ConcurrentDictionary<string, LiveFile> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private long _bytes;

    /// <summary>The bytes kept now, in all forms.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>The file stored under <paramref name="key"/> if it is kept, without reading the storage.</summary>
    public bool TryGetKept(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LiveFile? file) => _files.TryGetValue(key, out file);

    /// <summary>The file stored under <paramref name="key"/>, or null when there is none.</summary>
    public async ValueTask<LiveFile?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (_files.TryGetValue(key, out var kept))
        {
            return kept;
        }

        if (await storage.GetAsync(key, cancellationToken) is not { } bytes)
        {
            return null;
        }

        var file = new LiveFile(key, bytes, this);
        if (_files.TryAdd(key, file))
        {
            _order.Enqueue(key);
            Grew(bytes.Length);
        }

        return file;
    }

    private void Grew(long by)
    {
        var limit = (long)options.Value.MemoryCacheMegabytes * 1024 * 1024;
        // A file larger than the whole cache is still served: it is simply the next to go.
        while (Interlocked.Add(ref _bytes, by) > limit && _order.TryDequeue(out var oldest))
        {
            by = _files.TryRemove(oldest, out var gone) ? -gone.Size : 0;
        }
    }

    /// <summary>A published file: its bytes, its ETag, and its compressed forms once asked for.</summary>
    internal sealed class LiveFile(string key, byte[] bytes, LiveFileCache cache)
    {
        private byte[]? _brotli;
        private byte[]? _gzip;

        public byte[] Bytes => bytes;

        /// <summary>The ETag of the bytes as stored; each compressed form has its own, as RFC 9110 asks.</summary>
        public string ETag { get; } = $"\"{key}\"";

        public string BrotliETag { get; } = $"\"{key}-br\"";

        public string GzipETag { get; } = $"\"{key}-gz\"";

        internal long Size => bytes.Length + (_brotli?.Length ?? 0) + (_gzip?.Length ?? 0);

        public byte[] Brotli => _brotli ?? Compress(ref _brotli, stream => new BrotliStream(stream, CompressionLevel.SmallestSize));

        public byte[] Gzip => _gzip ?? Compress(ref _gzip, stream => new GZipStream(stream, CompressionLevel.SmallestSize));

        private byte[] Compress(ref byte[]? field, Func<Stream, Stream> compressor)
        {
            using var output = new MemoryStream(bytes.Length / 3 + 64);
            using (var compressing = compressor(output))
            {
                compressing.Write(bytes);
            }

            var compressed = output.ToArray();
            // Two requests may compress at once: the first kept wins and is counted once.
            if (Interlocked.CompareExchange(ref field, compressed, null) is { } already)
            {
                return already;
            }

            if (cache._files.TryGetValue(key, out var kept) && ReferenceEquals(kept, this))
            {
                cache.Grew(compressed.Length);
            }

            return compressed;
        }
    }
}
