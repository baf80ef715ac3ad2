using Navo.Tools.Edit;
using Navo.Tools.Sites;
using static Navo.Tools.Tests.Edit.EditHarness;

namespace Navo.Tools.Tests.Edit;

public sealed class SetHoursTests
{
    private static readonly HoursRow[] Weekdays = [new("Mon-Fri", "08:00", "16:00"), new("Sat", "09:00", "13:00"), new("Sun", Text: "Closed")];

    private readonly EditHarness _edits = new();

    [Fact]
    public void A_site_without_hours_gets_an_hours_section_just_before_contact()
    {
        var outcome = _edits.Decide(_edits.Project, new SetHours(Weekdays));

        var added = outcome.Events.Should().ContainSingle().Which.Should().BeOfType<SectionAdded>().Subject;
        var after = _edits.Apply(_edits.Project, new SetHours(Weekdays));
        Types(after).SkipWhile(t => t != "hours").Take(2).Should().Equal("hours", "contact");
        added.Section.Items.Select(OpeningHours.Describe).Should().Equal("Mon-Fri 08:00–16:00", "Sat 09:00–13:00", "Sun: Closed");
        added.Section.Field("title").Should().Be("Opening hours");
        added.Section.Field("note").Should().BeEmpty("Navo's placeholder note goes once the owner gives the hours");
        SiteValidator.Validate(after.Site!).Should().BeEmpty();
    }

    [Fact]
    public void Without_a_contact_section_the_hours_go_before_the_footer_else_at_the_end()
    {
        var noContact = _edits.Apply(_edits.Project, new RemoveSection("contact"));
        Types(_edits.Apply(noContact, new SetHours(Weekdays)))[^2..].Should().Equal("hours", "footer");

        var neither = _edits.Apply(noContact, new RemoveSection("footer"));
        Types(_edits.Apply(neither, new SetHours(Weekdays)))[^1].Should().Be("hours");
    }

    [Fact]
    public void With_an_hours_section_the_rows_and_note_are_replaced_in_one_event()
    {
        var first = _edits.Apply(_edits.Project, new SetHours(Weekdays));
        var sections = first.Site!.Pages[0].Sections.Count;

        var outcome = _edits.Decide(first, new SetHours([new("Tue-Sun", "10:00", "18:00")], "Closed on bank holidays"));

        var changed = outcome.Events.Should().ContainSingle().Which.Should().BeOfType<HoursChanged>().Subject;
        var after = first.Apply(changed, first.Version + 1);
        after.Site!.Pages[0].Sections.Should().HaveCount(sections);
        Only(after, "hours").Items.Select(OpeningHours.Describe).Should().Equal("Tue-Sun 10:00–18:00");
        Only(after, "hours").Field("note").Should().Be("Closed on bank holidays");
    }

    [Fact]
    public void A_note_alone_keeps_the_rows_beside_it()
    {
        var first = _edits.Apply(_edits.Project, new SetHours(Weekdays));

        var after = _edits.Apply(first, new SetHours(Text: "Closed on bank holidays"));

        Only(after, "hours").Items.Select(OpeningHours.Describe).Should().Equal("Mon-Fri 08:00–16:00", "Sat 09:00–13:00", "Sun: Closed");
        Only(after, "hours").Field("note").Should().Be("Closed on bank holidays");
    }

    [Fact]
    public void A_note_with_no_rows_stands_for_the_hours()
    {
        var first = _edits.Apply(_edits.Project, new SetHours(Weekdays));

        var after = _edits.Apply(first, new SetHours([], "By appointment only"));

        Only(after, "hours").Items.Should().BeEmpty();
        Only(after, "hours").Field("note").Should().Be("By appointment only");
    }

    [Fact]
    public void The_same_hours_again_change_nothing()
    {
        var first = _edits.Apply(_edits.Project, new SetHours(Weekdays));

        _edits.Refusal(first, new SetHours(Weekdays)).Should().Be("The opening hours already read that.");
    }

    [Theory]
    [InlineData("Mon-Fri", "9am", "17:00", null, "Times are written as 24-hour HH:mm, like 09:00 or 17:30: '9am' is not one.")]
    [InlineData("Mon-Fri", "09:00", "25:00", null, "Times are written as 24-hour HH:mm, like 09:00 or 17:30: '25:00' is not one.")]
    [InlineData("Mon-Fri", "9:00", "17:00", null, "Times are written as 24-hour HH:mm, like 09:00 or 17:30: '9:00' is not one.")]
    [InlineData("Mon-Fri", "09:00", "12:60", null, "Times are written as 24-hour HH:mm, like 09:00 or 17:30: '12:60' is not one.")]
    [InlineData("Mon-Fri", "09:00", null, null, "Say both when 'Mon-Fri' opens and when it closes.")]
    [InlineData("Mon-Fri", "09:00", "09:00", null, "The hours for 'Mon-Fri' open and close at the same time (09:00): say the real hours, or that it is closed.")]
    [InlineData("Sun", "09:00", "17:00", "Closed", "Give 'Sun' either opening and closing times or a text such as 'Closed', not both.")]
    [InlineData("Sun", null, null, null, "Say when 'Sun' opens and closes, or that it is closed.")]
    [InlineData(" ", "09:00", "17:00", null, "Say which days row 1 of the opening hours is for, such as 'Mon-Fri'.")]
    [InlineData("Mon\u0000", "09:00", "17:00", null, "The days cannot contain control characters.")]
    public void Nonsense_hours_are_refused_with_a_clear_reason(string days, string? opens, string? closes, string? text, string reason) =>
        _edits.Refusal(_edits.Project, new SetHours([new(days, opens, closes, text)])).Should().Be(reason);

    [Fact]
    public void Nothing_to_set_too_many_rows_and_a_long_note_are_refused()
    {
        _edits.Refusal(_edits.Project, new SetHours()).Should().StartWith("Say the opening hours");
        _edits.Refusal(_edits.Project, new SetHours([], " ")).Should().StartWith("Say the opening hours");
        _edits.Refusal(_edits.Project, new SetHours([.. Enumerable.Repeat(new HoursRow("Mon", "09:00", "17:00"), 51)]))
            .Should().Be("Opening hours can have at most 50 rows.");
        _edits.Refusal(_edits.Project, new SetHours(Text: new string('n', 2001))).Should().Be("The note can be at most 2,000 characters.");
    }

    [Fact]
    public void A_bar_may_close_after_midnight()
    {
        var after = _edits.Apply(_edits.Project, new SetHours([new("Fri-Sat", "18:00", "02:00")]));

        Only(after, "hours").Items.Single().Field("closes").Should().Be("02:00");
    }

    [Fact]
    public void An_opening_time_set_by_itself_is_checked_too()
    {
        var project = _edits.Apply(_edits.Project, new SetHours(Weekdays));

        _edits.Refusal(project, new SetText("hours", "opens", "noon", Item: 0)).Should()
            .Be("Times are written as 24-hour HH:mm, like 09:00 or 17:30: 'noon' is not one.");
        Only(_edits.Apply(project, new SetText("hours", "opens", "07:30", Item: 0)), "hours").Items[0].Field("opens").Should().Be("07:30");
    }
}
