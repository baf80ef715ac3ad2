using System.Text.Json.Nodes;
using static Navo.Channels.Teams.TeamsActivity;

namespace Navo.Channels.Teams;

public sealed partial class TeamsTurns
{
    /// <summary>
    /// An <c>adaptiveCard/action</c> invoke (a universal action, <c>Action.Execute</c>): answered in the HTTP response,
    /// as Teams requires, with the card replaced by the outcome, or with a message saying why nothing was done.
    /// </summary>
    public async Task<JsonObject> InvokeAsync(TrustedServiceUrl service, JsonObject activity, CancellationToken cancellationToken)
    {
        var action = (activity["value"] as JsonObject)?["action"] as JsonObject;
        var (answer, offer, number) = TeamsCards.Read(action?["data"] as JsonObject);
        if (answer is null || AadTenantId(activity) is not { } aadTenant || ConversationId(activity) is not { } conversationId
            || BotId(activity) is not { } bot || AadObjectId(activity) is not { } user)
        {
            return InvokeMessage("That button is not one of Navo's, so nothing was done.");
        }

        var at = new Place(service, aadTenant, conversationId, bot, ConversationType(activity));
        if (await teams.MemberAsync(aadTenant, user, cancellationToken) is not { } member)
        {
            return at.Personal
                ? InvokeCard(TeamsCards.LinkPrompt(await LinkUrlAsync(aadTenant, user, cancellationToken)))
                : InvokeMessage("I don't know who you are in Navo yet. Open a personal chat with me to link your account.");
        }

        if (await teams.ConversationAsync(aadTenant, conversationId, cancellationToken) is not { } conversation || conversation.TenantId != member.TenantId)
        {
            return InvokeMessage("This card belongs to a conversation Navo does not know, so nothing was done.");
        }

        if (answer is TeamsCards.DailyOff or TeamsCards.DailyOn)
        {
            await teams.SetDailyOffAsync(aadTenant, conversationId, answer == TeamsCards.DailyOff, cancellationToken);
            return InvokeCard(TeamsCards.DailyChoice(answer == TeamsCards.DailyOff));
        }

        var outcome = await AnswerAsync(member, conversation, answer, offer, number, Str(activity, "replyToId") ?? Id(activity) ?? conversationId, cancellationToken);
        return outcome is null
            ? InvokeMessage("That button is not one of Navo's, so nothing was done.")
            : InvokeCard(TeamsCards.Answered(Name(activity), outcome.Reply, await ExtrasAsync(outcome.Reply, member, cancellationToken)));
    }

    /// <summary>The invoke's response replacing the card (<c>statusCode</c>, <c>type</c>, <c>value</c>).</summary>
    private static JsonObject InvokeCard(JsonObject card) => new() { ["statusCode"] = 200, ["type"] = TeamsCards.ContentType, ["value"] = card };

    /// <summary>The invoke's response showing a message and leaving the card as it was.</summary>
    public static JsonObject InvokeMessage(string text) => new() { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = text };
}
