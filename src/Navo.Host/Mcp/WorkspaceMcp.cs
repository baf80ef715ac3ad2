using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Navo.Agent.Conversations;
using Navo.Agent.Tools;
using Navo.EventStore;
using Navo.Host.Identity;

namespace Navo.Host.Mcp;

/// <summary>
/// <c>/mcp</c>: the chat agent's own tools (<see cref="NavoTools"/>: the same names, descriptions and argument schemas),
/// each call run as a turn of the member's MCP conversation (<see cref="ConversationService.CallAsync"/>), so that role
/// checks, events and audit lines are those of a chat turn. A call that needs the user's yes in chat asks it here
/// through the client (<see cref="McpApprovals"/>), and is refused in a sentence when the client cannot ask. Each
/// project's site document and preview are resources (<see cref="WorkspaceResources"/>).
/// </summary>
public sealed partial class WorkspaceMcp(NavoTools tools, ConversationService conversations, McpApprovals approvals, WorkspaceResources resources)
{
    /// <summary>The channel MCP turns are recorded under.</summary>
    public const string Channel = "mcp";

    public const string CannotAsk =
        "This needs the user's yes, and this assistant cannot ask for it (its MCP client does not support elicitation). "
        + "Ask the user to do it in Navo's studio or chat instead.";

    private IReadOnlyList<Tool>? _listed;

    public void Configure(McpServerOptions options)
    {
        options.Handlers.ListToolsHandler = (_, _) => ValueTask.FromResult(new ListToolsResult { Tools = [.. Listed] });
        options.Handlers.CallToolHandler = CallAsync;
        resources.Configure(options);
    }

    /// <summary>The tools as the model sees them in chat; made once.</summary>
    private IReadOnlyList<Tool> Listed => _listed ??=
        [.. tools.Functions.Select(f => new Tool { Name = f.Name, Description = f.Description, InputSchema = f.JsonSchema })];

    private async ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var parameters = request.Params ?? throw new McpProtocolException("A tool call needs its name.", McpErrorCode.InvalidParams);
        if (!tools.Functions.Any(f => f.Name == parameters.Name))
        {
            throw new McpProtocolException($"Navo has no tool called {parameters.Name}.", McpErrorCode.InvalidParams);
        }

        var tenant = TenantOf(request);
        var call = new DirectCall(parameters.Name, parameters.Arguments is { } given ? new Dictionary<string, JsonElement>(given, StringComparer.Ordinal) : [], Channel);
        var conversation = await conversations.ForChannelAsync(tenant, Channel, cancellationToken);
        var gate = await conversations.GateAsync(tenant, conversation, call, cancellationToken)
            ?? throw new McpProtocolException("The conversation could not be found.", McpErrorCode.InternalError);
        if (gate.Blocker is { } blocker)
        {
            return Result(ToolResult.Error(blocker));
        }

        if (gate.Question is { } question)
        {
            if (approvals.Answer(request, tenant, call, gate) is not { } approval)
            {
                // Throws the question to the client; it asks the user and sends the call again with the answer.
                return McpApprovals.CanAsk(request.Server) ? approvals.Ask(tenant, call, gate, question) : Result(ToolResult.Refused(CannotAsk));
            }

            call = call with { Approval = approval };
        }

        var outcome = await conversations.CallAsync(tenant, conversation, call, cancellationToken)
            ?? throw new McpProtocolException("The conversation could not be found.", McpErrorCode.InternalError);
        return Result(outcome.Result);
    }

    /// <summary>The member the request authenticated as (the endpoint requires it): an API key acts as its maker, with the key's role.</summary>
    internal static TenantContext TenantOf<T>(RequestContext<T> request) =>
        request.User?.Member() is { } member
            ? new TenantContext(member.TenantId, member.UserId, [member.Role])
            : throw new McpProtocolException("Sign in first.", McpErrorCode.InvalidRequest);

    /// <summary>A tool's sentence as text, and what changed (project, version) as structured content.</summary>
    private static CallToolResult Result(ToolResult result) => new()
    {
        Content = [new TextContentBlock { Text = result.Message }],
        IsError = result.Status != ToolStatus.Ok,
        StructuredContent = JsonSerializer.SerializeToElement(new CallSummary(result.Status, result.ProjectId, result.Version), JsonSerializerOptions.Web),
    };

    private sealed record CallSummary(ToolStatus Status, Guid? ProjectId, long? Version);
}
