using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Navo.Testing;

/// <summary>
/// A hand-written chat client for agent tests: a user message it has a script for becomes those tool calls, as a model
/// would send them (arguments as JSON values); after the tools ran it answers with their messages; anything else
/// gets "I'm not sure." back.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly Dictionary<string, (string Name, object Arguments)[]> _script = new(StringComparer.Ordinal);

    /// <summary>When the user says <paramref name="text"/>, call <paramref name="tool"/> with <paramref name="arguments"/> (an anonymous object).</summary>
    public ScriptedChatClient When(string text, string tool, object arguments)
    {
        _script[text] = [(tool, arguments)];
        return this;
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var last = messages.Last();
        if (last.Role == ChatRole.Tool)
        {
            var said = string.Join("\n\n", last.Contents.OfType<FunctionResultContent>().Select(r => MessageOf(r.Result)));
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, said)));
        }

        if (!_script.TryGetValue(last.Text, out var calls) || options?.Tools is not { Count: > 0 })
        {
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "I'm not sure.")));
        }

        var contents = calls.Select((call, i) => (AIContent)new FunctionCallContent($"call_{i + 1}", call.Name, Arguments(call.Arguments))).ToList();
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, contents)));
    }

    /// <summary>What a tool said: the <c>Message</c> of Navo's tool results (read as JSON, so this needs no reference to the agent).</summary>
    private static string? MessageOf(object? result) =>
        result is null ? null
        : JsonSerializer.SerializeToElement(result) is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("Message", out var message) ? message.GetString()
        : result.ToString();

    private static Dictionary<string, object?> Arguments(object arguments) =>
        JsonSerializer.SerializeToElement(arguments, new JsonSerializerOptions(JsonSerializerDefaults.Web)).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
        // Nothing to release.
    }
}
