using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Navo.Agent.Tools;

namespace Navo.Agent.Functions;

/// <summary>One tool call as it happened: what the turn records as <c>tool_call_requested</c> and <c>tool_call_completed</c>.</summary>
public sealed record ToolCallRecord(string CallId, string Name, string Arguments, ToolStatus Status, double Milliseconds, ToolResult Result);

/// <summary>
/// The outermost function filter of a turn: times every call, turns a failure (arguments the tool cannot read) into a
/// plain sentence for the model instead of an exception, and keeps the call for the turn's events, from which the
/// audit trail is projected. It runs for the calls the model makes and for an approved call alike.
/// </summary>
public sealed class ToolCallRecorder : IFunctionInvocationFilter
{
    /// <summary>The <see cref="Kernel.Data"/> key of a call's id when it is not the model's (an approved call, a photo).</summary>
    public const string CallIdKey = "navo.call-id";

    private readonly List<ToolCallRecord> _calls = [];

    public IReadOnlyList<ToolCallRecord> Calls => _calls;

    public async Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await RunAsync(context, next);
        context.Result = new FunctionResult(context.Function, result);
        var callId = FunctionInvokingChatClient.CurrentContext?.CallContent.CallId
            ?? (context.Kernel.Data.TryGetValue(CallIdKey, out var id) ? id as string : null)
            ?? $"call_{_calls.Count + 1}";
        var arguments = JsonSerializer.Serialize(context.Arguments.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal));
        _calls.Add(new ToolCallRecord(callId, context.Function.Name, arguments, result.Status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, result));
    }

    private static async Task<ToolResult> RunAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next)
    {
        var invalid = $"The arguments for {context.Function.Name} were not valid";
        // Semantic Kernel would run the call with no arguments at all, each optional one at its default.
        if (FunctionInvokingChatClient.CurrentContext?.CallContent.Exception is not null)
        {
            return ToolResult.Error($"{invalid}: they were not a JSON object.");
        }

        try
        {
            await next(context);
            return context.Result.GetValue<object>() switch
            {
                ToolResult typed => typed,
                var other => ToolResult.Ok(other?.ToString() ?? string.Empty),
            };
        }
        catch (ToolArgumentException bad)
        {
            return ToolResult.Error($"{invalid}: {bad.Message}");
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or NotSupportedException or InvalidOperationException or FormatException)
        {
            // Their messages are .NET's (type names, JSON paths): not for a model or an assistant's user to read.
            return ToolResult.Error(invalid + ".");
        }
    }
}
