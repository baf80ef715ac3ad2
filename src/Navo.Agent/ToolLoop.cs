using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Navo.Agent.Tools;

namespace Navo.Agent;

/// <summary>One tool call as it happened.</summary>
public sealed record ToolCallRecord(string CallId, string Name, string Arguments, string Status, double Milliseconds, ToolResult Result);

/// <summary>How a loop ended: the reply text, the calls made, or the calls that wait for the user's yes.</summary>
public sealed record ToolLoopResult(string Text, IReadOnlyList<ToolCallRecord> Calls, IReadOnlyList<FunctionCallContent>? AwaitingApproval);

/// <summary>
/// The tool loop over any <see cref="IChatClient"/> (protocols.md, B): the client answers with text or tool calls;
/// each call is validated, run, timed and answered with a <see cref="FunctionResultContent"/> paired by call id;
/// errors go back to the model as text, never as an exception to the user. At most
/// <see cref="MaxIterations"/> rounds; on the last one the tools are withheld so the client must answer. A response
/// with a call that needs approval stops the loop before anything runs.
/// </summary>
public static class ToolLoop
{
    public const int MaxIterations = 8;

    public static async Task<ToolLoopResult> RunAsync(
        IChatClient client, List<ChatMessage> messages, IReadOnlyList<AIFunction> tools, ChatOptions options,
        Func<FunctionCallContent, bool> needsApproval, CancellationToken cancellationToken)
    {
        var records = new List<ToolCallRecord>();
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var round = options.Clone();
            round.Tools = iteration == MaxIterations ? null : [.. tools];
            var response = await client.GetResponseAsync(messages, round, cancellationToken);
            messages.AddMessages(response);
            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (calls.Count == 0)
            {
                return new ToolLoopResult(response.Text, records, null);
            }

            if (calls.Any(needsApproval))
            {
                // As in Microsoft.Extensions.AI: when one call of a response needs approval, all of them wait.
                return new ToolLoopResult(string.Empty, records, calls);
            }

            var results = new List<AIContent>();
            foreach (var call in calls)
            {
                var record = await InvokeAsync(tools, call, cancellationToken);
                records.Add(record);
                results.Add(new FunctionResultContent(call.CallId, record.Result));
            }

            messages.Add(new ChatMessage(ChatRole.Tool, results));
        }

        return new ToolLoopResult("That took more steps than I can take at once. Could you ask for one thing at a time?", records, null);
    }

    /// <summary>Runs one call; an unknown tool, bad arguments or a failure become a plain sentence for the model.</summary>
    public static async Task<ToolCallRecord> InvokeAsync(IReadOnlyList<AIFunction> tools, FunctionCallContent call, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var arguments = JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>());
        ToolResult result;
        var tool = tools.FirstOrDefault(t => t.Name == call.Name);
        if (tool is null)
        {
            result = ToolResult.Error($"Navo cannot {Describe(call.Name)} yet.");
        }
        else
        {
            try
            {
                result = await tool.InvokeAsync(new AIFunctionArguments(call.Arguments), cancellationToken) switch
                {
                    ToolResult r => r,
                    JsonElement json => json.Deserialize<ToolResult>(NavoTools.ArgumentOptions) ?? ToolResult.Error("The tool gave no answer."),
                    var other => ToolResult.Ok(other?.ToString() ?? string.Empty),
                };
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or NotSupportedException or InvalidOperationException or FormatException)
            {
                result = ToolResult.Error($"The arguments for {call.Name} were not valid: {ex.Message}");
            }
        }

        return new ToolCallRecord(call.CallId, call.Name, arguments, result.Status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, result);
    }

    private static string Describe(string tool) => tool switch
    {
        "publish_site" => "publish sites",
        "analyze_site" => "report on visitors",
        "apply_suggestion" or "dismiss_suggestion" => "make suggestions",
        _ => $"do '{tool}'",
    };
}
