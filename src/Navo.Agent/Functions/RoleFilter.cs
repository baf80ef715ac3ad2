using Microsoft.SemanticKernel;
using Navo.Agent.Tools;

namespace Navo.Agent.Functions;

/// <summary>
/// Refuses, in a plain sentence, a call the caller's role does not allow (<see cref="ToolNames.AccessOf"/>): the tool
/// does not run, and the refusal is recorded and audited like any other call.
/// </summary>
public sealed class RoleFilter(TurnScope scope) : IFunctionInvocationFilter
{
    public const string ReadOnlyRefusal = "You can look at this site but not change it: ask an owner of the workspace to make you an editor.";

    public const string OwnerOnlyRefusal = "Only an owner of the workspace can delete a site: ask an owner to do it.";

    public Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        var access = ToolNames.AccessOf(context.Function.Name);
        if (scope.May(access))
        {
            return next(context);
        }

        context.Result = new FunctionResult(context.Function, ToolResult.Refused(access == ToolAccess.Own ? OwnerOnlyRefusal : ReadOnlyRefusal));
        return Task.CompletedTask;
    }
}
