using System.Globalization;
using System.Xml.Linq;
using Navo.Tools.Analyze;

namespace Navo.Tools.Tests.Analyze;

/// <summary>The daily visitors chart the studio's analytics card shows: what it draws, what it says, what it lets through.</summary>
public sealed class AnalyticsChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static AnalyticsReport Report(params long[] visitors)
    {
        var first = new DateOnly(2026, 11, 23);
        var daily = visitors.Select((n, i) => new AnalyticsDay(first.AddDays(i), n, n * 2)).ToList();
        var total = visitors.Sum();
        return new AnalyticsReport(total, total * 2, 0, 0, 0, 0, new AnalyticsFigures(0, 0, 0, 0, 0, 0), daily, [], [], []);
    }

    private static XElement Draw(AnalyticsReport report, string name = "Rosa's Bakery", AnalyticsPeriod period = AnalyticsPeriod.Days7) =>
        XElement.Parse(AnalyticsChart.Svg(report, name, period));

    [Fact]
    public void The_chart_is_an_image_named_by_its_title_and_described_with_every_days_visitors()
    {
        var chart = Draw(Report(20, 31, 0, 48, 25, 44, 44));

        chart.Name.Should().Be(Svg + "svg");
        chart.Attribute("role")!.Value.Should().Be("img");
        chart.Elements().First().Name.Should().Be(Svg + "title", "a screen reader names the image by its first title");
        chart.Element(Svg + "title")!.Value.Should().Be("Visitors a day to Rosa's Bakery, the last 7 days");
        chart.Element(Svg + "desc")!.Value.Should().Be(
            "212 visitors the last 7 days, 23 Nov 2026 to 29 Nov 2026; the most on 26 Nov 2026: 48. Each day: 23 Nov 2026 20, "
            + "24 Nov 2026 31, 25 Nov 2026 0, 26 Nov 2026 48, 27 Nov 2026 25, 28 Nov 2026 44, 29 Nov 2026 44.");
        chart.Element(Svg + "g")!.Attribute("aria-hidden")!.Value.Should().Be("true", "the bars say nothing the description does not");
    }

    [Fact]
    public void Each_day_is_a_bar_as_tall_as_its_share_of_the_top_of_the_scale()
    {
        var chart = Draw(Report(10, 50, 0, 25));

        var heights = chart.Descendants(Svg + "rect").Select(r => double.Parse(r.Attribute("height")!.Value, CultureInfo.InvariantCulture)).ToList();
        var scale = chart.Descendants(Svg + "text").First().Value;

        heights.Should().HaveCount(4);
        scale.Should().Be("50");
        heights[1].Should().Be(160, "the busiest day reaches the top of the plot");
        heights[0].Should().BeApproximately(32, 0.01);
        heights[2].Should().Be(0);
        heights[3].Should().Be(80);
    }

    [Fact]
    public void A_name_with_markup_quotes_and_control_characters_stays_text_in_a_well_formed_image()
    {
        const string name = "<script>alert(1)</script> & \"Bob's\" \u0001<a href=\"javascript:x\">";

        var svg = AnalyticsChart.Svg(Report(3, 4), name, AnalyticsPeriod.Days30);
        var chart = XElement.Parse(svg);

        chart.Element(Svg + "title")!.Value.Should().Be("Visitors a day to <script>alert(1)</script> & \"Bob's\" <a href=\"javascript:x\">, the last 30 days");
        chart.Descendants().Select(e => e.Name.LocalName).Distinct().Should().BeSubsetOf(["title", "desc", "g", "line", "text", "rect"]);
        svg.Should().NotContain("<script").And.NotContain("<a ").And.NotContain("\u0001");
    }

    [Fact]
    public void A_period_without_visitors_says_so_and_draws_no_bar_above_zero()
    {
        var chart = Draw(Report(0, 0, 0), period: AnalyticsPeriod.All);

        chart.Element(Svg + "desc")!.Value.Should().Be("No visitors since the first visit.");
        chart.Descendants(Svg + "rect").Should().OnlyContain(r => r.Attribute("height")!.Value == "0");
    }

    [Fact]
    public void A_long_period_is_described_by_its_total_and_busiest_day_not_day_by_day()
    {
        var chart = Draw(Report([.. Enumerable.Range(1, 90).Select(i => (long)i)]), period: AnalyticsPeriod.Days90);

        chart.Element(Svg + "desc")!.Value.Should().Be("4,095 visitors the last 90 days, 23 Nov 2026 to 20 Feb 2027; the most on 20 Feb 2027: 90.");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(48, 50)]
    [InlineData(51, 100)]
    [InlineData(120, 200)]
    [InlineData(4001, 5000)]
    public void The_scale_tops_out_at_one_two_or_five_times_a_power_of_ten(long most, long top) =>
        AnalyticsChart.NiceCeiling(most).Should().Be(top);
}
