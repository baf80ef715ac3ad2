using System.Text.Json.Nodes;
using Navo.Agent.Conversations;
using Navo.Agent.Functions;
using Navo.Agent.Tests.Support;
using Navo.Agent.Tools;
using Navo.EventStore;
using Navo.Testing;

namespace Navo.Agent.Tests.OpenAI;

/// <summary>The agent with the OpenAI-compatible client the host builds, against a local server speaking Chat Completions (recorded shapes).</summary>
public sealed class AgentOnTheWireTests(AgentOnTheWireTests.Harness agent) : IClassFixture<AgentOnTheWireTests.Harness>
{
    public sealed class Harness : AgentHarness
    {
        public Harness() => Model = ModelClients.OpenAI(Server.BaseAddress, retries: 2, timeoutSeconds: 10);

        public ReplayServer Server { get; } = new();

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await Server.DisposeAsync();
        }
    }

    private ReplayServer Model => agent.Server;

    private static string Completion(string message, string finish = "stop") =>
        $$"""{"id":"c","object":"chat.completion","created":1,"model":"test-model","choices":[{"index":0,"message":{{message}},"finish_reason":"{{finish}}"}]}""";

    private static string Calls(params (string Id, string Name, string Arguments)[] calls)
    {
        var list = new JsonArray([.. calls.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id, ["type"] = "function", ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments },
        })]);
        return Completion(new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = list }.ToJsonString(), "tool_calls");
    }

    private static string Says(string text) => Completion($$"""{"role":"assistant","content":{{JsonValue.Create(text).ToJsonString()}}}""");

    private List<JsonNode> Sent()
    {
        var sent = new List<JsonNode>();
        while (Model.Requests.TryDequeue(out var request))
        {
            sent.Add(JsonNode.Parse(request.Body)!);
        }

        return sent;
    }

    private static IEnumerable<JsonNode> ToolMessages(JsonNode request) => request["messages"]!.AsArray().Where(m => m!["role"]!.GetValue<string>() == "tool")!;

    private async Task<(TenantContext Tenant, Guid Conversation, Guid Project)> DraftedAsync()
    {
        Sent();
        Model.Reply(Calls(("call_1", "generate_site", """{"description":"Mar Azul is a restaurant in Sines. We serve grilled fish and seafood rice."}"""))).Reply(Says("Your draft is ready."));
        var tenant = AgentHarness.Workspace();
        var conversation = await agent.Conversations.StartAsync(tenant, "web");
        var drafted = await agent.SayAsync(tenant, conversation, "build me a site for my restaurant");
        Sent();
        return (tenant, conversation, drafted.ProjectId!.Value);
    }

    [Fact]
    public async Task The_first_request_carries_every_tool_by_its_exact_name_and_schema_and_a_call_is_answered_by_its_id()
    {
        var (tenant, conversation, project) = await DraftedAsync();
        Model.Reply(Calls(("call_9", "edit_site", """{"operations":[{"op":"set_theme","mode":"dark"}]}"""))).Reply(Says("It is dark now."));

        var dark = await agent.SayAsync(tenant, conversation, "make it dark");

        dark.Reply.Text.Should().Be("It is dark now.");
        (await agent.Projects.GetAsync(tenant, project))!.Site!.Theme.Mode.Should().Be(Navo.Tools.Sites.ThemeMode.Dark);
        var sent = Sent();
        sent.Should().HaveCount(2);
        var expected = JsonNode.Parse(NavoTools.SchemasJson())!.AsObject();
        var tools = sent[0]["tools"]!.AsArray();
        tools.Select(t => t!["function"]!["name"]!.GetValue<string>()).Should().BeEquivalentTo(expected.Select(p => p.Key), "the model sees design.md's names, not the plugin's prefix");
        foreach (var tool in tools)
        {
            var name = tool!["function"]!["name"]!.GetValue<string>();
            // The client may add keywords (additionalProperties); the arguments and what is required are docs/tools.json's.
            foreach (var keyword in new[] { "type", "properties", "required" })
            {
                Canonical(tool["function"]!["parameters"]![keyword] ?? new JsonArray()).Should().Be(Canonical(expected[name]!["parameters"]![keyword] ?? new JsonArray()), $"{name}'s {keyword} go out as docs/tools.json gives them");
            }

            tool["function"]!["description"]!.GetValue<string>().Should().Be(expected[name]!["description"]!.GetValue<string>());
        }

        sent[0]["tool_choice"]!.GetValue<string>().Should().Be("auto");
        sent[0]["messages"]![0]!["role"]!.GetValue<string>().Should().Be("system");
        sent[0]["messages"]![0]!["content"]!.ToString().Should().Contain("Never invent facts").And.Contain("Mar Azul", "the system prompt is rendered with the site of the turn");
        ToolMessages(sent[1]).Single()["tool_call_id"]!.GetValue<string>().Should().Be("call_9");
        ToolMessages(sent[1]).Single()["content"]!.ToString().Should().Contain("dark");
    }

    [Fact]
    public async Task Parallel_calls_all_run_and_each_is_answered_by_its_own_id()
    {
        var (tenant, conversation, project) = await DraftedAsync();
        Model.Reply(Calls(
                ("call_a", "edit_site", """{"operations":[{"op":"set_theme","mode":"dark"}]}"""),
                ("call_b", "edit_site", """{"operations":[{"op":"set_name","name":"Mar Azul Sines"}]}""")))
            .Reply(Says("Done both."));

        await agent.SayAsync(tenant, conversation, "make it dark and call it Mar Azul Sines");

        var site = (await agent.Projects.GetAsync(tenant, project))!.Site!;
        (site.Theme.Mode, site.Name).Should().Be((Navo.Tools.Sites.ThemeMode.Dark, "Mar Azul Sines"));
        ToolMessages(Sent()[1]).Select(m => m["tool_call_id"]!.GetValue<string>()).Should().Equal("call_a", "call_b");
        (await agent.EventsAsync(tenant, conversation)).Select(e => e.Data).OfType<ToolCallCompleted>().TakeLast(2)
            .Select(c => (c.CallId, c.Status)).Should().Equal(("call_a", ToolStatus.Ok), ("call_b", ToolStatus.Ok));
    }

    [Fact]
    public async Task A_streamed_tool_call_is_put_together_from_its_deltas_and_the_reply_streams()
    {
        Sent();
        static string Chunk(string delta) => $$"""{"id":"c1","object":"chat.completion.chunk","created":1,"model":"test-model","choices":[{"index":0,"delta":{{delta}},"finish_reason":null}]}""";
        Model.ReplyStream(
                Chunk("""{"role":"assistant","tool_calls":[{"index":0,"id":"call_7","type":"function","function":{"name":"generate_site","arguments":"{\"descrip"}}]}"""),
                Chunk("""{"tool_calls":[{"index":0,"function":{"arguments":"tion\":\"Brasa is a grill in Braga.\"}"}}]}"""))
            .ReplyStream(Chunk("""{"role":"assistant","content":"Your draft "}"""), Chunk("""{"content":"is ready."}"""));
        var tenant = AgentHarness.Workspace();
        var conversation = await agent.Conversations.StartAsync(tenant, "web");
        var deltas = new List<ReplyDelta>();

        var outcome = (await agent.Conversations.SendAsync(tenant, conversation, new IncomingMessage("a site for my grill", null, null, null, "web"), null, default, new Collecting(deltas)))!;

        outcome.Reply.Text.Should().Be("Your draft is ready.");
        (await agent.Projects.GetAsync(tenant, outcome.ProjectId!.Value))!.Site!.Name.Should().Be("Brasa");
        deltas.Where(d => d.Tool is not null).Select(d => d.Tool).Should().Contain("generate_site");
        string.Concat(deltas.Select(d => d.Text)).Should().Be("Your draft is ready.");
        ToolMessages(Sent()[1]).Single()["tool_call_id"]!.GetValue<string>().Should().Be("call_7");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"operations":"dark please"}""")]
    public async Task Arguments_the_tool_cannot_read_go_back_to_the_model_as_a_sentence_and_change_nothing(string arguments)
    {
        var (tenant, conversation, project) = await DraftedAsync();
        var before = (await agent.Projects.GetAsync(tenant, project))!.Version;
        Model.Reply(Calls(("call_x", "edit_site", arguments))).Reply(Says("Sorry, let me try that again."));

        var reply = await agent.SayAsync(tenant, conversation, "make it dark");

        reply.Reply.Text.Should().Be("Sorry, let me try that again.");
        var answer = ToolMessages(Sent()[1]).Single();
        answer["tool_call_id"]!.GetValue<string>().Should().Be("call_x");
        answer["content"]!.ToString().Should().MatchRegex("(?i)(not valid|invalid|could not|error)").And.NotContain("   at ", "no stack trace goes to the model");
        (await agent.Projects.GetAsync(tenant, project))!.Version.Should().Be(before);
    }

    [Fact]
    public async Task A_429_is_retried_and_the_turn_succeeds()
    {
        var (tenant, conversation, _) = await DraftedAsync();
        Model.Reply("""{"error":{"message":"slow down"}}""", 429).Reply(Says("Hello!"));

        (await agent.SayAsync(tenant, conversation, "hi")).Reply.Text.Should().Be("Hello!");
        Sent().Should().HaveCount(2);
    }

    [Fact]
    public async Task A_dead_endpoint_gives_a_plain_reply_and_leaves_the_site_unchanged()
    {
        var (tenant, conversation, project) = await DraftedAsync();
        var before = (await agent.Projects.GetAsync(tenant, project))!.Version;
        for (var i = 0; i < 3; i++)
        {
            Model.Reply("""{"error":{"message":"down"}}""", 503);
        }

        var reply = await agent.SayAsync(tenant, conversation, "make it dark");

        reply.Reply.Text.Should().Be(ChatFailures.Unreachable);
        (await agent.Projects.GetAsync(tenant, project))!.Version.Should().Be(before);
        Sent().Should().HaveCount(3, "one request and two retries");
    }

    [Fact]
    public async Task Publish_asks_yes_publishes_once_no_changes_nothing_and_a_new_request_cancels()
    {
        var (tenant, conversation, project) = await DraftedAsync();
        Model.Reply(Calls(("call_p", "publish_site", """{"action":"publish"}""")));

        var asked = await agent.SayAsync(tenant, conversation, "publish it");

        asked.Reply.Text.Should().StartWith("Publish the site now");
        (await agent.Projects.GetAsync(tenant, project))!.Live.Should().BeNull("nothing runs before the yes");
        (await agent.SayAsync(tenant, conversation, "no")).Reply.Text.Should().Be("Okay, I left everything as it was.");
        (await agent.Projects.GetAsync(tenant, project))!.Live.Should().BeNull();

        Model.Reply(Calls(("call_q", "publish_site", """{"action":"publish"}""")));
        await agent.SayAsync(tenant, conversation, "publish it");
        Model.Reply(Calls(("call_r", "edit_site", """{"operations":[{"op":"set_theme","mode":"dark"}]}"""))).Reply(Says("Dark it is."));
        (await agent.SayAsync(tenant, conversation, "actually make it dark first")).Reply.Text.Should().Be("Dark it is.");
        (await agent.ConversationAsync(tenant, conversation)).Pending.Should().BeNull("a new request cancels the question");
        (await agent.Projects.GetAsync(tenant, project))!.Live.Should().BeNull();

        Model.Reply(Calls(("call_s", "publish_site", """{"action":"publish"}""")));
        await agent.SayAsync(tenant, conversation, "publish it");
        Sent();
        (await agent.SayAsync(tenant, conversation, "yes")).Reply.Text.Should().StartWith("Your site is live");
        Sent().Should().BeEmpty("a yes runs the recorded call without asking the model again");
        (await agent.LiveStatusAsync(project)).Should().Be("live");
        (await agent.EventsAsync(tenant, conversation)).Select(e => e.Data).OfType<ToolCallCompleted>().Count(c => c.Name == ToolNames.PublishSite).Should().Be(1, "published once");
    }

    /// <summary>A JSON text with every object's properties in name order, so that two schemas compare by content.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Canonical(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    private sealed class Collecting(List<ReplyDelta> into) : IProgress<ReplyDelta>
    {
        public void Report(ReplyDelta value)
        {
            lock (into)
            {
                into.Add(value);
            }
        }
    }
}
