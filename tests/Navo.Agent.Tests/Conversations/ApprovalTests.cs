using Navo.Agent.Tools;
using Navo.Agent.Conversations;
using Navo.Agent.Tests.Support;
using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Agent.Tests.Conversations;

/// <summary>Every publish_site action, delete_project and page removal is asked about in its own words; a yes runs exactly that.</summary>
public sealed class ApprovalTests(AgentHarness agent) : IClassFixture<AgentHarness>
{
    private const string Draft = "Build a site for Mar Azul, a restaurant in Sines";

    private async Task<(Navo.EventStore.TenantContext Tenant, Guid Conversation, Guid Project)> DraftedAsync()
    {
        agent.Chat
            .When(Draft, "generate_site", new { description = "Mar Azul is a restaurant in Sines." })
            .When("publish it", "publish_site", new { action = "publish" })
            .When("take it offline", "publish_site", new { action = "unpublish" })
            .When("put version 2 back live", "publish_site", new { action = "rollback", version = 2 })
            .When("put the old one back live", "publish_site", new { action = "rollback" })
            .When("make it dark", "edit_site", new { operations = new[] { new { op = "set_theme", mode = "dark" } } });
        var tenant = AgentHarness.Workspace();
        var conversation = await agent.Conversations.StartAsync(tenant, "web");
        var drafted = await agent.SayAsync(tenant, conversation, Draft);
        return (tenant, conversation, drafted.ProjectId!.Value);
    }

    private async Task<ProjectState> ProjectAsync(Navo.EventStore.TenantContext tenant, Guid project) => (await agent.Projects.GetAsync(tenant, project))!;

    [Fact]
    public async Task Publish_asks_and_a_yes_puts_the_site_live()
    {
        var (tenant, conversation, project) = await DraftedAsync();

        var asked = await agent.SayAsync(tenant, conversation, "publish it");

        asked.Reply.Text.Should().Be(
            "Publish the site now, so anyone can see it? It still has sample content, which the live site leaves out until you replace it: 3 reviews and 4 answers. Reply yes or no.",
            "the bakery draft's reviews and FAQ answers are Navo's, not the owner's, and publishing asks once, saying so");
        asked.Reply.Cards.Should().Contain(c => c.Type == "confirm");
        (await ProjectAsync(tenant, project)).Live.Should().BeNull("nothing runs before the yes");
        (await agent.SayAsync(tenant, conversation, "yes")).Reply.Text.Should().StartWith("Your site is live at /s/mar-azul");
        (await agent.LiveStatusAsync(project)).Should().Be("live");
    }

    [Fact]
    public async Task Unpublish_asks_in_its_own_words_and_a_yes_takes_the_site_offline_never_publishes()
    {
        var (tenant, conversation, project) = await DraftedAsync();
        await agent.SayAsync(tenant, conversation, "publish it");
        await agent.SayAsync(tenant, conversation, "yes");
        var published = (await ProjectAsync(tenant, project)).Version;

        var asked = await agent.SayAsync(tenant, conversation, "take it offline");
        var done = await agent.SayAsync(tenant, conversation, "yes");

        asked.Reply.Text.Should().Be("Take Mar Azul offline? Visitors will see that it is gone until you publish again. Reply yes or no.");
        done.Reply.Text.Should().StartWith("The site is offline");
        var after = await ProjectAsync(tenant, project);
        after.Live.Should().BeNull();
        after.Version.Should().Be(published + 1, "exactly one event: the unpublish");
        (await agent.LiveStatusAsync(project)).Should().Be("gone");
    }

    [Fact]
    public async Task Rollback_names_the_version_or_the_previously_published_one()
    {
        var (tenant, conversation, project) = await DraftedAsync();
        await agent.SayAsync(tenant, conversation, "publish it");
        await agent.SayAsync(tenant, conversation, "yes");
        await agent.SayAsync(tenant, conversation, "make it dark");
        await agent.SayAsync(tenant, conversation, "publish it");
        await agent.SayAsync(tenant, conversation, "yes");
        (await ProjectAsync(tenant, project)).Live!.Version.Should().Be(4);

        (await agent.SayAsync(tenant, conversation, "put the old one back live")).Reply.Text.Should().Be("Put the previously published version live again? Reply yes or no.");
        (await agent.SayAsync(tenant, conversation, "no")).Reply.Text.Should().Be("Okay, I left everything as it was.");
        (await ProjectAsync(tenant, project)).Live!.Version.Should().Be(4);

        (await agent.SayAsync(tenant, conversation, "put version 2 back live")).Reply.Text.Should().Be("Put version 2 live again? Reply yes or no.");
        (await agent.SayAsync(tenant, conversation, "yes")).Reply.Text.Should().Be("The live site is back to version 2.");
        (await ProjectAsync(tenant, project)).Live!.Version.Should().Be(2);
    }

    [Fact]
    public async Task A_viewer_asking_to_publish_is_refused_at_once_without_a_question()
    {
        var (tenant, conversation, project) = await DraftedAsync();
        var viewer = AgentHarness.Member(tenant, "viewer");

        var refused = await agent.SayAsync(viewer, conversation, "publish it");

        refused.Reply.Text.Should().StartWith("You can look at this site but not change it");
        refused.Reply.Cards.Should().NotContain(c => c.Type == "confirm");
        (await agent.ConversationAsync(tenant, conversation)).Pending.Should().BeNull();
        (await agent.EventsAsync(tenant, conversation)).Select(e => e.Data).OfType<ToolCallCompleted>().Last().Status.Should().Be(ToolStatus.Refused);
        (await ProjectAsync(tenant, project)).Live.Should().BeNull();
    }

    [Fact]
    public void Each_question_is_worded_for_its_action()
    {
        static Dictionary<string, object?> Args(object value) =>
            System.Text.Json.JsonSerializer.SerializeToElement(value).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());

        ApprovalQuestions.For("publish_site", Args(new { action = "unpublish" }), null).Should().StartWith("Take the site offline?");
        ApprovalQuestions.For("publish_site", Args(new { action = "rollback", version = "7" }), null).Should().Be("Put version 7 live again? Reply yes or no.");
        ApprovalQuestions.For("delete_project", Args(new { name = "Rosa's Bakery" }), null).Should()
            .Be("Delete the site \"Rosa's Bakery\" and everything in it? This cannot be undone. Reply yes or no.");
        ApprovalQuestions.For("edit_site", Args(new { operations = new[] { new { op = "remove_page", page = "Menu" } } }), null).Should()
            .Be("Remove the page \"Menu\" and everything on it? Reply yes or no.");
        Navo.Agent.Tools.NavoTools.NeedsApproval("publish_site", Args(new { action = "shout" })).Should().BeFalse("an unknown action is refused by the tool, not asked about");
        Navo.Agent.Tools.NavoTools.NeedsApproval("publish_site", Args(new { action = 0 })).Should().BeFalse("a number is no action: the tool refuses it too");
        Navo.Agent.Tools.NavoTools.NeedsApproval("publish_site", Args(new { action = "PUBLISH" })).Should().BeFalse("the tool reads names exactly as written, and refuses this one");
        Navo.Agent.Tools.NavoTools.NeedsApproval("edit_site", Args(new { operations = new[] { new { op = "set_name", page = "x" } } })).Should().BeFalse();
    }

    [Fact]
    public void Publishing_a_site_with_an_image_without_alt_text_is_not_asked_about_but_says_what_is_missing()
    {
        var args = new Dictionary<string, object?> { ["action"] = System.Text.Json.JsonSerializer.SerializeToElement("publish") };
        var site = new Site("Rosa's", "rosas", new Theme(ThemeMode.Light, "#2563eb", ThemeFont.Sans, ThemeRadius.Small), new Seo("Rosa's", "Bread"),
            [new Page("p1", "Home", "/", [new Section("s1", "hero", new Dictionary<string, string> { ["headline"] = "Fresh bread" }, [])])]);
        var page = site.Pages[0];
        var withPhoto = site.WithPage(page with
        {
            Sections = [.. page.Sections.Select(s => s.Type == "hero" ? s with { Image = new ImageRef(new string('a', 64), string.Empty, 800, 600) } : s)],
        });

        ApprovalQuestions.Blocker("publish_site", args, withPhoto).Should().Be("Before the site goes live, tell me what the main photo shows, for visitors who cannot see it (for example: \"the main photo shows our shop front\").");
        ApprovalQuestions.Blocker("publish_site", args, site).Should().BeNull();
        ApprovalQuestions.Blocker("publish_site", new Dictionary<string, object?> { ["action"] = System.Text.Json.JsonSerializer.SerializeToElement("unpublish") }, withPhoto).Should().BeNull();
    }
}
