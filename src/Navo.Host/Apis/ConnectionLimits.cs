using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Navo.Host.Apis;

/// <summary>
/// <c>Navo:Limits:Connections</c>: what Kestrel allows a client before it gives up on it. Each is set explicitly, not
/// left to the framework's defaults, so that an operator can read here (and in docs/operations.md) what a slow or
/// bloated request meets: headers dribbled byte by byte (slowloris) are cut off after
/// <see cref="RequestHeadersSeconds"/> with 408; a body slower than <see cref="MinBodyBytesPerSecond"/> after
/// <see cref="BodyGraceSeconds"/> is cut off with 408; more header bytes than <see cref="MaxHeaderBytes"/> (a huge
/// cookie, say) or more than <see cref="MaxHeaderCount"/> headers get 431 before anything of Navo runs.
/// </summary>
public sealed class ConnectionLimits
{
    public const string Section = "Navo:Limits:Connections";

    /// <summary>How long the request line and all headers may take to arrive (Kestrel's default is 30 s).</summary>
    [Range(1, 300)]
    public int RequestHeadersSeconds { get; set; } = 15;

    /// <summary>The slowest a request body may arrive once <see cref="BodyGraceSeconds"/> have passed (a mobile upload on 2G is faster).</summary>
    [Range(1, 1_000_000)]
    public int MinBodyBytesPerSecond { get; set; } = 240;

    /// <summary>How long a body may arrive slower than <see cref="MinBodyBytesPerSecond"/> before it is cut off.</summary>
    [Range(1, 120)]
    public int BodyGraceSeconds { get; set; } = 5;

    /// <summary>The slowest a client may read an answer once <see cref="BodyGraceSeconds"/> have passed.</summary>
    [Range(1, 1_000_000)]
    public int MinResponseBytesPerSecond { get; set; } = 240;

    /// <summary>All of a request's headers together, cookies included (431 over it).</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxHeaderBytes { get; set; } = 32 * 1024;

    /// <summary>How many headers a request may have (431 over it).</summary>
    [Range(10, 1000)]
    public int MaxHeaderCount { get; set; } = 100;

    /// <summary>The request line: method, path and query (414 over it).</summary>
    [Range(1024, 64 * 1024)]
    public int MaxRequestLineBytes { get; set; } = 8 * 1024;

    /// <summary>How long an idle kept-alive connection stays open.</summary>
    [Range(1, 600)]
    public int KeepAliveSeconds { get; set; } = 120;

    /// <summary>Applies these limits (and the body size limit) to Kestrel.</summary>
    public void ApplyTo(KestrelServerLimits limits, long maxRequestBodyBytes)
    {
        limits.MaxRequestBodySize = maxRequestBodyBytes;
        limits.RequestHeadersTimeout = TimeSpan.FromSeconds(RequestHeadersSeconds);
        limits.MinRequestBodyDataRate = new MinDataRate(MinBodyBytesPerSecond, TimeSpan.FromSeconds(BodyGraceSeconds));
        limits.MinResponseDataRate = new MinDataRate(MinResponseBytesPerSecond, TimeSpan.FromSeconds(BodyGraceSeconds));
        limits.MaxRequestHeadersTotalSize = MaxHeaderBytes;
        limits.MaxRequestHeaderCount = MaxHeaderCount;
        limits.MaxRequestLineSize = MaxRequestLineBytes;
        limits.KeepAliveTimeout = TimeSpan.FromSeconds(KeepAliveSeconds);
        // HTTP/2 (over TLS) has its own header table limits; keep them no looser than HTTP/1.1's.
        limits.Http2.MaxRequestHeaderFieldSize = Math.Min(limits.Http2.MaxRequestHeaderFieldSize, MaxHeaderBytes);
    }
}
