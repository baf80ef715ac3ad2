using Microsoft.SemanticKernel;
using Navo.Agent.Tools;
using AI = Microsoft.Extensions.AI;

namespace Navo.Agent.Functions;

/// <summary>
/// Stops the turn before a call that needs the user's yes (<see cref="NavoTools.NeedsApproval"/>): publishing,
/// rolling back, unpublishing, deleting a site, removing a page. When one call of the model's answer needs it, none
/// of that answer's calls run (as in Microsoft.Extensions.AI's approvals); the conversation records the question, and
/// a "yes" later invokes exactly the recorded call.
/// </summary>
public sealed class ApprovalFilter(TurnScope scope) : IAutoFunctionInvocationFilter
{
    /// <summary>The calls that wait for the user, or null when nothing does.</summary>
    public IReadOnlyList<AI.FunctionCallContent>? Awaiting { get; private set; }

    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        if (context.FunctionSequenceIndex == 0)
        {
            var calls = context.ChatMessageContent.Items.OfType<FunctionCallContent>()
                .Select(c => new AI.FunctionCallContent(c.Id ?? string.Empty, c.FunctionName, c.Arguments?.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal)))
                .ToList();
            if (calls.Any(c => NavoTools.NeedsApproval(c.Name, c.Arguments, scope)))
            {
                Awaiting = calls;
                context.Terminate = true;
                return;
            }
        }

        await next(context);
    }
}
