using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Navo.Agent.OpenAI;
using Navo.Testing;

namespace Navo.Agent.Tests.OpenAI;

/// <summary>The OpenAI-compatible client against a local server replaying Chat Completions responses.</summary>
public sealed class OpenAIChatClientTests : IAsyncLifetime
{
    private readonly ReplayServer _server = new();
    private OpenAIChatClient _client = null!;

    public Task InitializeAsync()
    {
        _client = new OpenAIChatClient(new AiOptions { Provider = "openai", Endpoint = new Uri(_server.BaseAddress, "v1"), Model = "test-model", ApiKey = "secret", MaxRetries = 2, Timeout = TimeSpan.FromSeconds(5) });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static readonly AIFunction SetMode = AIFunctionFactory.Create((string mode) => $"mode is {mode}", "set_mode", "Sets the mode.");

    private static string Completion(string messageJson, string finish = "stop") =>
        $$"""{"id":"c1","object":"chat.completion","created":1,"model":"test-model","choices":[{"index":0,"message":{{messageJson}},"finish_reason":"{{finish}}"}]}""";

    [Fact]
    public async Task Tools_go_out_with_tool_choice_auto_and_tool_calls_come_back_as_function_calls()
    {
        _server.Reply(Completion("""{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"set_mode","arguments":"{\"mode\":\"dark\"}"}}]}""", "tool_calls"));

        var response = await _client.GetResponseAsync([new ChatMessage(ChatRole.System, "You are Navo."), new ChatMessage(ChatRole.User, "make it dark")], new ChatOptions { Tools = [SetMode] });

        var call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single();
        (call.CallId, call.Name, call.Arguments!["mode"]!.ToString()).Should().Be(("call_1", "set_mode", "dark"));
        _server.Requests.TryDequeue(out var request).Should().BeTrue();
        request.Path.Should().Be("/v1/chat/completions");
        var body = JsonNode.Parse(request.Body)!;
        body["model"]!.GetValue<string>().Should().Be("test-model");
        body["tool_choice"]!.GetValue<string>().Should().Be("auto");
        body["parallel_tool_calls"]!.GetValue<bool>().Should().BeTrue();
        body["tools"]![0]!["function"]!["name"]!.GetValue<string>().Should().Be("set_mode");
        body["tools"]![0]!["function"]!["parameters"]!["properties"]!["mode"]!["type"]!.GetValue<string>().Should().Be("string");
        body["messages"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()).Should().Equal("system", "user");
    }

    [Fact]
    public async Task Tool_results_go_back_paired_by_tool_call_id()
    {
        _server.Reply(Completion("""{"role":"assistant","content":"Done, it is dark."}"""));
        var messages = new List<ChatMessage>
        {
            new(ChatRole.User, "make it dark"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_1", "set_mode", new Dictionary<string, object?> { ["mode"] = "dark" })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", "mode is dark")]),
        };

        var response = await _client.GetResponseAsync(messages, new ChatOptions { Tools = [SetMode] });

        response.Text.Should().Be("Done, it is dark.");
        _server.Requests.TryDequeue(out var request);
        var sent = JsonNode.Parse(request.Body)!["messages"]!.AsArray();
        sent[1]!["tool_calls"]![0]!["id"]!.GetValue<string>().Should().Be("call_1");
        sent[2]!["role"]!.GetValue<string>().Should().Be("tool");
        sent[2]!["tool_call_id"]!.GetValue<string>().Should().Be("call_1");
    }

    [Fact]
    public async Task Streamed_text_and_tool_call_fragments_are_put_together()
    {
        static string Chunk(string delta) => $$"""{"id":"c1","object":"chat.completion.chunk","created":1,"model":"test-model","choices":[{"index":0,"delta":{{delta}},"finish_reason":null}]}""";
        _server.ReplyStream(
            Chunk("""{"role":"assistant","content":"Making "}"""),
            Chunk("""{"content":"it dark."}"""),
            Chunk("""{"tool_calls":[{"index":0,"id":"call_7","type":"function","function":{"name":"set_mode","arguments":"{\"mo"}}]}"""),
            Chunk("""{"tool_calls":[{"index":0,"function":{"arguments":"de\":\"dark\"}"}}]}"""));

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in _client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "make it dark")], new ChatOptions { Tools = [SetMode] }))
        {
            updates.Add(update);
        }

        string.Concat(updates.Select(u => u.Text)).Should().Be("Making it dark.");
        var call = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().Single();
        (call.CallId, call.Name, call.Arguments!["mode"]!.ToString()).Should().Be(("call_7", "set_mode", "dark"));
    }

    [Fact]
    public async Task A_429_is_retried_and_an_unreachable_model_gets_a_plain_reply()
    {
        _server.Reply("""{"error":{"message":"slow down"}}""", 429).Reply(Completion("""{"role":"assistant","content":"Hello."}"""));
        (await _client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")])).Text.Should().Be("Hello.");
        _server.Requests.Should().HaveCount(2);

        for (var i = 0; i < 3; i++)
        {
            _server.Reply("""{"error":{"message":"down"}}""", 503);
        }

        (await _client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")])).Text.Should().Be(OpenAIChatClient.Unreachable);
    }

    [Fact]
    public async Task Arguments_that_are_not_json_come_back_as_a_call_with_its_error()
    {
        _server.Reply(Completion("""{"role":"assistant","content":null,"tool_calls":[{"id":"call_2","type":"function","function":{"name":"set_mode","arguments":"{not json"}}]}""", "tool_calls"));

        var response = await _client.GetResponseAsync([new ChatMessage(ChatRole.User, "make it dark")], new ChatOptions { Tools = [SetMode] });

        response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single().Exception.Should().BeOfType<JsonException>();
    }
}
