using Navo.Tools.Sites;

namespace Navo.Tools.Tests.Sites;

public sealed class OpeningHoursTests
{
    [Theory]
    [InlineData("00:00", true)]
    [InlineData("09:30", true)]
    [InlineData("23:59", true)]
    [InlineData("24:00", false)]
    [InlineData("9:30", false)]
    [InlineData("09.30", false)]
    [InlineData("0930", false)]
    [InlineData("09:30am", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Times_are_24_hour_HH_mm(string? value, bool valid) => OpeningHours.IsTime(value).Should().Be(valid);

    [Fact]
    public void A_document_with_nonsense_hours_is_invalid_wherever_it_came_from()
    {
        var hours = new Section("s1", "hours", new Dictionary<string, string> { ["title"] = "Hours" },
            [SectionItem.Of(("days", "Mon"), ("opens", "09:00"), ("closes", "17:00")), SectionItem.Of(("days", "Tue"), ("opens", "late"), ("closes", "17:00"))]);

        SiteValidator.ValidateSection(hours).Should().Equal("Times are written as 24-hour HH:mm, like 09:00 or 17:30: 'late' is not one.");
        SiteValidator.ValidateSection(hours with { Items = [hours.Items[0]] }).Should().BeEmpty();
    }

    [Fact]
    public void Rows_are_said_the_way_people_read_them()
    {
        OpeningHours.Describe(SectionItem.Of(("days", "Mon-Fri"), ("opens", "08:00"), ("closes", "16:00"))).Should().Be("Mon-Fri 08:00–16:00");
        OpeningHours.Describe(SectionItem.Of(("days", "Sun"), ("text", "Closed"))).Should().Be("Sun: Closed");
    }

    [Fact]
    public void The_schema_says_hours_times_are_HH_mm()
    {
        var hours = SiteSchema.Build()["properties"]!["pages"]!["items"]!["properties"]!["sections"]!["items"]!["oneOf"]!.AsArray()
            .Single(s => s!["title"]!.GetValue<string>() == "hours")!;

        hours["properties"]!["items"]!["items"]!["properties"]!["opens"]!["pattern"]!.GetValue<string>().Should().Be("^([01][0-9]|2[0-3]):[0-5][0-9]$");
        hours["properties"]!["fields"]!["properties"]!.AsObject().Select(p => p.Key).Should().Equal("title", "note");
    }
}
