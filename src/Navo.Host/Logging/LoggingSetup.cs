using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace Navo.Host.Logging;

/// <summary>
/// Serilog (Serilog.AspNetCore), structured, to the console through a background writer (Serilog.Sinks.Async): text for people, JSON (<c>Navo:Logging:Json=true</c>) for
/// machines; levels from <c>Serilog:MinimumLevel</c>. One line per request, without its query string or body.
/// </summary>
public static class LoggingSetup
{
    public static WebApplicationBuilder AddNavoLogging(this WebApplicationBuilder builder)
    {
        var json = builder.Configuration.GetValue<bool>("Navo:Logging:Json");
        builder.Services.AddSerilog((services, logger) =>
        {
            logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Npgsql", LogEventLevel.Warning)
                // Semantic Kernel writes three lines for every tool call; the conversation's events record each call
                // with its time, and the audit trail is projected from them.
                .MinimumLevel.Override("Microsoft.SemanticKernel", LogEventLevel.Warning)
                // The MCP SDK writes lines for every request and call, and a failed call's message can quote what a
                // visitor sent (send_message); the MCP turns' events and the audit trail record the calls.
                .MinimumLevel.Override("ModelContextProtocol", LogEventLevel.Warning)
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            // The console is written from a background thread: a request does not wait for the console's lock and
            // write. The lines still queued are written when the host stops (the logger is disposed with it).
            logger.WriteTo.Async(console =>
            {
                if (json)
                {
                    console.Console(new JsonFormatter(renderMessage: true));
                }
                else
                {
                    console.Console(outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}");
                }
            });
        });
        return builder;
    }

    /// <summary>One summary line per request: method, path, status and time; server errors as errors, health checks and scrapes only at Verbose.</summary>
    public static WebApplication UseNavoRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = (http, _, failure) => failure is not null || http.Response.StatusCode >= 500
                ? LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments(Telemetry.TelemetrySetup.MetricsPath) ? LogEventLevel.Verbose : LogEventLevel.Information;
            // A shared preview's token is its key: the line says a shared preview was read, not which.
            options.GetMessageTemplateProperties = (http, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(WithoutKeys(path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });
        return app;
    }

    /// <summary><c>/preview/shared/{token}/about</c> as <c>/preview/shared/…/about</c>.</summary>
    public static string WithoutKeys(string path) =>
        path.StartsWith(Navo.Channels.PreviewLinks.PathPrefix, StringComparison.OrdinalIgnoreCase) && path.IndexOf('/', Navo.Channels.PreviewLinks.PathPrefix.Length) is var end
            ? Navo.Channels.PreviewLinks.PathPrefix + "…" + (end < 0 ? string.Empty : path[end..])
            : path;
}
