using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel.ChatCompletion;
using Navo.Agent.Functions;
using Navo.Agent.Tools;
using Navo.EventStore;
using Navo.Tools;
using Navo.Tools.Assets;
using Navo.Tools.Projects;

namespace Navo.Agent.Conversations;

/// <summary>A message into a conversation, from an authenticated turn of some channel.</summary>
/// <remarks><paramref name="Offer"/> is set when the message is a pressed button or suggested action: what it was offered for.
/// <paramref name="AssetId"/> is a photo of the project's library the message came with ("use this as the main photo").</remarks>
public sealed record IncomingMessage(
    string Text, string? ClientMessageId, Guid? ProjectId, string? SectionId, string Channel, ActionOffer? Offer = null, string? AssetId = null);

/// <summary>
/// The answer to a turn, and the project and version it left. <paramref name="Busy"/>: the site kept changing under
/// the turn, nothing was written, and the reply says to send the message again.
/// </summary>
public sealed record TurnOutcome(string MessageId, AgentReply Reply, Guid? ProjectId, long? Version, bool Busy = false);

/// <summary>
/// Runs conversation turns: records the message (a repeated message id is answered from the record and runs
/// nothing), answers a pending approval, or runs the agent with the tools bound to this turn; then commits
/// the conversation's and the project's events together. Turns of one conversation take turns (a user who sends
/// several messages at once gets each answered in order), and so do turns that edit one project.
/// </summary>
public sealed partial class ConversationService(
    PostgresEventStore store, NavoAgent agent, IConfirmationReader confirmations, StreamLocks? locks = null, AssetLibrary? assets = null)
{
    /// <summary>How often a turn is tried on a site that another process keeps changing.</summary>
    private const int MaxAttempts = 5;

    private readonly StreamLocks _locks = locks ?? new StreamLocks();

    public async Task<Guid> StartAsync(TenantContext tenant, string channel, CancellationToken cancellationToken = default)
    {
        var id = Guid.CreateVersion7();
        await using var session = store.OpenSession(tenant);
        session.StartStream<ConversationState>(id, new ConversationStarted(channel, new Actor(tenant.UserId, channel, id.ToString())));
        await session.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// This user's conversation about the project <paramref name="projectId"/> on <paramref name="channel"/>, started
    /// the first time (<c>Created</c>); null when the workspace has no such project.
    /// </summary>
    public async Task<(Guid Id, bool Created)?> ForProjectAsync(TenantContext tenant, Guid projectId, string channel, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        if (await ProjectService.GetAsync(session, projectId, cancellationToken) is null)
        {
            return null;
        }

        var known = await session.QueryAsync(
            """
            select id from navo_conversations
            where tenant_id = $1 and user_id = $2 and project_id = $3 and channel = $4
            order by updated_at desc limit 1
            """,
            r => r.GetGuid(0), cancellationToken, tenant.TenantId, tenant.UserId, projectId, channel);
        if (known.Count > 0)
        {
            return (known[0], false);
        }

        var id = Guid.CreateVersion7();
        session.StartStream<ConversationState>(id, new ConversationStarted(channel, new Actor(tenant.UserId, channel, id.ToString()), projectId));
        await session.SaveChangesAsync(cancellationToken);
        return (id, true);
    }

    /// <summary>
    /// Answers one message; null when this workspace has no such conversation. <paramref name="progress"/> hears the
    /// steps of a draft or a publish, <paramref name="deltas"/> the reply as the model streams it.
    /// </summary>
    public async Task<TurnOutcome?> SendAsync(
        TenantContext tenant, Guid id, IncomingMessage message, IProgress<StepProgress>? progress = null, CancellationToken cancellationToken = default,
        IProgress<ReplyDelta>? deltas = null)
    {
        var messageId = string.IsNullOrWhiteSpace(message.ClientMessageId) ? Guid.CreateVersion7().ToString("N") : message.ClientMessageId.Trim();
        return await TurnAsync(tenant, id, state => message.ProjectId ?? state.ProjectId,
            // An id made here is new: only a client's may repeat one.
            async (session, conversation) => !string.IsNullOrWhiteSpace(message.ClientMessageId)
                    && await AnsweredAsync(session, conversation.State, messageId, cancellationToken) is { } seen
                ? new TurnOutcome(messageId, seen.Reply, seen.ProjectId, seen.Version)
                : await RunTurnAsync(session, conversation, messageId, message, progress, deltas, cancellationToken),
            // The site kept changing under this turn (others editing it at the same moment): nothing was written,
            // and the same message id may be sent again.
            _ => new TurnOutcome(messageId, new AgentReply(BusySite, [], ["Try again"]), message.ProjectId, null, Busy: true),
            cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="run"/> on the conversation <paramref name="id"/> in a session of its own, taking turns with
    /// the conversation's other turns and then with the turns on its site (<paramref name="projectOf"/>); null when
    /// this workspace has no such conversation. When another process wrote to the conversation or its site first,
    /// it waits a little (not in step with the others) and runs again, at most <see cref="MaxAttempts"/> times; then
    /// it answers <paramref name="busy"/>.
    /// </summary>
    private async Task<T?> TurnAsync<T>(
        TenantContext tenant, Guid id, Func<ConversationState, Guid?> projectOf, Func<IEventSession, Aggregated<ConversationState>, Task<T>> run,
        Func<ConversationState, T> busy, CancellationToken cancellationToken)
        where T : class
    {
        await using var conversationTurn = await _locks.AcquireAsync(id, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.OpenSession(tenant);
            var conversation = await session.AggregateStreamAsync<ConversationState>(id, cancellationToken: cancellationToken);
            if (conversation is null || conversation.State.Id == Guid.Empty)
            {
                return null;
            }

            // Always the conversation first, then the project: no two turns can wait for each other.
            await using var projectTurn = projectOf(conversation.State) is { } project ? await _locks.AcquireAsync(project, cancellationToken) : null;
            try
            {
                return await run(session, conversation);
            }
            catch (ConcurrencyException) when (attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 40) * attempt), cancellationToken);
            }
            catch (ConcurrencyException)
            {
                return busy(conversation.State);
            }
        }
    }

    private const string BusySite = "Someone else was changing this site at the same moment, so I haven't changed anything. Please send that again.";

    private async Task<TurnOutcome> RunTurnAsync(
        IEventSession session, Aggregated<ConversationState> conversation, string messageId, IncomingMessage message,
        IProgress<StepProgress>? progress, IProgress<ReplyDelta>? deltas, CancellationToken cancellationToken)
    {
        var state = conversation.State;
        var by = new Actor(session.Tenant.UserId, message.Channel, state.Id.ToString());
        var (project, gone) = await CurrentProjectAsync(session, message, state, cancellationToken);
        var projectId = project?.Id;
        var scope = new TurnScope(session, state.Id, messageId, message.Channel, projectId, message.SectionId)
        {
            Progress = progress, ShownSuggestions = state.ShownSuggestions,
        };
        if (gone is { } deleted)
        {
            scope.Leave(deleted);
        }

        var events = new List<object> { new UserMessageReceived(messageId, message.Text, projectId, message.SectionId, by) };
        if (Stale(message.Offer, state, project) is { } stale)
        {
            return await FinishAsync(session, conversation.Version, events, messageId, AgentResult.Say(stale), scope, cancellationToken);
        }

        var context = TurnContext.For(project, message.SectionId, state, chosen: message.ProjectId is not null || state.ProjectId is not null);

        AgentResult result;
        string? approvalId = null;
        string? attachment = null;
        if (message.AssetId is { } photo)
        {
            (result, var pending) = await PlacePhotoAsync(photo, message.Text, project, scope, messageId, cancellationToken);
            attachment = pending ? photo : null;
        }
        else if (ImagePlacement.AsksForLogoColours(message.Text) && project is not null)
        {
            result = await ThemeFromLogoAsync(session.Tenant, project, scope, messageId, cancellationToken);
        }
        else if (state.Pending is { } pending && AnswerTo(message.Text) is { } yes)
        {
            result = await AnswerApprovalAsync(pending, yes, scope, events, messageId, cancellationToken);
        }
        else
        {
            if (state.Pending is { } superseded)
            {
                // A new request instead of yes or no cancels the question.
                events.Add(new ApprovalDeclined(messageId, superseded.ApprovalId, "superseded by a new request"));
                context = context with { ApprovalPending = false };
            }

            // The record is the source of truth: the history is rebuilt from the conversation's events every turn.
            var history = new ChatHistory(await SystemPrompt.RenderAsync(scope, project?.Site, cancellationToken));
            foreach (var turn in state.RecentTurns.TakeLast(6))
            {
                // Navo's own posts (the daily suggestions) answer no message.
                if (turn.UserText.Length > 0)
                {
                    history.AddUserMessage(turn.UserText);
                }

                history.AddAssistantMessage(turn.Reply.Text);
            }

            history.AddUserMessage(message.Text);
            result = await agent.RunAsync(scope, history, context, deltas, cancellationToken);
            if (result.AwaitingApproval is { } call)
            {
                var site = await QuestionSiteAsync(session, scope, project, cancellationToken);
                if (ApprovalQuestions.Blocker(call.Name, call.Arguments, site) is { } blocker)
                {
                    // Asking "publish?" would only lead to a refusal: say what is missing instead.
                    result = result with { Text = SaidByCalls(result, blocker), AwaitingApproval = null };
                }
                else
                {
                    var question = ApprovalQuestions.For(call.Name, call.Arguments, site);
                    approvalId = Guid.CreateVersion7().ToString("N");
                    events.Add(new ApprovalRequested(messageId, approvalId, call.Name, JsonSerializer.Serialize(call.Arguments), question));
                    result = result with { Text = SaidByCalls(result, question) };
                }
            }
        }

        return await FinishAsync(session, conversation.Version, events, messageId, result, scope, cancellationToken, project, approvalId, attachment);
    }

    private async Task<TurnOutcome> FinishAsync(
        IEventSession session, long version, List<object> events, string messageId, AgentResult result, TurnScope scope, CancellationToken cancellationToken,
        ProjectState? loaded = null, string? approvalId = null, string? attachment = null)
    {
        foreach (var call in result.Calls)
        {
            events.Add(new ToolCallRequested(messageId, call.CallId, call.Name, call.Arguments));
            events.Add(new ToolCallCompleted(messageId, call.CallId, call.Name, call.Status, Math.Round(call.Milliseconds, 3), call.Result.Message));
        }

        if (scope.LeftProjectId is { } left)
        {
            events.Add(new ProjectLeft(messageId, left));
        }

        var last = result.Calls.LastOrDefault(c => c.Result.Version is not null && c.Result.ProjectId == scope.ProjectId)?.Result;
        var reply = ReplyFor(result, approvalId) with
        {
            Offer = new ActionOffer(scope.ProjectId, last?.Version ?? (loaded?.Id == scope.ProjectId ? loaded?.Version : null), approvalId),
            Attachment = attachment,
        };
        var edited = result.Calls.Select(c => c.Result.EditedSectionId).LastOrDefault(s => s is not null);
        events.Add(new AssistantReplied(messageId, reply, scope.ProjectId, last?.Version, edited));
        session.Append(scope.ConversationId, version, [.. events]);
        await session.SaveChangesAsync(cancellationToken);
        return new TurnOutcome(messageId, reply, scope.ProjectId, last?.Version);
    }

    /// <summary>True for yes (a word or the confirm button), false for no, null when the message is something else.</summary>
    private bool? AnswerTo(string text) => text.Trim() switch
    {
        ApproveAction => true,
        DeclineAction => false,
        _ => confirmations.Read(text),
    };

    private async Task<AgentResult> AnswerApprovalAsync(
        PendingApproval pending, bool yes, TurnScope scope, List<object> events, string messageId, CancellationToken cancellationToken)
    {
        if (!yes)
        {
            events.Add(new ApprovalDeclined(messageId, pending.ApprovalId, "declined"));
            return AgentResult.Say(Declined);
        }

        events.Add(new ApprovalGiven(messageId, pending.ApprovalId));
        var arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(pending.Arguments)!
            .ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
        var record = await agent.InvokeAsync(scope, "approved_" + pending.ApprovalId, pending.Name, arguments, cancellationToken);
        return new AgentResult(record.Result.Message, [record]);
    }

    /// <summary>The confirm card's buttons send these values instead of words.</summary>
    public const string ApproveAction = "navo:approve";

    public const string DeclineAction = "navo:decline";

    /// <summary>What the turn's tool calls said, one paragraph each, then <paramref name="last"/> (a question, a blocker), if any.</summary>
    private static string SaidByCalls(AgentResult result, string? last = null) =>
        string.Join("\n\n", result.Calls.Select(c => c.Result.Message).Append(last).OfType<string>());

    private static AgentReply ReplyFor(AgentResult result, string? approvalId)
    {
        var cards = result.Calls.SelectMany(c => c.Result.Cards).ToList();
        if (result.AwaitingApproval is not null)
        {
            cards.Add(new ReplyCard("confirm", new JsonObject { ["question"] = result.Text, ["confirm"] = ApproveAction, ["cancel"] = DeclineAction, ["approvalId"] = approvalId }));
            return new AgentReply(result.Text, cards, ["Yes", "No"]);
        }

        if (result.ModelUnreachable && result.Calls.Count > 0)
        {
            // The tools ran before the model went away: say what they did rather than that nothing happened.
            return new AgentReply(SaidByCalls(result), cards, []);
        }

        var suggested = result.Calls.Any(c => c.Name is ToolNames.EditSite or ToolNames.GenerateSite && c.Status == ToolStatus.Ok)
            ? new[] { "Undo", "Show history" }
            : [];
        return new AgentReply(result.Text, cards, suggested);
    }
}
