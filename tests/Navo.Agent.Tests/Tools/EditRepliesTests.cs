using Navo.Agent.Tests.Support;
using Navo.Agent.Tools;
using Navo.Tools.Edit;
using Navo.Tools.Sites;

namespace Navo.Agent.Tests.Tools;

public sealed class EditRepliesTests(AgentHarness agent) : IClassFixture<AgentHarness>
{
    [Fact]
    public async Task New_operations_get_natural_replies_through_the_real_tools()
    {
        agent.Chat
            .When("Build a site for Sunrise Bakery", "generate_site", new { description = "Sunrise Bakery is a bakery in Leeds." })
            .When("our name is actually Crumbs", "edit_site", new { operations = new object[] { new { op = "set_name", name = "Crumbs" } } })
            .When("we're open Mon-Fri 8-4, closed Sundays", "edit_site", new
            {
                operations = new object[] { new { op = "set_hours", hours = new object[] { new { days = "Mon-Fri", opens = "08:00", closes = "16:00" }, new { days = "Sun", text = "Closed" } } } },
            })
            .When("add a price list: haircut £20, beard trim £10", "edit_site", new
            {
                operations = new object[] { new { op = "add_section", type = "pricing", items = new object[] { new { name = "Haircut", price = "£20" }, new { name = "Beard trim", price = "£10", period = "session" } } } },
            })
            .When("by appointment only", "edit_site", new { operations = new object[] { new { op = "set_hours", hours = Array.Empty<object>(), text = "By appointment only" } } })
            .When("we open at 25 o'clock", "edit_site", new { operations = new object[] { new { op = "set_hours", hours = new object[] { new { days = "Mon", opens = "25:00", closes = "26:00" } } } } });
        var tenant = AgentHarness.Workspace();
        var conversation = await agent.Conversations.StartAsync(tenant, "web");
        await agent.SayAsync(tenant, conversation, "Build a site for Sunrise Bakery");

        (await agent.SayAsync(tenant, conversation, "our name is actually Crumbs")).Reply.Text.Should().Be("Done — the business is now called Crumbs everywhere. This is version 3.");
        (await agent.SayAsync(tenant, conversation, "we're open Mon-Fri 8-4, closed Sundays")).Reply.Text.Should()
            .Be("Done — your opening hours are now Mon-Fri 08:00–16:00, Sun: Closed. This is version 4.");
        (await agent.SayAsync(tenant, conversation, "add a price list: haircut £20, beard trim £10")).Reply.Text.Should()
            .Be("Done — I added a price list: Haircut £20, Beard trim £10 per session. This is version 5.");
        (await agent.SayAsync(tenant, conversation, "by appointment only")).Reply.Text.Should().Be("Done — your opening hours now say 'By appointment only'. This is version 6.");
        (await agent.SayAsync(tenant, conversation, "we open at 25 o'clock")).Reply.Text.Should().Be("Times are written as 24-hour HH:mm, like 09:00 or 17:30: '25:00' is not one.");
        (await agent.Projects.ListAsync(tenant)).Single().Name.Should().Be("Crumbs");
    }

    [Fact]
    public void An_item_is_named_by_what_it_is_called()
    {
        var project = SampleProject();

        EditReplies.Describe([new SetText("pricing", "price", "£20", Item: 1)], project).Should().Be("Done — the price of \"Large cake\" now reads '£20'. This is version 9.");
        EditReplies.Describe([new SetText("pricing", "name", "Big cake", Item: 1)], project).Should().Be("Done — the name now reads 'Big cake'. This is version 9.");
        EditReplies.Describe([new AddSection("faq", Items: [SectionItem.Of(("question", "Q"))])], project).Should().Be("Done — I added a FAQ with 1 item. This is version 9.");
        var topic = new Dictionary<string, string> { ["title"] = "Our gift vouchers", ["body"] = "Ask us about our gift vouchers." };
        EditReplies.Describe([new AddSection("about", Fields: topic)], project).Should()
            .Be("Done — I added a section called \"Our gift vouchers\". Tell me what it should say. This is version 9.");
        EditReplies.Describe([new SetHours(Text: "Closed on bank holidays")], project).Should()
            .Be("Done — your opening hours have the note 'Closed on bank holidays'. This is version 9.");
    }

    private static Navo.Tools.Projects.ProjectState SampleProject()
    {
        var pricing = new Section("s4", "pricing", new Dictionary<string, string> { ["title"] = "Prices" },
            [SectionItem.Of(("name", "Small cake"), ("price", "£12")), SectionItem.Of(("name", "Large cake"), ("price", "£20"))]);
        var site = new Site("Sunrise Bakery", "sunrise-bakery", new Theme(ThemeMode.Light, "#2563eb", ThemeFont.Sans, ThemeRadius.Small), new Seo("S", "D"),
            [new Page("p1", "Home", "/", [pricing])]);
        return Navo.Tools.Projects.ProjectState.Initial with { Site = site, Version = 9 };
    }
}
