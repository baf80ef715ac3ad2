using Navo.Agent.Tools;
using Navo.Agent.Conversations;
using Navo.Agent.Tests.Support;

namespace Navo.Agent.Tests.Conversations;

public sealed class DeleteProjectTests(AgentHarness agent) : IClassFixture<AgentHarness>
{
    private async Task<(Navo.EventStore.TenantContext Tenant, Guid Conversation, Guid Project)> DraftedAsync(string name)
    {
        agent.Chat
            .When($"Build a site for {name}", "generate_site", new { description = $"{name} is a bakery in Porto." })
            .When($"delete {name}", "delete_project", new { name })
            .When("make it dark", "edit_site", new { operations = new[] { new { op = "set_theme", mode = "dark" } } })
            .When("publish it", "publish_site", new { action = "publish" });
        var tenant = AgentHarness.Workspace();
        var conversation = await agent.Conversations.StartAsync(tenant, "web");
        var drafted = await agent.SayAsync(tenant, conversation, $"Build a site for {name}");
        return (tenant, conversation, drafted.ProjectId!.Value);
    }

    /// <summary>The site is as it was: same version, still listed, and its address still its own.</summary>
    private async Task StillThereAsync(Navo.EventStore.TenantContext tenant, Guid project, long version)
    {
        (await agent.Projects.GetAsync(tenant, project))!.Version.Should().Be(version);
        (await agent.Projects.ListAsync(tenant)).Should().Contain(p => p.Id == project);
        (await agent.LiveStatusAsync(project)).Should().NotBe("deleted");
    }

    [Fact]
    public async Task An_owner_is_asked_and_a_yes_deletes_the_site_and_the_conversation_lets_go_of_it()
    {
        var (tenant, conversation, project) = await DraftedAsync("Forno Velho");
        await agent.SayAsync(tenant, conversation, "publish it");
        await agent.SayAsync(tenant, conversation, "yes");

        var version = (await agent.Projects.GetAsync(tenant, project))!.Version;
        var asked = await agent.SayAsync(tenant, conversation, "delete Forno Velho");
        await StillThereAsync(tenant, project, version); // nothing is deleted before the yes
        var done = await agent.SayAsync(tenant, conversation, "yes");

        asked.Reply.Text.Should().Be("Delete the site \"Forno Velho\" and everything in it? This cannot be undone. Reply yes or no.");
        done.Reply.Text.Should().Be("I deleted \"Forno Velho\". Its address now tells visitors the site is gone, and another site can use it.");
        done.ProjectId.Should().BeNull();
        (await agent.Projects.GetAsync(tenant, project)).Should().BeNull();
        (await agent.Projects.ListAsync(tenant)).Should().BeEmpty();
        (await agent.LiveStatusAsync(project)).Should().Be("deleted");
        (await agent.ConversationAsync(tenant, conversation)).ProjectId.Should().BeNull();
        (await agent.SayAsync(tenant, conversation, "make it dark")).Reply.Text.Should().StartWith("There is no site in this conversation yet");
    }

    [Fact]
    public async Task After_its_site_is_deleted_a_conversation_never_edits_another_site_silently()
    {
        // Regression: "make it dark" after deleting a site changed the workspace's other site, without a word.
        var (tenant, conversation, _) = await DraftedAsync("Casa Antiga");
        agent.Chat.When("Build a site for Casa Nova", "generate_site", new { description = "Casa Nova is a bakery in Braga." });
        var other = await agent.Conversations.StartAsync(tenant, "web");
        var otherSite = (await agent.SayAsync(tenant, other, "Build a site for Casa Nova")).ProjectId!.Value;
        var before = (await agent.Projects.GetAsync(tenant, otherSite))!.Version;

        await agent.SayAsync(tenant, conversation, "delete Casa Antiga");
        await agent.SayAsync(tenant, conversation, "yes");
        var reply = await agent.SayAsync(tenant, conversation, "make it dark");

        reply.Reply.Text.Should().StartWith("There is no site in this conversation yet");
        (await agent.Projects.GetAsync(tenant, otherSite))!.Version.Should().Be(before);
    }

    [Fact]
    public async Task A_no_keeps_the_site()
    {
        var (tenant, conversation, project) = await DraftedAsync("Pão de Ló");
        var version = (await agent.Projects.GetAsync(tenant, project))!.Version;

        await agent.SayAsync(tenant, conversation, "delete Pão de Ló");
        (await agent.SayAsync(tenant, conversation, "no")).Reply.Text.Should().Be("Okay, I left everything as it was.");

        await StillThereAsync(tenant, project, version);
    }

    [Theory]
    [InlineData("editor")]
    [InlineData("viewer")]
    public async Task Anyone_but_an_owner_is_refused_at_once_and_the_refusal_is_recorded(string role)
    {
        var (tenant, conversation, project) = await DraftedAsync($"Casa {role}");
        var version = (await agent.Projects.GetAsync(tenant, project))!.Version;
        var member = AgentHarness.Member(tenant, role);

        var refused = await agent.SayAsync(member, conversation, $"delete Casa {role}");

        refused.Reply.Text.Should().Be("Only an owner of the workspace can delete a site: ask an owner to do it.");
        refused.Reply.Cards.Should().NotContain(c => c.Type == "confirm");
        (await agent.EventsAsync(tenant, conversation)).Select(e => e.Data).OfType<ToolCallCompleted>().Last()
            .Should().Match<ToolCallCompleted>(c => c.Name == "delete_project" && c.Status == ToolStatus.Refused);
        await StillThereAsync(tenant, project, version);
    }

    [Fact]
    public async Task A_name_that_is_not_a_site_is_said_after_the_yes_and_nothing_is_deleted()
    {
        var (tenant, conversation, project) = await DraftedAsync("Doce Lar");
        var version = (await agent.Projects.GetAsync(tenant, project))!.Version;
        agent.Chat.When("delete Doce", "delete_project", new { name = "Doce" });

        await agent.SayAsync(tenant, conversation, "delete Doce");
        var answer = await agent.SayAsync(tenant, conversation, "yes");

        answer.Reply.Text.Should().Be("I can't find a site called \"Doce\". Did you mean \"Doce Lar\"? Say its full name to delete it.");
        await StillThereAsync(tenant, project, version);
    }

    [Fact]
    public async Task Another_conversation_on_a_site_deleted_elsewhere_lets_go_of_it_on_its_next_turn()
    {
        var (tenant, first, project) = await DraftedAsync("Broa Nova");
        var second = await agent.Conversations.StartAsync(tenant, "web");
        await agent.Conversations.SendAsync(tenant, second, new IncomingMessage("make it dark", null, project, null, "web"));
        (await agent.ConversationAsync(tenant, second)).ProjectId.Should().Be(project);

        await agent.SayAsync(tenant, first, "delete Broa Nova");
        await agent.SayAsync(tenant, first, "yes");
        var next = await agent.SayAsync(tenant, second, "make it dark");

        next.Reply.Text.Should().StartWith("There is no site in this conversation yet");
        (await agent.EventsAsync(tenant, second)).Select(e => e.Data).OfType<ProjectLeft>().Should().ContainSingle(l => l.ProjectId == project);
        (await agent.ConversationAsync(tenant, second)).ProjectId.Should().BeNull();
    }
}
