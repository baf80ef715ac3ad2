using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Navo.Host.Database;

/// <summary>
/// <c>/health</c>'s answer: "Healthy" as before for load balancers and probes, and when something is wrong, the status
/// and a line per failing check saying why, with <c>Retry-After</c> (the host recovers by itself).
/// </summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "text/plain; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        if (report.Status == HealthStatus.Healthy)
        {
            return http.Response.WriteAsync("Healthy");
        }

        http.Response.Headers.RetryAfter = Apis.DatabaseUnavailableHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = new StringBuilder(report.Status.ToString());
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
        {
            text.Append('\n').Append(name).Append(": ").Append(entry.Description ?? entry.Status.ToString());
        }

        return http.Response.WriteAsync(text.ToString());
    }
}
