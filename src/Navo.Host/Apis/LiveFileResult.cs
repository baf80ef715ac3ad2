using Microsoft.Net.Http.Headers;

namespace Navo.Host.Apis;

/// <summary>
/// A published file as the answer: 304 when the client holds it, else the bytes in the best form the client accepts
/// (Brotli, then gzip, then as stored), each form with its own ETag. The response compression middleware leaves an
/// answer that names its encoding alone, so nothing is compressed twice or on every request.
/// </summary>
internal static class LiveFileResult
{
    public static IResult Create(HttpContext http, LiveFileCache.LiveFile file, string contentType, bool compress = true)
    {
        var headers = http.Response.Headers;
        var ifNoneMatch = http.Request.Headers.IfNoneMatch;
        if (compress)
        {
            headers.Vary = HeaderNames.AcceptEncoding;
        }

        var (bytes, etag, encoding) = !compress ? (file.Bytes, file.ETag, null)
            : Accepts(http, "br") ? (file.Brotli, file.BrotliETag, "br")
            : Accepts(http, "gzip") ? (file.Gzip, file.GzipETag, "gzip")
            : (file.Bytes, file.ETag, (string?)null);
        headers.ETag = etag;
        if (ifNoneMatch.Count > 0 && (ifNoneMatch.Contains(etag) || ifNoneMatch.Contains(file.ETag)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        return TypedResults.Bytes(bytes, contentType);
    }

    /// <summary>Whether Accept-Encoding names <paramref name="coding"/> with a weight above zero.</summary>
    private static bool Accepts(HttpContext http, string coding)
    {
        var accepted = http.Request.Headers.AcceptEncoding;
        if (accepted.Count == 0)
        {
            return false;
        }

        return StringWithQualityHeaderValue.TryParseList(accepted, out var codings)
            && codings.Any(c => c.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) && (c.Quality ?? 1) > 0);
    }
}
