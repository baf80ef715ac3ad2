namespace Navo.Host.Apis;

/// <summary>
/// A browsable page over <c>/openapi/v1.json</c> at <c>/api/docs</c>: plain HTML and one small script module,
/// embedded in the host, under a Content-Security-Policy that allows only this origin's script and data.
/// </summary>
public static class ApiDocs
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly byte[] Page = Read("index.html");
    private static readonly byte[] Script = Read("docs.js");

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/docs", (HttpContext http) => Serve(http, Page, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/api/docs.js", (HttpContext http) => Serve(http, Script, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext http, byte[] content, string type)
    {
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return TypedResults.Bytes(content, type);
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(ApiDocs).Assembly.GetManifestResourceStream($"Navo.Host.ApiDocs.{name}")
            ?? throw new InvalidOperationException($"The API page's {name} is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
