using System.Security.Cryptography;
using Microsoft.Extensions.FileProviders;

namespace Navo.Host.Apis;

/// <summary>
/// Navo's own pages — the landing page, sign-in, sign-up, password reset and the studio — and their styles and
/// scripts (<c>wwwroot/</c>, embedded in the host so they are served the same however it is started). Plain HTML,
/// CSS and ES modules with no build step, under a Content-Security-Policy that allows this origin's files only.
/// </summary>
public static class StudioPages
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Each address and the file that answers it.</summary>
    private static readonly Dictionary<string, string> Routes = new(StringComparer.Ordinal)
    {
        ["/"] = "index.html",
        ["/signin"] = "signin.html",
        ["/signup"] = "signup.html",
        ["/reset-password"] = "reset-password.html",
        ["/studio"] = "studio.html",
        ["/navo.css"] = "navo.css",
        ["/auth.js"] = "auth.js",
        ["/studio.js"] = "studio.js",
        ["/widget.js"] = "widget.js",
    };

    /// <summary>
    /// Pages answer HEAD wherever they answer GET (link checkers and uptime monitors ask with it); the server sends the
    /// headers without the body.
    /// </summary>
    public static readonly string[] PageMethods = [HttpMethods.Get, HttpMethods.Head];

    private sealed record Asset(byte[] Content, string ContentType, string ETag);

    public static IEndpointRouteBuilder MapStudioPages(this IEndpointRouteBuilder app)
    {
        var files = new EmbeddedFileProvider(typeof(StudioPages).Assembly, "Navo.Host.wwwroot");
        foreach (var (path, name) in Routes)
        {
            var asset = Load(files, name);
            app.MapMethods(path, PageMethods, (HttpContext http) => Serve(http, asset)).ExcludeFromDescription();
        }

        // The demo account's sign-in, shown on the sign-in page, exists only in Development.
        app.MapGet("/api/v1/auth/demo", (IHostEnvironment environment, IConfiguration configuration) =>
            environment.IsDevelopment() && configuration.GetValue("Navo:SeedDemo", true)
                ? Results.Ok(new { email = Identity.DemoWorkspace.Email, password = Identity.DemoWorkspace.Password })
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No demo account.", detail: "The demo workspace exists only in Development."))
            .ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext http, Asset asset)
    {
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers["Referrer-Policy"] = "same-origin";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ETag = asset.ETag;
        return http.Request.Headers.IfNoneMatch.Contains(asset.ETag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    private static Asset Load(EmbeddedFileProvider files, string name)
    {
        var file = files.GetFileInfo(name);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"wwwroot/{name} is not embedded in the host.");
        }

        using var stream = file.CreateReadStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        var type = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            _ => "text/javascript; charset=utf-8",
        };
        return new Asset(content, type, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
    }
}
