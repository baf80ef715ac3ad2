using System.Text.Json;
using Navo.Agent.Functions;
using Navo.Agent.Tools;
using Navo.EventStore;
using Navo.Tools;
using Navo.Tools.Projects;

namespace Navo.Agent.Conversations;

/// <summary>
/// A tool call that arrives by name rather than in words (an MCP client's): its arguments as JSON, the channel it came
/// from, and, for a call that needs the user's yes, the question asked and whether the answer was yes.
/// </summary>
public sealed record DirectCall(string Name, IReadOnlyDictionary<string, JsonElement> Arguments, string Channel, CallApproval? Approval = null)
{
    /// <summary>The arguments as the tools and the approval rules read them.</summary>
    public Dictionary<string, object?> ArgumentValues => Arguments.ToDictionary(a => a.Key, a => (object?)a.Value, StringComparer.Ordinal);
}

/// <summary>
/// The question a call waited on and the user's answer, and the conversation as it stood when the question was asked:
/// its stream version and its current project. A yes holds only while neither has moved, so it is spent by the call it
/// was for (which appends to the conversation) and cannot follow the conversation to another site or a later version.
/// </summary>
public sealed record CallApproval(string Question, bool Given, long Version, Guid? ProjectId);

/// <summary>How a direct call ended: its turn, and the tool's own result.</summary>
public sealed record CallOutcome(TurnOutcome Turn, ToolResult Result);

/// <summary>
/// What a direct call must wait for: nothing, the user's yes to <paramref name="Question"/>, or nothing at all because
/// <paramref name="Blocker"/> says what is missing; and the conversation's stream version and current project it was
/// decided at, which a yes is bound to (<see cref="CallApproval"/>).
/// </summary>
public sealed record CallGate(string? Question, string? Blocker, long Version, Guid? ProjectId);

public sealed partial class ConversationService
{
    /// <summary>
    /// This user's conversation on <paramref name="channel"/> that is not about one site (an assistant's, over MCP):
    /// the newest one, started the first time.
    /// </summary>
    public async Task<Guid> ForChannelAsync(TenantContext tenant, string channel, CancellationToken cancellationToken = default)
    {
        await using (var session = store.OpenSession(tenant))
        {
            var known = await session.QueryAsync(
                "select id from navo_conversations where tenant_id = $1 and user_id = $2 and channel = $3 order by updated_at desc limit 1",
                r => r.GetGuid(0), cancellationToken, tenant.TenantId, tenant.UserId, channel);
            if (known.Count > 0)
            {
                return known[0];
            }
        }

        return await StartAsync(tenant, channel, cancellationToken);
    }

    /// <summary>
    /// Whether <paramref name="call"/> must wait for the user's yes in this conversation, and the question in the words
    /// the chat would use; null when this workspace has no such conversation. A call the caller's role does not allow
    /// is not asked about: it runs at once and is refused like any other.
    /// </summary>
    public async Task<CallGate?> GateAsync(TenantContext tenant, Guid id, DirectCall call, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        if (await session.AggregateStreamAsync<ConversationState>(id, cancellationToken: cancellationToken) is not { State.Id: var found } conversation || found == Guid.Empty)
        {
            return null;
        }

        var arguments = call.ArgumentValues;
        var scope = new TurnScope(session, id, string.Empty, call.Channel, conversation.State.ProjectId, null);
        if (!NavoTools.NeedsApproval(call.Name, arguments, scope))
        {
            return new CallGate(null, null, conversation.Version, conversation.State.ProjectId);
        }

        var site = await QuestionSiteAsync(session, scope, null, cancellationToken);
        return ApprovalQuestions.Blocker(call.Name, arguments, site) is { } blocker
            ? new CallGate(null, blocker, conversation.Version, conversation.State.ProjectId)
            : new CallGate(ApprovalQuestions.For(call.Name, arguments, site), null, conversation.Version, conversation.State.ProjectId);
    }

    /// <summary>
    /// Runs <paramref name="call"/> as one turn of the conversation <paramref name="id"/>, through the same filters as a
    /// call the model makes (role, timing, recording), so that it leaves the same events and audit lines; a call with a
    /// declined approval runs nothing, and so does one whose conversation has moved since the question was asked
    /// (checked here, under the turn's lock). Null when this workspace has no such conversation. The caller has checked
    /// <see cref="GateAsync"/>: a call that needs a yes runs only with <see cref="DirectCall.Approval"/> given.
    /// </summary>
    public Task<CallOutcome?> CallAsync(TenantContext tenant, Guid id, DirectCall call, CancellationToken cancellationToken = default)
    {
        var messageId = Guid.CreateVersion7().ToString("N");
        return TurnAsync(tenant, id, state => state.ProjectId,
            (session, conversation) => RunCallAsync(session, conversation, messageId, call, cancellationToken),
            state => new CallOutcome(new TurnOutcome(messageId, new AgentReply(BusySite, [], []), state.ProjectId, null, Busy: true), ToolResult.Error(BusySite)),
            cancellationToken);
    }

    private async Task<CallOutcome> RunCallAsync(
        IEventSession session, Aggregated<ConversationState> conversation, string messageId, DirectCall call, CancellationToken cancellationToken)
    {
        var state = conversation.State;
        if (call.Approval is { } stale && (stale.Version != conversation.Version || stale.ProjectId != state.ProjectId))
        {
            return new CallOutcome(new TurnOutcome(messageId, new AgentReply(Moved, [], []), state.ProjectId, null), ToolResult.Refused(Moved));
        }

        var by = new Actor(session.Tenant.UserId, call.Channel, state.Id.ToString());
        var project = state.ProjectId is { } current ? await ProjectService.GetAsync(session, current, cancellationToken) : null;
        var scope = new TurnScope(session, state.Id, messageId, call.Channel, project?.Id, null) { ShownSuggestions = state.ShownSuggestions };
        if (state.ProjectId is { } gone && project is null)
        {
            scope.Leave(gone);
        }

        var arguments = JsonSerializer.Serialize(call.Arguments);
        // The record reads like the call it was: the tool's name and its arguments, in place of a user's words.
        List<object> events = [new UserMessageReceived(messageId, $"{call.Name} {arguments}", scope.ProjectId, null, by)];
        if (state.Pending is { } superseded)
        {
            events.Add(new ApprovalDeclined(messageId, superseded.ApprovalId, "superseded by a new request"));
        }

        if (call.Approval is { } approval)
        {
            var approvalId = Guid.CreateVersion7().ToString("N");
            events.Add(new ApprovalRequested(messageId, approvalId, call.Name, arguments, approval.Question));
            if (!approval.Given)
            {
                events.Add(new ApprovalDeclined(messageId, approvalId, "declined"));
                var declined = ToolResult.Error(Declined);
                return new CallOutcome(await FinishAsync(session, conversation.Version, events, messageId, AgentResult.Say(Declined), scope, cancellationToken, project), declined);
            }

            events.Add(new ApprovalGiven(messageId, approvalId));
        }

        var record = await agent.InvokeAsync(scope, "call_" + messageId, call.Name, call.ArgumentValues, cancellationToken);
        var outcome = await FinishAsync(session, conversation.Version, events, messageId, new AgentResult(record.Result.Message, [record]), scope, cancellationToken, project);
        return new CallOutcome(outcome, record.Result);
    }

    private const string Declined = "Okay, I left everything as it was.";

    /// <summary>What a yes given before the conversation moved on gets.</summary>
    public const string Moved = "That yes was for the conversation as it was; something has happened since, so I changed nothing. Ask again.";
}
