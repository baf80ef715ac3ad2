using System.Net;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Navo.Host.Telemetry;

/// <summary>
/// OpenTelemetry metrics and traces for ASP.NET Core, HttpClient, Npgsql (its own ActivitySource and Meter), the .NET
/// runtime (memory, GC, thread pool: metrics only) and the chat pipeline (Microsoft.Extensions.AI): both exported over OTLP when <c>Navo:Telemetry:OtlpEndpoint</c> (or the
/// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) is set (traces are recorded only then), and metrics for a
/// Prometheus-style scraper at <c>/metrics</c>, answered
/// only to this machine unless <c>Navo:Telemetry:MetricsOpen</c> is true (put it behind your own network rules then).
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddNavoTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = builder.Configuration["Navo:Telemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("navo"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Npgsql")
                .AddMeter("Experimental.Microsoft.Extensions.AI")
                // The runtime's own: working set, GC heap by generation, collections, thread pool.
                .AddMeter("System.Runtime")
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            // Traces only when something collects them: recording spans nobody reads costs every request.
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
                    .AddHttpClientInstrumentation()
                    .AddSource("Npgsql")
                    .AddSource("Experimental.Microsoft.Extensions.AI"))
                .UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(otlp));
        }

        return builder;
    }

    /// <summary>The scrape endpoint; a request from another machine gets 404 unless metrics are opened.</summary>
    public static WebApplication MapNavoMetrics(this WebApplication app)
    {
        var open = app.Configuration.GetValue<bool>("Navo:Telemetry:MetricsOpen");
        app.UseWhen(
            http => http.Request.Path.StartsWithSegments(MetricsPath) && !open && http.Connection.RemoteIpAddress is { } from && !IPAddress.IsLoopback(from),
            refused => refused.Run(http =>
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }));
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
