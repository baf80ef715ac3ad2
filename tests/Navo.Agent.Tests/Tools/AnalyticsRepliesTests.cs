using Navo.Agent.Tools;
using Navo.Tools.Analyze;

namespace Navo.Agent.Tests.Tools;

public sealed class AnalyticsRepliesTests
{
    private static AnalyticsReport Report(long visitors, long previous, long views = 0, long clicks = 0, double clickRate = 0, long forms = 0, double conversion = 0) =>
        new(visitors, views, clicks, clickRate, forms, conversion, new AnalyticsFigures(previous, previous, 0, 0, 0, 0), [], [], [], []);

    [Fact]
    public void A_week_is_told_in_two_sentences_against_the_week_before()
    {
        AnalyticsReplies.Summary(Report(212, 180, views: 430, clicks: 9, clickRate: 0.0425, forms: 7, conversion: 0.031), AnalyticsPeriod.Days7)
            .Should().Be("212 visitors this week, up 18% on the week before, and 430 page views. 4.3% clicked a main button (9 clicks) and 3.1% sent the contact form (7 messages).");
    }

    [Theory]
    [InlineData(90, 100, AnalyticsPeriod.Days30, "90 visitors in the last 30 days, down 10% on the 30 days before")]
    [InlineData(100, 100, AnalyticsPeriod.Days90, "100 visitors in the last 90 days, as many as the 90 days before")]
    [InlineData(1, 0, AnalyticsPeriod.Days7, "1 visitor this week, none the week before")]
    [InlineData(5, 0, AnalyticsPeriod.All, "5 visitors so far, and")]
    public void The_change_is_said_in_words(long visitors, long previous, AnalyticsPeriod period, string start) =>
        AnalyticsReplies.Summary(Report(visitors, previous), period).Should().StartWith(start);

    [Fact]
    public void No_visitors_says_where_visits_are_counted() =>
        AnalyticsReplies.Summary(Report(0, 3), AnalyticsPeriod.Days7).Should().Be(
            "No visitors counted this week yet: visits are counted on the published site, from the day it goes live.");
}
