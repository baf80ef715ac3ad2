using Navo.Host.Apis;
using Navo.Tools.Analyze;

namespace Navo.Host.Analytics;

public static class AnalyticsSetup
{
    /// <summary>
    /// <c>Navo:Analytics</c> validated at start, the beacon endpoint's helpers, the writer of the visit buffer and the daily roll-up.
    /// Registered after the database, so that at shutdown the last visits are written before the database stops.
    /// </summary>
    public static WebApplicationBuilder AddNavoAnalytics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SiteVisits>();
        builder.Services.AddHostedService<VisitWriting>();
        builder.Services.AddHostedService<RollingUp>();
        return builder;
    }
}
