using Navo.Agent.Tests.Support;

namespace Navo.Agent.Tests.Conversations;

/// <summary>generate_site with industry in free words, a place that wins, and redraft of the current project.</summary>
public sealed class GenerateToolTests(AgentHarness agent) : IClassFixture<AgentHarness>
{
    [Fact]
    public async Task A_correction_redrafts_the_current_project_as_a_new_version_and_undo_brings_the_old_draft_back()
    {
        agent.Chat
            .When("Build a site for Waggy Tails, a hair salon in Leeds", "generate_site", new { description = "Waggy Tails is a hair salon in Leeds.", businessName = "Waggy Tails" })
            .When("we're a dog groomer, not a salon", "generate_site", new { description = "we're a dog groomer, not a salon", industry = "dog groomer", redraft = true })
            .When("undo", "edit_site", new { operations = new[] { new { op = "undo" } } });
        var tenant = AgentHarness.Workspace();
        var conversation = await agent.Conversations.StartAsync(tenant, "web");
        var first = await agent.SayAsync(tenant, conversation, "Build a site for Waggy Tails, a hair salon in Leeds");
        var salon = (await agent.Projects.GetAsync(tenant, first.ProjectId!.Value))!;

        var redrafted = await agent.SayAsync(tenant, conversation, "we're a dog groomer, not a salon");

        redrafted.ProjectId.Should().Be(first.ProjectId);
        redrafted.Version.Should().Be(first.Version + 1);
        redrafted.Reply.Text.Should().Be("I've drafted the site again for Waggy Tails in Leeds. Say \"undo\" to go back to the earlier draft.");
        var project = (await agent.Projects.GetAsync(tenant, first.ProjectId!.Value))!;
        (project.Brief!.Industry, salon.Brief!.Industry).Should().Be(("pets", "beauty"));
        (await agent.Projects.ListAsync(tenant)).Should().ContainSingle();

        await agent.SayAsync(tenant, conversation, "undo");
        var undone = (await agent.Projects.GetAsync(tenant, first.ProjectId!.Value))!;
        System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.JsonSerializer.SerializeToNode(undone.Site), System.Text.Json.JsonSerializer.SerializeToNode(salon.Site)).Should().BeTrue();
    }

    [Fact]
    public async Task A_redraft_with_no_site_yet_drafts_a_new_one_and_the_place_given_wins()
    {
        agent.Chat.When("actually we're florists in York", "generate_site", new { description = "We are Petal & Stem, florists in Leeds.", businessName = "Petal & Stem", place = "York", redraft = true });
        var tenant = AgentHarness.Workspace();
        var conversation = await agent.Conversations.StartAsync(tenant, "web");

        var drafted = await agent.SayAsync(tenant, conversation, "actually we're florists in York");

        drafted.Reply.Text.Should().StartWith("Here's a first draft for Petal & Stem in York.");
        (await agent.Projects.GetAsync(tenant, drafted.ProjectId!.Value))!.Brief!.Place.Should().Be("York");
    }
}
