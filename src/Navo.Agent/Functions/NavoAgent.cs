using System.Text.Json;
using Microsoft.Extensions.AI;
using FunctionCallContent = Microsoft.Extensions.AI.FunctionCallContent;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Navo.Agent.Local;
using Navo.Agent.Tools;

namespace Navo.Agent.Functions;

/// <summary>How a turn of the agent ended: the reply text, the calls made, and the call that waits for the user's yes.</summary>
/// <remarks><paramref name="ModelUnreachable"/>: the model went away; <paramref name="Text"/> says so, and any calls made before still stand.</remarks>
public sealed record AgentResult(string Text, IReadOnlyList<ToolCallRecord> Calls, FunctionCallContent? AwaitingApproval = null, bool ModelUnreachable = false)
{
    public static AgentResult Say(string text) => new(text, []);
}

/// <summary>A piece of a reply as the model streams it: text, or the name of a tool it starts to call.</summary>
public sealed record ReplyDelta(string? Text = null, string? Tool = null);

/// <summary>
/// Navo's agent on Semantic Kernel: a <see cref="Kernel"/> per turn whose plugin holds the tools and whose services
/// are the turn's (<see cref="TurnServices"/>: tenant, role, session, project, selection, channel), with the turn's
/// filters: <see cref="ToolCallRecorder"/> (timing, failures as sentences, the calls for the turn's
/// events), <see cref="RoleFilter"/> and, for the calls the model makes, <see cref="ApprovalFilter"/>. The chat client
/// is Microsoft.Extensions.AI's pipeline with Semantic Kernel's function invocation (<see cref="AgentServices"/>),
/// which runs the loop: at most <see cref="MaxRounds"/> requests, the last without tools. Nothing that matters lives
/// in the kernel: the conversation's events are the record, and the history is rebuilt from them every turn.
/// </summary>
public sealed class NavoAgent(IChatClient chat, NavoTools tools, IServiceProvider services)
{
    /// <summary>Requests to the model in one turn, the first included; the last one offers no tools.</summary>
    public const int MaxRounds = 8;

    private readonly IChatCompletionService _completions = chat.AsChatCompletionService(services);

    /// <summary>The tools, made once; a turn's kernel gives them its <see cref="TurnServices"/>.</summary>
    private readonly NavoPlugin _plugin = new(tools.Functions);

    /// <summary>Answers <paramref name="history"/>'s last user message; with <paramref name="deltas"/>, streaming the reply as it comes.</summary>
    public async Task<AgentResult> RunAsync(
        TurnScope scope, ChatHistory history, PlanContext context, IProgress<ReplyDelta>? deltas, CancellationToken cancellationToken)
    {
        var (kernel, recorder) = KernelFor(scope);
        var approvals = new ApprovalFilter(scope);
        kernel.AutoFunctionInvocationFilters.Add(approvals);
        var settings = new TurnSettings(_plugin, context);
        string text;
        try
        {
            text = deltas is null
                ? (await _completions.GetChatMessageContentsAsync(history, settings, kernel, cancellationToken)).LastOrDefault()?.Content ?? string.Empty
                : await StreamAsync(history, settings, kernel, deltas, cancellationToken);
        }
        catch (ModelUnreachableException)
        {
            return new AgentResult(ChatFailures.Unreachable, recorder.Calls, ModelUnreachable: true);
        }

        return approvals.Awaiting is { } awaiting
            ? new AgentResult(string.Empty, recorder.Calls, awaiting)
            : new AgentResult(text, recorder.Calls);
    }

    /// <summary>
    /// Runs one call the model did not make in this turn (an approved call, a photo to place) through the same
    /// filters as any other: role, timing, recording. No approval is asked: the caller has it.
    /// </summary>
    public async Task<ToolCallRecord> InvokeAsync(TurnScope scope, string callId, string name, IDictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        var (kernel, recorder) = KernelFor(scope);
        kernel.Data[ToolCallRecorder.CallIdKey] = callId;
        if (!kernel.Plugins.TryGetFunction(NavoPlugin.PluginName, name, out var function))
        {
            return new ToolCallRecord(callId, name, JsonSerializer.Serialize(arguments), ToolStatus.Error, 0, ToolResult.Error($"Navo has no tool called {name}."));
        }

        await kernel.InvokeAsync(function, new KernelArguments(arguments), cancellationToken);
        return recorder.Calls.Single();
    }

    private (Kernel Kernel, ToolCallRecorder Recorder) KernelFor(TurnScope scope)
    {
        var kernel = new Kernel(new TurnServices(scope, services), [_plugin]);
        var recorder = new ToolCallRecorder();
        kernel.FunctionInvocationFilters.Add(recorder);
        kernel.FunctionInvocationFilters.Add(new RoleFilter(scope));
        return (kernel, recorder);
    }

    /// <summary>Streams text and tool-call starts to <paramref name="deltas"/>; the reply is the text after the last tool call.</summary>
    private async Task<string> StreamAsync(
        ChatHistory history, PromptExecutionSettings settings, Kernel kernel, IProgress<ReplyDelta> deltas, CancellationToken cancellationToken)
    {
        var reply = new System.Text.StringBuilder();
        await foreach (var update in _completions.GetStreamingChatMessageContentsAsync(history, settings, kernel, cancellationToken))
        {
            foreach (var call in update.Items.OfType<StreamingFunctionCallUpdateContent>().Where(c => c.Name is not null))
            {
                reply.Clear();
                deltas.Report(new ReplyDelta(Tool: call.Name));
            }

            if (update.Role == AuthorRole.Assistant && !string.IsNullOrEmpty(update.Content))
            {
                reply.Append(update.Content);
                deltas.Report(new ReplyDelta(Text: update.Content));
            }
        }

        return reply.ToString();
    }
}

/// <summary>
/// A turn's request settings: the plugin's tools offered to the model as they are, and the context the local client
/// plans with. Semantic Kernel's <c>FunctionChoiceBehavior.Auto()</c> would clone every tool for the turn's kernel
/// before each turn, and a clone builds its JSON schema anew (measured at about 5% of a chat turn's CPU, see
/// docs/benchmarks.md). The clone is not needed: Semantic Kernel's function invocation runs each call with the kernel
/// the turn passes, under that kernel's filters, whichever instance the model's call names.
/// </summary>
internal sealed class TurnSettings(NavoPlugin plugin, PlanContext context) : PromptExecutionSettings
{
    protected override void PrepareChatOptionsForRequest(ChatOptions options)
    {
        options.Tools = [.. plugin];
        options.ToolMode = ChatToolMode.Auto;
        // The local client reads the site and the conversation from here; a model endpoint never sees it.
        (options.AdditionalProperties ??= [])[LocalChatClient.ContextKey] = context;
    }
}
