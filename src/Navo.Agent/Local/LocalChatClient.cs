using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Navo.Agent.Tools;

namespace Navo.Agent.Local;

/// <summary>
/// The default, offline chat client. It reads the last user message with <see cref="LocalPlanner"/> and answers the
/// way a model would: with <see cref="FunctionCallContent"/> for the tools to call, or with text (a question when
/// unsure). After the tools ran it writes the reply from their results.
/// </summary>
public sealed class LocalChatClient(LocalPlanner planner) : IChatClient
{
    /// <summary>The key in <see cref="ChatOptions.AdditionalProperties"/> that carries the <see cref="PlanContext"/>.</summary>
    public const string ContextKey = "navo.plan-context";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var last = list[^1];
        if (last.Role == ChatRole.Tool)
        {
            var text = string.Join("\n\n", last.Contents.OfType<FunctionResultContent>().Select(r => r.Result switch
            {
                ToolResult result => result.Message,
                var other => other?.ToString() ?? string.Empty,
            }));
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)));
        }

        var context = options?.AdditionalProperties?.TryGetValue(ContextKey, out var value) == true && value is PlanContext c ? c : PlanContext.Empty;
        var plan = planner.Plan(last.Text, context);
        if (plan.Calls.Count == 0 || options?.Tools is not { Count: > 0 } tools)
        {
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, plan.Reply)));
        }

        // Like a model, the local client calls only the tools it is offered; what Navo cannot do yet it says so.
        var offered = plan.Calls.Where(call => tools.Any(t => t.Name == call.Name)).ToList();
        if (offered.Count == 0)
        {
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, $"Navo cannot {Unavailable(plan.Calls[0].Name)} yet.")));
        }

        var calls = offered.Select((call, i) => (AIContent)new FunctionCallContent($"call_{i + 1}", call.Name, Arguments(call.Arguments))).ToList();
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, calls)));
    }

    private static string Unavailable(string tool) => tool switch
    {
        ToolNames.AnalyzeSite => "report on visitors",
        ToolNames.ApplySuggestion or ToolNames.DismissSuggestion => "make suggestions",
        _ => $"do '{tool}'",
    };

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // Nothing to release.
    }

    /// <summary>Arguments as a model sends them: JSON values by name.</summary>
    public static Dictionary<string, object?> Arguments(JsonObject arguments) =>
        arguments.ToDictionary(p => p.Key, p => (object?)JsonSerializer.SerializeToElement(p.Value), StringComparer.Ordinal);
}
