using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Navo.Tools.Analyze;

namespace Navo.Host.Apis;

/// <summary>
/// The visit counter of live sites: <c>GET /s/{slug}/_navo/a.js</c>, the beacon every published page loads (under
/// 1 KB, no cookies, no storage), and <c>POST /s/{slug}/_navo/event</c>, where it sends page views and clicks on the
/// hero's and call-to-action buttons (202). Anyone can post anything here: a body that is not one small event of a
/// live site's page is refused with problem details and nothing is counted. Robots are counted apart; a visitor is
/// <see cref="DailySalts"/>' hash, and neither the address nor the user agent is kept.
/// </summary>
public static partial class SiteBeacon
{
    /// <summary>The rate-limit policy of the event endpoint: per client address (<c>Navo:Analytics:EventsPerMinutePerAddress</c>).</summary>
    public const string RateLimit = "site-events";

    /// <summary>The largest event body accepted; the beacon sends about 60 bytes.</summary>
    public const int MaxBytes = 1024;

    /// <summary>Where the beacon and its endpoint are, relative to a site's root (like <c>_navo/form</c>).</summary>
    public const string ScriptPath = "_navo/a.js";

    public const string EventPath = "_navo/event";

    private static readonly byte[] Script = LoadScript();

    private static readonly string ScriptETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Script))[..16]}\"";

    private static readonly JsonSerializerOptions Strict = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 2,
    };

    public static IEndpointRouteBuilder MapSiteBeacon(this IEndpointRouteBuilder app)
    {
        app.MapMethods($"/s/{{slug}}/{ScriptPath}", StudioPages.PageMethods, ServeScript).WithTags("Sites").ExcludeFromDescription();
        // Sent by any page of the site with sendBeacon: no antiforgery token, and the visitor is anonymous.
        app.MapPost($"/s/{{slug}}/{EventPath}", ReceiveAsync).WithTags("Sites").ExcludeFromDescription()
            .DisableAntiforgery().RequireRateLimiting(RateLimit).WithMetadata(new RequestSizeLimitAttribute(MaxBytes));
        return app;
    }

    /// <summary>Whether a request is for the event endpoint, which answers problem details rather than a visitor's page.</summary>
    public static bool IsEventPath(HttpContext http) => http.Request.Path.Value?.EndsWith("/" + EventPath, StringComparison.Ordinal) == true;

    /// <summary>The beacon: one script for every site, cached a day, revalidated by its ETag.</summary>
    private static IResult ServeScript(HttpContext http)
    {
        http.Response.Headers.ETag = ScriptETag;
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return http.Request.Headers.IfNoneMatch.Contains(ScriptETag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(Script, "text/javascript; charset=utf-8");
    }

    private static async Task<IResult> ReceiveAsync(
        string slug, HttpContext http, LiveSiteCache sites, DailySalts salts, VisitBuffer buffer, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not ("text/plain" or "application/json"))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "An event is JSON, sent as text/plain (sendBeacon) or application/json.");
        }

        var (body, status) = await ReadAsync(http, loggers.CreateLogger(typeof(SiteBeacon)), cancellationToken);
        if (body is null)
        {
            return Refuse(status, status == StatusCodes.Status413PayloadTooLarge ? $"An event is at most {MaxBytes} bytes." : "The event could not be read.");
        }

        BeaconEvent? sent;
        try
        {
            sent = JsonSerializer.Deserialize<BeaconEvent>(body, Strict);
        }
        catch (JsonException)
        {
            return Refuse(StatusCodes.Status400BadRequest, "The event is not the JSON the beacon sends.");
        }

        if (await sites.FindAsync(slug, cancellationToken) is not { Live: true } site)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "The event was not counted.", detail: "There is no live site at this address.");
        }

        if (Check(sent, site) is { } problem)
        {
            return Refuse(StatusCodes.Status400BadRequest, problem);
        }

        var userAgent = http.Request.Headers.UserAgent.ToString();
        if (Robots.IsRobot(userAgent))
        {
            buffer.CountRobot(site.TenantId, site.ProjectId, DateOnly.FromDateTime(DateTime.UtcNow));
            return TypedResults.StatusCode(StatusCodes.Status202Accepted);
        }

        var (visitor, at) = await salts.VisitorAsync(site.ProjectId, http.Connection.RemoteIpAddress?.ToString(), userAgent, cancellationToken);
        var kind = sent!.K == "v" ? VisitKind.PageView : sent.T == "hero" ? VisitKind.HeroClick : VisitKind.CtaClick;
        var visit = new Visit(site.TenantId, site.ProjectId, at, kind, visitor, sent.P, sent.R?.ToLowerInvariant(), (short?)sent.W);
        if (!buffer.TryAdd(visit))
        {
            http.Response.Headers.RetryAfter = "1";
            return Refuse(StatusCodes.Status503ServiceUnavailable, "Too many events are waiting to be written. Try again in a second.");
        }

        return TypedResults.StatusCode(StatusCodes.Status202Accepted);
    }

    private static byte[] LoadScript()
    {
        using var stream = typeof(SiteBeacon).Assembly.GetManifestResourceStream("Navo.Host.Apis.Beacon.a.js")
            ?? throw new InvalidOperationException("The beacon script is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
