using System.Text.Json.Nodes;

namespace Navo.Channels.Teams;

/// <summary>Reading a Bot Framework activity (protocols.md C): its ids, who sent it, and its text without the bot's mention.</summary>
public static class TeamsActivity
{
    public static string? Str(JsonObject? o, string name) => o?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string? Type(JsonObject activity) => Str(activity, "type");

    public static string? Id(JsonObject activity) => Str(activity, "id");

    public static string? ConversationId(JsonObject activity) => Str(activity["conversation"] as JsonObject, "id");

    public static string? ConversationType(JsonObject activity) => Str(activity["conversation"] as JsonObject, "conversationType");

    public static string? BotId(JsonObject activity) => Str(activity["recipient"] as JsonObject, "id");

    /// <summary>The Microsoft Entra tenant: Teams puts it in <c>channelData.tenant.id</c>, and lately in <c>conversation.tenantId</c> too.</summary>
    public static string? AadTenantId(JsonObject activity) =>
        Str((activity["channelData"] as JsonObject)?["tenant"] as JsonObject, "id") ?? Str(activity["conversation"] as JsonObject, "tenantId");

    public static string? AadObjectId(JsonObject activity) => Str(activity["from"] as JsonObject, "aadObjectId");

    public static string Name(JsonObject activity) => Str(activity["from"] as JsonObject, "name") is { Length: > 0 } name ? name : "Someone";

    /// <summary>The message's text without the mention of the bot (<c>&lt;at&gt;Navo&lt;/at&gt;</c>), trimmed.</summary>
    public static string Text(JsonObject activity)
    {
        var text = Str(activity, "text") ?? string.Empty;
        var bot = BotId(activity);
        foreach (var entity in (activity["entities"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Str(entity, "type") == "mention" && Str(entity["mentioned"] as JsonObject, "id") == bot && Str(entity, "text") is { Length: > 0 } mention)
            {
                text = text.Replace(mention, string.Empty, StringComparison.Ordinal);
            }
        }

        return text.Trim();
    }

    /// <summary>Whether the activity says Navo itself was removed (a <c>conversationUpdate</c> whose <c>membersRemoved</c> holds the bot).</summary>
    public static bool RemovesBot(JsonObject activity) =>
        BotId(activity) is { } bot && (activity["membersRemoved"] as JsonArray ?? []).OfType<JsonObject>().Any(m => Str(m, "id") == bot);

    /// <summary>Whether the activity says Navo itself was added (a <c>conversationUpdate</c> whose <c>membersAdded</c> holds the bot).</summary>
    public static bool AddsBot(JsonObject activity) =>
        BotId(activity) is { } bot && (activity["membersAdded"] as JsonArray ?? []).OfType<JsonObject>().Any(m => Str(m, "id") == bot);
}
