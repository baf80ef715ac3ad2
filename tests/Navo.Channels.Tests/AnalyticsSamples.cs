using Navo.Tools.Analyze;

namespace Navo.Channels.Tests;

/// <summary>The reports both channels' renderings are checked against, so that each shows the same figures.</summary>
public static class AnalyticsSamples
{
    /// <summary>A week up on the one before, with a page and a referrer of each kind (a path that tries markup, a visitor from nowhere).</summary>
    public static AnalyticsReport Week(string oddPath) => new(
        Visitors: 1250, Pageviews: 3400, CtaClicks: 90, CtaClickRate: 0.072, FormSubmissions: 12, ConversionRate: 0.0096,
        Previous: new AnalyticsFigures(1000, 3000, 100, 0.1, 0, 0),
        Daily: [],
        Pages: [new AnalyticsPage("/", 2000, 1100), new AnalyticsPage(oddPath, 900, 400)],
        Referrers: [new AnalyticsReferrer("google.com", 600), new AnalyticsReferrer(null, 500)],
        Devices: []);

    /// <summary>A site nobody has visited.</summary>
    public static AnalyticsReport Empty => new(0, 0, 0, 0, 0, 0, new AnalyticsFigures(0, 0, 0, 0, 0, 0), [], [], [], []);
}
