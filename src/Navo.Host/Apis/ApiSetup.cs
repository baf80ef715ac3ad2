using Navo.Host.Logging;
using Navo.Host.Telemetry;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Navo.Channels.Links;
using Navo.Channels.Slack;
using Navo.Channels.Teams;
using Navo.Channels.Web;
using Navo.Host.Identity;
using Navo.Tools.Analyze;

namespace Navo.Host.Apis;

public static class ApiSetup
{
    /// <summary>The largest JSON body any endpoint accepts.</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    /// <summary>Problem details for every error, OpenAPI, and request size limits.</summary>
    public static WebApplicationBuilder AddNavoApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // The framework answers an unreadable body with a bare 400; say what to do about it.
            if (context.ProblemDetails.Detail is null && !context.ProblemDetails.Extensions.ContainsKey("errors"))
            {
                context.ProblemDetails.Detail = context.ProblemDetails.Status switch
                {
                    // A read has no body to blame: its query string did not bind (GET …/messages?limit=many).
                    StatusCodes.Status400BadRequest when HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method) =>
                        "The request could not be read: a query parameter is not of the kind described at /openapi/v1.json (a whole number, say).",
                    StatusCodes.Status400BadRequest => "The request could not be read: send a JSON body of the shape described at /openapi/v1.json.",
                    StatusCodes.Status401Unauthorized => "Sign in first: send Authorization: Bearer {access token}, an API key, or the session cookie.",
                    StatusCodes.Status403Forbidden => "Your role in this workspace does not allow this.",
                    StatusCodes.Status429TooManyRequests => "Too many requests. Wait as long as Retry-After says, then try again.",
                    StatusCodes.Status413PayloadTooLarge => "The body is too large: a request can carry at most 256 KB.",
                    _ => null,
                };
            }
        });
        // The framework throws on an unreadable body in Development only, and the exception handler made that a 500 there:
        // answer it the same way in every environment, and turn any unreadable request that still throws into its 4xx.
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = false);
        builder.Services.AddExceptionHandler<UnreadableRequestHandler>();
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        // A property the API does not know is a mistake worth hearing about ("verison"), not something to ignore.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow);
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            // How to authenticate, for generated clients and the browsable page.
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>
            {
                ["bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
                {
                    Type = Microsoft.OpenApi.SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                    Description = "The accessToken from POST /api/v1/auth/login or /register (15 minutes).",
                },
                ["apiKey"] = new Microsoft.OpenApi.OpenApiSecurityScheme
                {
                    Type = Microsoft.OpenApi.SecuritySchemeType.ApiKey, In = Microsoft.OpenApi.ParameterLocation.Header, Name = "X-Api-Key",
                    Description = "A workspace API key (POST /api/v1/workspace/api-keys).",
                },
            };
            return Task.CompletedTask;
        }));
        builder.Services.AddOptions<SitesOptions>().BindConfiguration(SitesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DomainMap>();
        // Live pages from memory, forgotten on every host when what an address serves changes.
        builder.Services.AddSingleton<LiveSiteCache>();
        builder.Services.AddSingleton<LiveFileCache>();
        // This host's own changes at once, after their commit; every host's through PostgreSQL LISTEN/NOTIFY.
        builder.Services.AddSingleton<Marten.IDocumentSessionListener, LiveSiteChanges>();
        builder.Services.AddHostedService<SiteChangeListener>();
        // Bot tokens at rest and signed preview links: the keys live beside the data, so every restart (and every host
        // sharing the data path) reads what another wrote.
        builder.Services.AddDataProtection().SetApplicationName("Navo")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(builder.Configuration["Navo:DataPath"] ?? ".navo"), "keys")));
        builder.Services.AddSlackChannel();
        builder.Services.AddTeamsChannel();
        builder.Services.AddSingleton<DomainVerifier>();
        DomainVerifier.AddResilience(builder.Services.AddHttpClient(DomainVerifier.ClientName).ConfigurePrimaryHttpMessageHandler(DomainVerifier.PublicOnlyHandler));
        builder.Services.AddResponseCompression(compression =>
        {
            // Pages carry no secrets next to visitor input, so compressing them over HTTPS is safe (no BREACH pairing).
            compression.EnableForHttps = true;
            compression.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            compression.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        builder.Services.AddRateLimiter(limiter => AddRateLimits(limiter, builder.Configuration));
        // Slow and bloated clients are cut off by Kestrel, with limits set here rather than left to defaults.
        builder.Services.AddOptions<ConnectionLimits>().BindConfiguration(ConnectionLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<ConnectionLimits>>((kestrel, limits) => limits.Value.ApplyTo(kestrel.Limits, MaxRequestBodyBytes));
        // On SIGTERM the server stops taking connections and lets the requests in flight (a chat turn's event stream
        // too) finish for this long before it closes them: a rolling restart behind a load balancer fails none.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(
            builder.Configuration.GetValue($"{NavoOptions.Section}:{nameof(NavoOptions.ShutdownSeconds)}", new NavoOptions().ShutdownSeconds)));
        return builder;
    }

    /// <summary>
    /// No browser may sniff an answer (which can carry visitors' text) into something it runs; no answer is framed by
    /// another site; API answers never leak the address in a referrer, and are kept by no shared cache. No CORS headers are ever sent:
    /// other origins cannot read the API from a browser.
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        // No answer may be framed by another site (a page with a button, such as a channel link's Confirm, would be
        // clickjacking's target) unless it says otherwise itself: previews are framed by the studio, on this origin.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (!headers.ContainsKey("X-Frame-Options"))
            {
                headers.XFrameOptions = "DENY";
            }

            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            }

            return Task.CompletedTask;
        });
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            context.Response.OnStarting(() =>
            {
                if (!context.Response.Headers.ContainsKey("Cache-Control"))
                {
                    context.Response.Headers.CacheControl = "private, no-cache";
                }

                return Task.CompletedTask;
            });
        }

        return next(context);
    }

    /// <summary>
    /// A body that says it is over <see cref="MaxRequestBodyBytes"/> (or the endpoint's own limit, which image uploads
    /// raise) is refused before anything reads it (413 with problem details); Kestrel's own limit stops one that does
    /// not say.
    /// </summary>
    private static Task RefuseOversizedBodies(HttpContext context, RequestDelegate next)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return SitePages.IsSitePath(context)
                ? SitePages.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Message not sent", "The message is too long.")
                : Task.CompletedTask;
        }

        if (limit != MaxRequestBodyBytes && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        return next(context);
    }

    /// <summary>
    /// Limits answering 429 with <c>Retry-After</c>: sign-in, register and password requests per client address
    /// (<c>Navo:Limits:AuthPerMinute</c>), chat turns and <c>/mcp</c> requests per user (<c>Navo:Limits:ChatPerMinute</c>), every request made
    /// with an API key per key (<c>Navo:Limits:ApiKeyPerMinute</c>), and contact forms per address
    /// (<c>Navo:Sites:FormsPerMinute</c>, shared with the sites' MCP message tool: <see cref="Mcp.SiteMessageLimiter"/>).
    /// </summary>
    private static void AddRateLimits(RateLimiterOptions limiter, IConfiguration configuration)
    {
        static FixedWindowRateLimiterOptions PerMinute(int permits) => new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) };
        static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

        var auth = configuration.GetValue("Navo:Limits:AuthPerMinute", 20);
        var chat = configuration.GetValue("Navo:Limits:ChatPerMinute", 60);
        var apiKey = configuration.GetValue("Navo:Limits:ApiKeyPerMinute", 600);
        // An assistant hosted elsewhere redeems and refreshes the tokens of all its users from a few addresses: its
        // codes and refresh tokens cannot be guessed, so the token endpoint's budget per address is far larger.
        var tokens = configuration.GetValue("Navo:Limits:OAuthTokensPerMinute", 600);
        var events = configuration.GetValue($"{AnalyticsOptions.Section}:{nameof(AnalyticsOptions.EventsPerMinutePerAddress)}", new AnalyticsOptions().EventsPerMinutePerAddress);
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry)
                ? ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : "60";
            if (SitePages.IsSitePath(context.HttpContext))
            {
                // A visitor of a live site reads a page, not problem details.
                await SitePages.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many messages", "Please wait a minute, then try again.");
                return;
            }

            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests." },
            });
        };
        // The same budget as a site's MCP message tool: one per address for every way a message reaches an owner.
        limiter.AddPolicy(ContactForm.RateLimit, http => RateLimitPartition.Get(
            Address(http), address => http.RequestServices.GetRequiredService<Mcp.SiteMessageLimiter>().For(address)));
        limiter.AddPolicy(SiteBeacon.RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(Address(http), _ => PerMinute(events)));
        limiter.AddPolicy(AccountsApi.RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(Address(http), _ => PerMinute(auth)));
        limiter.AddPolicy(OAuth.OAuthServer.TokenRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(Address(http), _ => PerMinute(tokens)));
        limiter.AddPolicy(WebChatEndpoints.ChatRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.User.FindFirst(NavoClaims.UserId)?.Value ?? Address(http), _ => PerMinute(chat)));
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            http.User.FindFirst(NavoClaims.ApiKeyId)?.Value is { } key
                ? RateLimitPartition.GetFixedWindowLimiter(key, _ => PerMinute(apiKey))
                : RateLimitPartition.GetNoLimiter(string.Empty));
    }

    /// <summary>
    /// The body of an error that has none yet: problem details for the API and the studio, a page for a live site's
    /// visitors (a form posted with the wrong method, say).
    /// </summary>
    private static async Task StatusCodePage(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (SitePages.IsSitePath(http))
        {
            await SitePages.WriteAsync(http, http.Response.StatusCode, "Something is not right", "This address cannot answer that request.");
            return;
        }

        await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode },
        });
    }

    /// <summary>Errors as RFC 9457 problem details (no stack traces outside Development), and the API surface.</summary>
    public static WebApplication UseNavoApi(this WebApplication app)
    {
        // The domain rewrite must come before routing picks an endpoint, hence the explicit UseRouting after it.
        app.UseMiddleware<LivePageShortcut>();
        app.UseNavoRequestLogging();
        app.UseExceptionHandler();
        app.UseMiddleware<SiteDomainRouting>();
        app.UseRouting();
        app.UseResponseCompression();
        app.Use(SecurityHeaders);
        app.UseStatusCodePages(StatusCodePage);
        app.Use(RefuseOversizedBodies);
        app.UseMiddleware<CrossSiteRequestGuard>();
        app.UseMiddleware<Identity.Sso.SsoWorkspaceResolution>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapApiDocs();
        app.MapStudioPages();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = Database.HealthReportWriter.WriteAsync });
        // Liveness: the process answers. It runs no check, so an outage of the database never gets hosts restarted.
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        app.MapNavoMetrics();
        app.MapAccountsApi();
        app.MapSsoApi();
        app.MapWorkspaceApi();
        app.MapAuditApi();
        app.MapDataRightsApi();
        app.MapProjectsApi();
        app.MapPreviewEndpoints();
        app.MapAssetsApi();
        app.MapWebChatEndpoints(Policies.Member);
        app.MapChannelLinkEndpoints(Policies.Member);
        app.MapSlackEndpoints(Policies.Owner);
        app.MapTeamsEndpoints();
        app.MapPublishedSites();
        app.MapSiteBeacon();
        app.MapAnalyticsApi();
        app.MapSuggestionsApi();
        app.MapExperimentsApi();
        app.MapSiteAddressApi();
        return app;
    }
}
