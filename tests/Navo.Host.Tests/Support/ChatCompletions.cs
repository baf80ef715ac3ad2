namespace Navo.Host.Tests.Support;

/// <summary>Chat Completions answers as an OpenAI-compatible endpoint sends them, for a <see cref="Navo.Testing.ReplayServer"/> to replay.</summary>
public static class ChatCompletions
{
    /// <summary>A whole (not streamed) answer carrying <paramref name="message"/>, the assistant's message as JSON.</summary>
    public static string Completion(string message, string finish = "stop") =>
        $$"""{"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{{message}},"finish_reason":"{{finish}}"}]}""";

    /// <summary>The assistant saying <paramref name="text"/>.</summary>
    public static string Says(string text) =>
        Completion($$"""{"role":"assistant","content":{{System.Text.Json.JsonSerializer.Serialize(text)}}}""");

    /// <summary>The assistant calling the tool <paramref name="name"/> with <paramref name="arguments"/> (a JSON object).</summary>
    public static string Calls(string id, string name, string arguments) =>
        Completion(new System.Text.Json.Nodes.JsonObject
        {
            ["role"] = "assistant", ["content"] = null,
            ["tool_calls"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["id"] = id, ["type"] = "function", ["function"] = new System.Text.Json.Nodes.JsonObject { ["name"] = name, ["arguments"] = arguments },
            }),
        }.ToJsonString(), "tool_calls");

    /// <summary>Whether a request asks for JSON (a section step of a draft), not for the agent's next step.</summary>
    public static bool AsksForJson(string body) => body.Contains("\"response_format\"", StringComparison.Ordinal);

    /// <summary>Whether a request carries a tool's result: the agent's step after a tool ran.</summary>
    public static bool CarriesToolResult(string body) => body.Contains("\"tool_call_id\"", StringComparison.Ordinal);

    /// <summary>
    /// The command-line settings that point a host process at <paramref name="model"/> as its OpenAI-compatible model,
    /// with a timeout long enough that a request the model holds is still waiting when the host is killed.
    /// </summary>
    public static string[] HostArguments(Navo.Testing.ReplayServer model) =>
    [
        "--Navo:Ai:Provider", "openai", "--Navo:Ai:Endpoint", new Uri(model.BaseAddress, "v1").ToString(), "--Navo:Ai:Model", "test-model",
        "--Navo:Ai:Timeout", "00:05:00",
    ];

    /// <summary>A refusal, which makes a section step fall back to the local engine.</summary>
    public const string Refusal = """{"error":{"message":"no"}}""";
}
