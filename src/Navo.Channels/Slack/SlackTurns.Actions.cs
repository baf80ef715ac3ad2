using System.Text.Json.Nodes;
using Navo.Agent.Conversations;

namespace Navo.Channels.Slack;

public sealed partial class SlackTurns
{
    /// <summary>
    /// A pressed button (<c>block_actions</c>): Confirm or Cancel answers the thread's question, Apply applies a
    /// suggestion; then the message's buttons are replaced by the outcome (<c>chat.update</c>). The turn's message id
    /// is the question's (or the suggestion message's), so pressing again, or the other button, runs nothing twice.
    /// While a confirmed publish runs, the message shows its progress in place of its buttons.
    /// </summary>
    private async Task InteractionAsync(SlackInstallation installation, SlackWork work, JsonObject payload, CancellationToken cancellationToken)
    {
        if (Str(payload, "type") != "block_actions" || payload["actions"] is not JsonArray { Count: > 0 } actions
            || actions[0] is not JsonObject action || Str(action, "action_id") is not { } actionId
            || Str(payload["user"] as JsonObject, "id") is not { } user
            || (Str(payload["channel"] as JsonObject, "id") ?? Str(payload["container"] as JsonObject, "channel_id")) is not { } channel
            || payload["message"] is not JsonObject message || Str(message, "ts") is not { } messageTs)
        {
            return;
        }

        var root = Str(message, "thread_ts") ?? messageTs;
        if (await slack.MemberAsync(installation.TeamId, user, cancellationToken) is not { } member)
        {
            await AskToLinkAsync(installation, user, channel, root, cancellationToken);
            return;
        }

        JsonObject? value = null;
        try
        {
            value = Str(action, "value") is { Length: < 500 } raw ? JsonNode.Parse(raw) as JsonObject : null;
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a value Navo made: nothing to act on.
        }

        var offer = SlackBlocks.ReadOffer(value, out var number);
        var (text, messageId) = actionId switch
        {
            SlackBlocks.ConfirmAction => (ConversationService.ApproveAction, $"slack-answer-{offer?.ApprovalId ?? messageTs}"),
            SlackBlocks.CancelAction => (ConversationService.DeclineAction, $"slack-answer-{offer?.ApprovalId ?? messageTs}"),
            SlackBlocks.ApplyAction when number is > 0 and < 100 => ($"apply {number}", $"slack-apply-{channel}-{messageTs}-{number}"),
            _ => (null, null),
        };
        if (text is null || await slack.ThreadAsync(installation.TeamId, channel, root, cancellationToken) is not { } thread)
        {
            return;
        }

        var progress = new ProgressMessage(this, installation, work, channel, root, messageTs,
            step => SlackBlocks.Answered(message["blocks"] as JsonArray, SlackBlocks.ProgressText(step)), cancellationToken);
        TurnOutcome? outcome;
        try
        {
            outcome = await conversations.SendAsync(
                member.Tenant, thread.ConversationId, new IncomingMessage(text, messageId, null, null, Channel, offer), progress, cancellationToken);
        }
        finally
        {
            await progress.FinishAsync();
        }

        if (outcome is null)
        {
            return;
        }

        var blocks = SlackBlocks.Answered(message["blocks"] as JsonArray, outcome.Reply.Text, by: user);
        foreach (var block in SlackBlocks.For(outcome.Reply with { Text = string.Empty }, await ExtrasAsync(outcome.Reply, member, cancellationToken)).Skip(1))
        {
            blocks.Add(block!.DeepClone());
        }

        await api.CallAsync("chat.update", installation.BotToken, new JsonObject
        {
            ["channel"] = channel,
            ["ts"] = messageTs,
            ["text"] = SlackBlocks.Mrkdwn(outcome.Reply.Text),
            ["blocks"] = blocks,
        }, cancellationToken);
    }

    /// <summary>
    /// <c>/navo &lt;request&gt;</c>: a new conversation, answered in the channel; the answer's thread is that conversation
    /// from then on.
    /// </summary>
    private async Task CommandAsync(SlackInstallation installation, SlackWork work, JsonObject form, CancellationToken cancellationToken)
    {
        if (Str(form, "user_id") is not { } user || Str(form, "channel_id") is not { } channel)
        {
            return;
        }

        if (await slack.MemberAsync(installation.TeamId, user, cancellationToken) is not { } member)
        {
            await AskToLinkAsync(installation, user, channel, null, cancellationToken);
            return;
        }

        var text = (Str(form, "text") ?? string.Empty).Trim();
        if (text.Length is 0 or > MaxMessageLength)
        {
            text = "help";
        }

        var conversation = await conversations.StartAsync(member.Tenant, Channel, cancellationToken);
        var outcome = await conversations.SendAsync(member.Tenant, conversation,
            new IncomingMessage(text, $"slack-command-{Str(form, "trigger_id")}", null, null, Channel), cancellationToken: cancellationToken);
        if (outcome is not null && await PostAsync(installation, work, channel, null, outcome.Reply, member, null, cancellationToken) is { } ts)
        {
            await slack.SaveThreadAsync(installation.TeamId, channel, ts, member.TenantId, conversation, assistant: false, cancellationToken);
        }
    }
}
