using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Navo.Agent.Conversations;
using Navo.Channels.Queues;
using Navo.EventStore;
using Navo.Tools.Assets;
using Navo.Tools.Projects;

namespace Navo.Channels.Slack;

/// <summary>
/// Turns the queue's work into conversation turns: direct messages, mentions in channels (answered in the thread),
/// assistant threads, <c>/navo</c> and pressed buttons. Each Slack thread is one Navo conversation, run by the same
/// <see cref="ConversationService"/> and recorded in the same events as the studio's. A Slack user who is not linked
/// to a member of the installation's workspace is given a link and nothing else.
/// </summary>
public sealed partial class SlackTurns(
    SlackStore slack, SlackApi api, ConversationService conversations, ProjectService projects, PreviewLinks previews,
    PostgresEventStore store, AssetLibrary assets, TimeProvider time, IOptions<SlackOptions> options, ILogger<SlackTurns> logger) : IQueueHandler<SlackWork>
{
    public const string Channel = "slack";

    /// <summary>The longest message a turn takes, as in the studio.</summary>
    public const int MaxMessageLength = 4000;

    public async Task HandleAsync(SlackWork work, CancellationToken cancellationToken)
    {
        var payload = JsonNode.Parse(work.Payload)!.AsObject();
        var installation = await slack.InstallationAsync(work.TeamId, cancellationToken);
        if (installation is null)
        {
            LogNoInstallation(logger, work.TeamId);
            return;
        }

        try
        {
            await (work.Kind switch
            {
                "event" => EventAsync(installation, work, payload["event"]!.AsObject(), cancellationToken),
                "interaction" => InteractionAsync(installation, work, payload, cancellationToken),
                _ => CommandAsync(installation, work, payload, cancellationToken),
            });
        }
        catch (SlackApiException refused) when (refused.EndsInstallation)
        {
            // The token no longer works: stop using it until the team installs Navo again.
            await slack.EndAsync(installation.TeamId, refused.Error, cancellationToken);
            LogInstallationEnded(logger, installation.TeamId, refused.Error);
        }
    }

    private async Task EventAsync(SlackInstallation installation, SlackWork work, JsonObject e, CancellationToken cancellationToken)
    {
        var type = Str(e, "type");
        if (type is "app_uninstalled" or "tokens_revoked")
        {
            await slack.EndAsync(installation.TeamId, type, cancellationToken);
            LogInstallationEnded(logger, installation.TeamId, type);
            return;
        }

        if (type == "assistant_thread_started" && e["assistant_thread"] is JsonObject thread)
        {
            await AssistantThreadAsync(installation, thread, cancellationToken);
            return;
        }

        if (!(type == "app_mention" || (type == "message" && Str(e, "channel_type") == "im" && Str(e, "subtype") is null or "file_share"))
            || e["bot_id"] is not null || Str(e, "user") is not { } user || user == installation.BotUserId
            || Str(e, "channel") is not { } channel || Str(e, "ts") is not { } ts)
        {
            return;
        }

        var text = (Str(e, "text") ?? string.Empty).Replace($"<@{installation.BotUserId}>", string.Empty, StringComparison.Ordinal).Trim();
        var root = Str(e, "thread_ts") ?? ts;
        var photo = (e["files"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        await TurnAsync(installation, work, user, channel, root, text, $"slack-{channel}-{ts}", photo, cancellationToken);
    }

    private async Task AssistantThreadAsync(SlackInstallation installation, JsonObject thread, CancellationToken cancellationToken)
    {
        if (Str(thread, "user_id") is not { } user || Str(thread, "channel_id") is not { } channel || Str(thread, "thread_ts") is not { } root)
        {
            return;
        }

        if (await slack.MemberAsync(installation.TeamId, user, cancellationToken) is not { } member)
        {
            await AskToLinkAsync(installation, user, channel, root, cancellationToken);
            return;
        }

        var id = await conversations.StartAsync(member.Tenant, Channel, cancellationToken);
        await slack.SaveThreadAsync(installation.TeamId, channel, root, member.TenantId, id, assistant: true, cancellationToken);
        await api.CallAsync("assistant.threads.setSuggestedPrompts", installation.BotToken, new JsonObject
        {
            ["channel_id"] = channel,
            ["thread_ts"] = root,
            ["prompts"] = new JsonArray(
                Prompt("Draft a site", "Build a site for my business: "),
                Prompt("Show my site", "Show me the preview"),
                Prompt("Suggestions", "What would make my site better?"),
                Prompt("How is it doing?", "How did my site do this week?")),
        }, cancellationToken);
    }

    private static JsonObject Prompt(string title, string message) => new() { ["title"] = title, ["message"] = message };

    /// <summary>
    /// One turn of the thread <paramref name="root"/>: the linked member's message to the thread's conversation (started
    /// with the first), the reply posted in the thread. <paramref name="messageId"/> makes a repeated turn answer from
    /// the record instead of running again. A draft or a publish shows its progress in one message, which the reply
    /// then replaces.
    /// </summary>
    private async Task TurnAsync(
        SlackInstallation installation, SlackWork work, string user, string channel, string root, string text, string messageId, JsonObject? photo,
        CancellationToken cancellationToken)
    {
        if (await slack.MemberAsync(installation.TeamId, user, cancellationToken) is not { } member)
        {
            await AskToLinkAsync(installation, user, channel, root, cancellationToken);
            return;
        }

        var (conversation, assistant) = await ConversationAsync(installation, member, channel, root, cancellationToken);
        if (photo is not null && text.Length <= MaxMessageLength)
        {
            await PhotoTurnAsync(installation, work, member, (conversation, assistant), photo, channel, root, text, messageId, cancellationToken);
            return;
        }

        if (text.Length is 0 or > MaxMessageLength)
        {
            await PostAsync(installation, work, channel, root, AgentReply.Plain(text.Length == 0
                ? "Tell me what you'd like: \"build a site for a bakery called Crumb in Bristol\", say."
                : $"A message can be at most {MaxMessageLength:N0} characters."), member, null, cancellationToken);
            return;
        }

        if (assistant)
        {
            await api.CallAsync("assistant.threads.setStatus", installation.BotToken,
                new JsonObject { ["channel_id"] = channel, ["thread_ts"] = root, ["status"] = "is working on it…" }, cancellationToken);
        }

        var progress = new ProgressMessage(this, installation, work, channel, root, null, SlackBlocks.Progress, cancellationToken);
        TurnOutcome? outcome;
        try
        {
            outcome = await conversations.SendAsync(member.Tenant, conversation, new IncomingMessage(text, messageId, null, null, Channel), progress, cancellationToken);
        }
        finally
        {
            await progress.FinishAsync();
        }

        if (outcome is not null)
        {
            await PostAsync(installation, work, channel, root, outcome.Reply, member, progress.Ts, cancellationToken);
        }
    }

    private async Task<(Guid Id, bool Assistant)> ConversationAsync(
        SlackInstallation installation, SlackMember member, string channel, string root, CancellationToken cancellationToken)
    {
        if (await slack.ThreadAsync(installation.TeamId, channel, root, cancellationToken) is { } known)
        {
            return known;
        }

        var started = await conversations.StartAsync(member.Tenant, Channel, cancellationToken);
        return (await slack.SaveThreadAsync(installation.TeamId, channel, root, member.TenantId, started, assistant: false, cancellationToken), false);
    }

    /// <summary>
    /// The preview's signed link, what an edit changed since the version before, and the figures an analytics card
    /// names, read now in the member's own workspace.
    /// </summary>
    private async Task<SlackReplyExtras> ExtrasAsync(AgentReply reply, SlackMember member, CancellationToken cancellationToken)
    {
        var analytics = await ReplyAnalytics.ReadAsync(store, member.Tenant, reply, time, cancellationToken);
        var preview = reply.Cards.FirstOrDefault(c => c.Type == "preview");
        if (preview is null || !Guid.TryParse(preview.Data["projectId"]?.GetValue<string>(), out var project) || preview.Data["version"]?.GetValue<long>() is not { } version)
        {
            return new SlackReplyExtras(null, [], analytics);
        }

        var url = new Uri(options.Value.PublicBase(), previews.PathFor(member.TenantId, project, version)).ToString();
        var diff = version > 1 ? await projects.DiffAsync(member.Tenant, project, version - 1, version, cancellationToken) : null;
        return new SlackReplyExtras(url, diff?.Changes ?? [], analytics);
    }

    /// <summary>Gives an unknown Slack user a single-use link to confirm who they are in Navo; only they see it.</summary>
    private async Task AskToLinkAsync(SlackInstallation installation, string user, string channel, string? root, CancellationToken cancellationToken)
    {
        var token = await slack.NewLinkTokenAsync(installation.TenantId, installation.TeamId, user, cancellationToken);
        var url = new Uri(options.Value.PublicBase(), "link/slack?token=" + token).ToString();
        var body = new JsonObject
        {
            ["channel"] = channel,
            ["user"] = user,
            ["text"] = "Link your Slack account to Navo first.",
            ["blocks"] = SlackBlocks.LinkPrompt(url),
        };
        if (root is not null)
        {
            body["thread_ts"] = root;
        }

        await api.CallAsync("chat.postEphemeral", installation.BotToken, body, cancellationToken);
    }

    internal static string? Str(JsonObject? o, string name) => o?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack work for team {TeamId} skipped: it has no installation")]
    private static partial void LogNoInstallation(ILogger logger, string teamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack installation of team {TeamId} ended: {Reason}")]
    private static partial void LogInstallationEnded(ILogger logger, string teamId, string reason);
}
