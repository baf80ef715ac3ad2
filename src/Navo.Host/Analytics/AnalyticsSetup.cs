using Navo.Host.Apis;
using Navo.Tools.Analyze;

namespace Navo.Host.Analytics;

public static class AnalyticsSetup
{
    /// <summary>
    /// <c>Navo:Analytics</c> validated at start, the beacon endpoint's helpers, and the writer of the visit buffer.
    /// Registered after the database, so that at shutdown the last visits are written before the database stops.
    /// </summary>
    public static WebApplicationBuilder AddNavoAnalytics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<LiveSiteCache>();
        builder.Services.AddSingleton<SiteVisits>();
        builder.Services.AddHostedService<VisitWriting>();
        return builder;
    }
}
