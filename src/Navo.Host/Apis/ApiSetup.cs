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
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        return builder;
    }

    /// <summary>Errors as RFC 9457 problem details (no stack traces outside Development), and the API surface.</summary>
    public static WebApplication UseNavoApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health");
        app.MapProjectsApi();
        app.MapPreviewEndpoints();
        app.MapConversationsApi();
        app.MapPublishedSites();
        return app;
    }
}
