using System.Threading.RateLimiting;

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
            if (context.ProblemDetails.Status == StatusCodes.Status400BadRequest && context.ProblemDetails.Detail is null
                && !context.ProblemDetails.Extensions.ContainsKey("errors"))
            {
                context.ProblemDetails.Detail =
                    "The request could not be read: send a JSON body of the shape described at /openapi/v1.json.";
            }
        });
        builder.Services.AddOpenApi();
        builder.Services.AddOptions<SitesOptions>().BindConfiguration(SitesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DomainMap>();
        builder.Services.AddSingleton<DomainVerifier>();
        builder.Services.AddHttpClient(DomainVerifier.ClientName).ConfigurePrimaryHttpMessageHandler(DomainVerifier.PublicOnlyHandler);
        builder.Services.AddResponseCompression(compression =>
        {
            // Pages carry no secrets next to visitor input, so compressing them over HTTPS is safe (no BREACH pairing).
            compression.EnableForHttps = true;
            compression.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            compression.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        var formsPerMinute = builder.Configuration.GetValue("Navo:Sites:FormsPerMinute", 10);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(PublishedSites.FormsRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = formsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        return builder;
    }

    /// <summary>Errors as RFC 9457 problem details (no stack traces outside Development), and the API surface.</summary>
    public static WebApplication UseNavoApi(this WebApplication app)
    {
        // The domain rewrite must come before routing picks an endpoint, hence the explicit UseRouting after it.
        app.UseExceptionHandler();
        app.UseMiddleware<SiteDomainRouting>();
        app.UseRouting();
        app.UseResponseCompression();
        // No browser may sniff a JSON answer (which can carry visitors' text) into something it runs.
        app.Use((context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return next(context);
        });
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health");
        app.MapProjectsApi();
        app.MapPreviewEndpoints();
        app.MapConversationsApi();
        app.MapPublishedSites();
        app.MapSiteAddressApi();
        return app;
    }
}
