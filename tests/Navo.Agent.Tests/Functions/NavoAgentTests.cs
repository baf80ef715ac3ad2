using System.Text.Json;
using Microsoft.Extensions.AI;
using Navo.Agent.Conversations;
using Navo.Agent.Functions;
using Navo.Agent.Tests.Support;
using Navo.Agent.Tools;
using Navo.Testing;

namespace Navo.Agent.Tests.Functions;

/// <summary>The agent and the conversation service with a fake model that a test answers for, over the real store, without the host.</summary>
public sealed class NavoAgentTests(NavoAgentTests.Harness agent) : IClassFixture<NavoAgentTests.Harness>
{
    public sealed class Harness : AgentHarness
    {
        public Harness()
        {
            Fake = new FakeChatClient((messages, options) => Answer(messages, options));
            Model = ModelClients.Pipeline(Fake);
        }

        public FakeChatClient Fake { get; }

        public Func<IReadOnlyList<ChatMessage>, ChatOptions?, ChatResponse> Answer { get; set; } = (_, _) => FakeChatClient.Says("Hello.");
    }

    private static Dictionary<string, object?> Json(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);

    private async Task<(Navo.EventStore.TenantContext Tenant, Guid Conversation, Guid Project)> DraftedAsync(string role = "owner")
    {
        var owner = AgentHarness.Workspace();
        agent.Answer = (messages, _) => messages[^1].Role == ChatRole.Tool
            ? FakeChatClient.Says("Drafted.")
            : FakeChatClient.Calls("c1", ToolNames.GenerateSite, Json("""{"description":"Linha Verde is a florist in Braga."}"""));
        var conversation = await agent.Conversations.StartAsync(owner, "web");
        var project = (await agent.SayAsync(owner, conversation, "draft my florist")).ProjectId!.Value;
        if (role == "owner")
        {
            return (owner, conversation, project);
        }

        var member = AgentHarness.Member(owner, role);
        return (member, await agent.Conversations.StartAsync(member, "web"), project);
    }

    [Fact]
    public async Task The_model_is_offered_the_tools_by_their_exact_names_and_asked_at_most_eight_times_the_last_without_tools()
    {
        var tenant = AgentHarness.Workspace();
        var conversation = await agent.Conversations.StartAsync(tenant, "web");
        var asked = agent.Fake.Requests.Count;
        agent.Answer = (_, options) => options?.Tools is { Count: > 0 } ? FakeChatClient.Calls(Guid.NewGuid().ToString("N"), ToolNames.Help) : FakeChatClient.Says("Enough.");

        var reply = await agent.SayAsync(tenant, conversation, "help me forever");

        var requests = agent.Fake.Requests.Skip(asked).ToList();
        requests.Should().HaveCount(NavoAgent.MaxRounds);
        requests[0].Options!.Tools!.Select(t => t.Name).Should().BeEquivalentTo(
            [ToolNames.GenerateSite, ToolNames.EditSite, ToolNames.ShowHistory, ToolNames.ListProjects, ToolNames.OpenProject, ToolNames.DeleteProject, ToolNames.PublishSite, ToolNames.AnalyzeSite, ToolNames.ApplySuggestion, ToolNames.DismissSuggestion, ToolNames.StartExperiment, ToolNames.ConcludeExperiment, ToolNames.ShowLeads, ToolNames.Help]);
        requests[^1].Options?.Tools.Should().BeNullOrEmpty("the last request makes the model answer");
        reply.Reply.Text.Should().Be("Enough.");
        (await agent.EventsAsync(tenant, conversation)).Select(e => e.Data).OfType<ToolCallCompleted>().Should().HaveCount(NavoAgent.MaxRounds - 1);
    }

    [Fact]
    public async Task An_answer_that_edits_then_publishes_makes_the_edit_and_asks_before_publishing()
    {
        var (tenant, conversation, project) = await DraftedAsync();
        var before = (await agent.Projects.GetAsync(tenant, project))!.Version;
        agent.Answer = (_, _) => new ChatResponse(new ChatMessage(ChatRole.Assistant,
        [
            new FunctionCallContent("e1", ToolNames.EditSite, Json("""{"operations":[{"op":"set_theme","mode":"dark"}]}""")),
            new FunctionCallContent("p1", ToolNames.PublishSite, Json("""{"action":"publish"}""")),
        ]));

        var asked = await agent.SayAsync(tenant, conversation, "make it dark and publish it");

        asked.Reply.Text.Should().StartWith("Done — the site is now dark.").And.Contain("Publish the site now");
        var after = (await agent.Projects.GetAsync(tenant, project))!;
        (after.Version, after.Live).Should().Be((before + 1, null), "the edit ran; the publish waits for the yes");
        (await agent.ConversationAsync(tenant, conversation)).Pending!.Name.Should().Be(ToolNames.PublishSite);
        (await agent.SayAsync(tenant, conversation, "yes")).Reply.Text.Should().StartWith("Your site is live");
        (await agent.LiveStatusAsync(project)).Should().Be("live");
    }

    [Fact]
    public async Task A_viewers_edit_is_refused_by_the_role_filter_recorded_and_never_run()
    {
        var (viewer, conversation, project) = await DraftedAsync("viewer");
        var before = (await agent.Projects.GetAsync(viewer, project))!.Version;
        agent.Answer = (messages, _) => messages[^1].Role == ChatRole.Tool
            ? FakeChatClient.Says(((ToolResult)messages[^1].Contents.OfType<FunctionResultContent>().Single().Result!).Message)
            : FakeChatClient.Calls("v1", ToolNames.EditSite, Json("""{"operations":[{"op":"set_theme","mode":"dark"}]}"""));

        var reply = await agent.SayAsync(viewer, conversation, "make it dark");

        reply.Reply.Text.Should().Be(RoleFilter.ReadOnlyRefusal);
        (await agent.Projects.GetAsync(viewer, project))!.Version.Should().Be(before);
        (await agent.EventsAsync(viewer, conversation)).Select(e => e.Data).OfType<ToolCallCompleted>().Single()
            .Should().Match<ToolCallCompleted>(c => c.CallId == "v1" && c.Status == ToolStatus.Refused);
    }

    [Fact]
    public async Task The_history_the_model_sees_is_rebuilt_from_the_conversations_record()
    {
        var (tenant, conversation, _) = await DraftedAsync();
        var asked = agent.Fake.Requests.Count;
        agent.Answer = (_, _) => FakeChatClient.Says("Sure.");

        await agent.SayAsync(tenant, conversation, "thanks");

        var messages = agent.Fake.Requests[asked].Messages;
        messages[0].Role.Should().Be(ChatRole.System);
        messages[0].Text.Should().Contain("Linha Verde", "the system prompt is rendered with the turn's site");
        messages.Skip(1).Select(m => (m.Role, m.Text)).Should().Equal(
            (ChatRole.User, "draft my florist"), (ChatRole.Assistant, "Drafted."), (ChatRole.User, "thanks"));
    }

    [Theory]
    [InlineData(ToolNames.PublishSite, """{"action":"explode"}""", "\"action\" must be one of publish, rollback, unpublish.")]
    [InlineData(ToolNames.ShowHistory, """{"limit":"many"}""", "\"limit\" must be a whole number.")]
    [InlineData(ToolNames.EditSite, """{"operations":"make it dark"}""", "\"operations\" must be a list of edit operations, each an object with its \"op\".")]
    [InlineData(ToolNames.OpenProject, """{}""", "\"name\" is missing.")]
    public async Task A_model_call_with_an_argument_the_tool_cannot_read_gets_a_sentence_naming_it(string tool, string arguments, string problem)
    {
        var (tenant, conversation, project) = await DraftedAsync();
        var before = (await agent.Projects.GetAsync(tenant, project))!.Version;
        ToolResult? seen = null;
        agent.Answer = (messages, _) =>
        {
            if (messages[^1].Role != ChatRole.Tool)
            {
                return FakeChatClient.Calls("b1", tool, Json(arguments));
            }

            seen = (ToolResult)messages[^1].Contents.OfType<FunctionResultContent>().Single().Result!;
            return FakeChatClient.Says("Let me try that again.");
        };

        await agent.SayAsync(tenant, conversation, "do it");

        var sentence = $"The arguments for {tool} were not valid: {problem}";
        seen.Should().Be(ToolResult.Error(sentence));
        (await agent.EventsAsync(tenant, conversation)).Select(e => e.Data).OfType<ToolCallCompleted>().Last()
            .Should().Match<ToolCallCompleted>(c => c.CallId == "b1" && c.Status == ToolStatus.Error && c.Result == sentence);
        (await agent.Projects.GetAsync(tenant, project))!.Version.Should().Be(before);
    }

    [Fact]
    public async Task A_model_call_whose_arguments_are_not_json_gets_a_sentence_without_the_parsers_text()
    {
        var (tenant, conversation, project) = await DraftedAsync();
        var before = (await agent.Projects.GetAsync(tenant, project))!.Version;
        object? seen = null;
        agent.Answer = (messages, _) =>
        {
            if (messages[^1].Role != ChatRole.Tool)
            {
                return new ChatResponse(new ChatMessage(ChatRole.Assistant,
                [
                    FunctionCallContent.CreateFromParsedArguments("""{"action": "publ""", "m1", ToolNames.PublishSite,
                        json => JsonSerializer.Deserialize<Dictionary<string, object?>>(json)),
                ]));
            }

            seen = messages[^1].Contents.OfType<FunctionResultContent>().Single().Result;
            return FakeChatClient.Says("Let me try that again.");
        };

        await agent.SayAsync(tenant, conversation, "publish it");

        seen.Should().Be(ToolResult.Error("The arguments for publish_site were not valid: they were not a JSON object."));
        (await agent.ConversationAsync(tenant, conversation)).Pending.Should().BeNull("nothing was asked about a call that cannot be read");
        (await agent.Projects.GetAsync(tenant, project))!.Version.Should().Be(before);
    }
}
