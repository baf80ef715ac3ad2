using Microsoft.SemanticKernel;
using Navo.Agent.Tools;
using AI = Microsoft.Extensions.AI;

namespace Navo.Agent.Functions;

/// <summary>
/// Stops the turn at a call that needs the user's yes (<see cref="NavoTools.NeedsApproval"/>): publishing, rolling
/// back, unpublishing, deleting a site, removing a page. The calls of the same answer before it have run ("make it
/// dark and publish it" makes it dark, then asks); it and the ones after it do not. The conversation records the
/// question, and a "yes" later invokes exactly the recorded call.
/// </summary>
public sealed class ApprovalFilter(TurnScope scope) : IAutoFunctionInvocationFilter
{
    /// <summary>The call that waits for the user, or null when nothing does.</summary>
    public AI.FunctionCallContent? Awaiting { get; private set; }

    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        var arguments = context.Arguments?.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        if (NavoTools.NeedsApproval(context.Function.Name, arguments, scope))
        {
            Awaiting = new AI.FunctionCallContent(context.ToolCallId ?? string.Empty, context.Function.Name, arguments);
            context.Terminate = true;
            return;
        }

        await next(context);
    }
}
