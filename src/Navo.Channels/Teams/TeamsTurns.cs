using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Navo.Agent.Conversations;
using Navo.Channels.Links;
using Navo.Channels.Queues;
using Navo.EventStore;
using Navo.Tools.Projects;
using static Navo.Channels.Teams.TeamsActivity;

namespace Navo.Channels.Teams;

/// <summary>
/// Turns Teams' activities into conversation turns: Navo added to a conversation (a welcome, and a link for someone it
/// does not know), messages (text, or a card's <c>Action.Submit</c> data), and the installation's changes. Each Teams
/// conversation is one Navo conversation, run by the same <see cref="ConversationService"/> and recorded in the same
/// events as the studio's; replies go back through the Connector as Adaptive Cards. A Teams user who is not linked to
/// a member is given a link and nothing else.
/// </summary>
public sealed partial class TeamsTurns(
    TeamsStore teams, ChannelLinks links, TeamsConnector connector, ConversationService conversations, ProjectService projects, PreviewLinks previews,
    PostgresEventStore store, TimeProvider time, IOptions<TeamsOptions> options, ILogger<TeamsTurns> logger) : IQueueHandler<TeamsWork>
{
    public const string Channel = "teams";

    /// <summary>The longest message a turn takes, as in the studio.</summary>
    public const int MaxMessageLength = 4000;

    public async Task HandleAsync(TeamsWork work, CancellationToken cancellationToken)
    {
        var activity = JsonNode.Parse(work.Payload)!.AsObject();
        if (AadTenantId(activity) is not { } aadTenant || ConversationId(activity) is not { } conversation || BotId(activity) is not { } bot)
        {
            LogSkipped(logger, work.Kind);
            return;
        }

        var at = new Place(work.ServiceUrl, aadTenant, conversation, bot, ConversationType(activity), work);
        switch (work.Kind)
        {
            case "conversationUpdate" when AddsBot(activity):
                await WelcomeAsync(at, activity, cancellationToken);
                break;
            case "conversationUpdate" when RemovesBot(activity):
            case "installationUpdate" when Str(activity, "action") is "remove" or "remove-upgrade":
                await teams.RemovedAsync(aadTenant, conversation, cancellationToken);
                break;
            case "message":
                await MessageAsync(at, activity, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// Where an activity came from: the service URL its token named, the organisation, the conversation, the bot; and the
    /// queued item it arrived as (none for an invoke, which is answered in its HTTP response).
    /// </summary>
    private sealed record Place(TrustedServiceUrl Service, string AadTenant, string Conversation, string Bot, string? Type, TeamsWork? Work = null)
    {
        public bool Personal => Type is null or "personal";
    }

    private async Task WelcomeAsync(Place at, JsonObject activity, CancellationToken cancellationToken)
    {
        string? link = null;
        if (AadObjectId(activity) is { } user)
        {
            if (await teams.MemberAsync(at.AadTenant, user, cancellationToken) is { } member)
            {
                await ConversationAsync(at, member, cancellationToken);
            }
            else if (at.Personal)
            {
                link = await LinkUrlAsync(at.AadTenant, user, cancellationToken);
            }
        }

        await PostOnceAsync(at, Card(TeamsCards.Welcome(link)), null, cancellationToken);
    }

    private async Task MessageAsync(Place at, JsonObject activity, CancellationToken cancellationToken)
    {
        if (AadObjectId(activity) is not { } user || Id(activity) is not { } activityId)
        {
            return;
        }

        if (await teams.MemberAsync(at.AadTenant, user, cancellationToken) is not { } member)
        {
            await AskToLinkAsync(at, user, activityId, cancellationToken);
            return;
        }

        var conversation = await ConversationAsync(at, member, cancellationToken);
        if (activity["value"] is JsonObject value && TeamsCards.Read(value) is { Answer: { } answer } pressed)
        {
            // A card's Action.Submit (clients without universal actions): answered, and the card replaced by the outcome.
            var replyTo = Str(activity, "replyToId");
            if (answer is TeamsCards.DailyOff or TeamsCards.DailyOn)
            {
                await teams.SetDailyOffAsync(at.AadTenant, at.Conversation, answer == TeamsCards.DailyOff, cancellationToken);
                if (replyTo is not null)
                {
                    await connector.UpdateAsync(at.Service, at.Conversation, replyTo, Card(TeamsCards.DailyChoice(answer == TeamsCards.DailyOff)), cancellationToken);
                }

                return;
            }

            var outcome = await AnswerAsync(member, conversation, answer, pressed.Offer, pressed.Number, replyTo ?? activityId, cancellationToken);
            if (outcome is not null && replyTo is not null)
            {
                await connector.UpdateAsync(at.Service, at.Conversation, replyTo,
                    Card(TeamsCards.Answered(Name(activity), outcome.Reply, await ExtrasAsync(outcome.Reply, member, cancellationToken))), cancellationToken);
            }

            return;
        }

        var text = Text(activity);
        if (text.Length is 0 or > MaxMessageLength)
        {
            await ReplyAsync(at, activityId, AgentReply.Plain(text.Length == 0
                ? "Tell me what you'd like: \"build a site for a bakery called Crumb in Bristol\", say."
                : $"A message can be at most {MaxMessageLength:N0} characters."), member, cancellationToken);
            return;
        }

        await connector.SendAsync(at.Service, at.Conversation, new JsonObject { ["type"] = "typing" }, null, cancellationToken);
        await using var progress = new TeamsProgress(connector, at.Service, at.Conversation, logger);
        var turn = await conversations.SendAsync(member.Tenant, conversation.ConversationId,
            new IncomingMessage(text, $"teams-{activityId}", null, null, Channel), progress, cancellationToken);
        await progress.FinishAsync(cancellationToken);
        if (turn is not null)
        {
            await ReplyAsync(at, activityId, turn.Reply, member, cancellationToken);
        }
    }

    /// <summary>
    /// A pressed Confirm, Cancel or Apply, from an <c>Action.Execute</c> invoke or an <c>Action.Submit</c> message. The
    /// turn's message id is the question's (or the card's and the suggestion's), so pressing again, or the other button,
    /// or Teams delivering the press twice, runs nothing twice.
    /// </summary>
    private async Task<TurnOutcome?> AnswerAsync(
        TeamsMember member, TeamsConversation conversation, string answer, ActionOffer? offer, int? number, string cardId, CancellationToken cancellationToken)
    {
        var (text, messageId) = answer switch
        {
            TeamsCards.Confirm => (ConversationService.ApproveAction, $"teams-answer-{offer?.ApprovalId ?? cardId}"),
            TeamsCards.Cancel => (ConversationService.DeclineAction, $"teams-answer-{offer?.ApprovalId ?? cardId}"),
            TeamsCards.Apply when number is > 0 and < 100 => ($"apply {number}", $"teams-apply-{cardId}-{number}"),
            _ => (null, null),
        };
        return text is null ? null : await conversations.SendAsync(member.Tenant, conversation.ConversationId,
            new IncomingMessage(text, messageId, null, null, Channel, offer), cancellationToken: cancellationToken);
    }

    /// <summary>The Navo conversation of the Teams conversation, started with the first message; its reference kept current.</summary>
    private async Task<TeamsConversation> ConversationAsync(Place at, TeamsMember member, CancellationToken cancellationToken)
    {
        var known = await teams.ConversationAsync(at.AadTenant, at.Conversation, cancellationToken);
        if (known is not null && known.ServiceUrl == at.Service && known.TenantId == member.TenantId)
        {
            return known;
        }

        var id = known is not null && known.TenantId == member.TenantId ? known.ConversationId : await conversations.StartAsync(member.Tenant, Channel, cancellationToken);
        return await teams.SaveConversationAsync(at.AadTenant, at.Conversation, member.TenantId, id, at.Service, at.Bot, at.Type, cancellationToken);
    }

    private async Task ReplyAsync(Place at, string activityId, AgentReply reply, TeamsMember member, CancellationToken cancellationToken) =>
        await PostOnceAsync(at, TeamsCards.Message(reply, await ExtrasAsync(reply, member, cancellationToken)), activityId, cancellationToken);

    /// <summary>
    /// The preview's signed link, what an edit changed since the version before, and the figures an analytics card
    /// names, read now in the member's own workspace.
    /// </summary>
    private async Task<TeamsReplyExtras> ExtrasAsync(AgentReply reply, TeamsMember member, CancellationToken cancellationToken)
    {
        var analytics = await ReplyAnalytics.ReadAsync(store, member.Tenant, reply, time, cancellationToken);
        var preview = reply.Cards.FirstOrDefault(c => c.Type == "preview");
        if (preview is null || !Guid.TryParse(preview.Data["projectId"]?.GetValue<string>(), out var project) || preview.Data["version"]?.GetValue<long>() is not { } version)
        {
            return new TeamsReplyExtras(null, [], analytics);
        }

        var url = new Uri(options.Value.PublicBase(), previews.PathFor(member.TenantId, project, version)).ToString();
        var diff = version > 1 ? await projects.DiffAsync(member.Tenant, project, version - 1, version, cancellationToken) : null;
        return new TeamsReplyExtras(url, diff?.Changes ?? [], analytics);
    }

    /// <summary>
    /// Someone Navo does not know: in a personal chat, a single-use link to confirm who they are in Navo; elsewhere
    /// (where everyone would see the link) a word to open a personal chat.
    /// </summary>
    private async Task AskToLinkAsync(Place at, string user, string activityId, CancellationToken cancellationToken)
    {
        var activity = at.Personal
            ? Card(TeamsCards.LinkPrompt(await LinkUrlAsync(at.AadTenant, user, cancellationToken)))
            : new JsonObject { ["type"] = "message", ["text"] = "I don't know who you are in Navo yet. Open a personal chat with me to link your account, then ask again here." };
        await PostOnceAsync(at, activity, activityId, cancellationToken);
    }

    private async Task<string> LinkUrlAsync(string aadTenant, string user, CancellationToken cancellationToken)
    {
        var token = await links.NewTokenAsync(new ChannelIdentity(TeamsLinker.ChannelName, aadTenant, user),
            await teams.InstallationAsync(aadTenant, cancellationToken), cancellationToken);
        return new Uri(options.Value.PublicBase(), "link/teams?token=" + token).ToString();
    }

    private static JsonObject Card(JsonObject card) => new() { ["type"] = "message", ["attachments"] = new JsonArray { TeamsCards.Attachment(card) } };

    [LoggerMessage(Level = LogLevel.Information, Message = "A Teams {Kind} without an organisation, conversation or bot was skipped")]
    private static partial void LogSkipped(ILogger logger, string kind);
}
