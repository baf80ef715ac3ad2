using System.Text.Json.Nodes;
using Navo.Agent.Conversations;

namespace Navo.Channels.Teams;

/// <summary>What a reply needs beside itself: the signed link to its preview, the changes an edit made, and the figures its analytics card names.</summary>
public sealed record TeamsReplyExtras(string? PreviewUrl, IReadOnlyList<string> Changes, ReplyAnalytics? Analytics = null);

/// <summary>
/// A reply as an Adaptive Card (schema 1.5): the text, what changed, the preview link, Confirm/Cancel for a question,
/// numbered suggestions with Apply, a site's figures, the live address. Buttons are universal actions (<c>Action.Execute</c>, answered
/// in the invoke's response) with an <c>Action.Submit</c> fallback for older clients; both carry what they were
/// offered for (<see cref="ActionOffer"/>), so a button pressed after the site moved on changes nothing. Navo's own
/// text is Markdown; text that comes from people (changes, suggestions, addresses) goes in text runs, which Teams
/// shows as written, never as links or formatting.
/// </summary>
public static partial class TeamsCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public const string Confirm = "confirm";
    public const string Cancel = "cancel";
    public const string Apply = "apply";
    public const string DailyOff = "daily_off";
    public const string DailyOn = "daily_on";

    /// <summary>Teams shows at most three suggested actions a reply.</summary>
    public const int MaxSuggestedActions = 3;

    /// <summary>The reply's message activity: its card, and up to three suggested actions.</summary>
    public static JsonObject Message(AgentReply reply, TeamsReplyExtras extras)
    {
        var activity = new JsonObject { ["type"] = "message", ["attachments"] = new JsonArray { Attachment(For(reply, extras)) } };
        if (reply.SuggestedActions.Count > 0)
        {
            activity["suggestedActions"] = new JsonObject
            {
                ["actions"] = new JsonArray([.. reply.SuggestedActions.Take(MaxSuggestedActions)
                    .Select(a => (JsonNode)new JsonObject { ["type"] = "imBack", ["title"] = a, ["value"] = a })]),
            };
        }

        return activity;
    }

    public static JsonObject Attachment(JsonObject card) => new() { ["contentType"] = ContentType, ["content"] = card };

    public static JsonObject For(AgentReply reply, TeamsReplyExtras extras)
    {
        var body = new JsonArray();
        if (reply.Text.Length > 0)
        {
            body.Add(Markdown(reply.Text));
        }

        var actions = new JsonArray();
        if (extras.Changes.Count > 0)
        {
            body.Add(Markdown("**What changed**"));
            foreach (var change in extras.Changes.Take(10))
            {
                body.Add(Plain("• " + change));
            }
        }

        if (extras.PreviewUrl is { } preview)
        {
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open the preview", ["url"] = preview });
        }

        foreach (var card in reply.Cards)
        {
            switch (card.Type)
            {
                case "confirm":
                    actions.Add(Button("Confirm", Confirm, reply.Offer, null, "positive"));
                    actions.Add(Button("Cancel", Cancel, reply.Offer, null, null));
                    break;
                case "suggestions" when card.Data["items"] is JsonArray items:
                    foreach (var item in items.OfType<JsonObject>())
                    {
                        var number = item["number"]?.GetValue<int>() ?? 0;
                        body.Add(new JsonObject
                        {
                            ["type"] = "Container",
                            ["separator"] = true,
                            ["items"] = new JsonArray
                            {
                                Plain($"{number}. {item["title"]?.GetValue<string>()}", bold: true),
                                Plain(item["reason"]?.GetValue<string>() ?? string.Empty),
                                new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray { Button("Apply", Apply, reply.Offer, number, null) } },
                            },
                        });
                    }

                    break;
                case "analytics" when extras.Analytics is { } analytics:
                    foreach (var element in Analytics(analytics))
                    {
                        body.Add(element);
                    }

                    break;
                case "live" when card.Data["url"]?.GetValue<string>() is { } live:
                    body.Add(Plain("Live at " + live));
                    break;
            }
        }

        var adaptive = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (actions.Count > 0)
        {
            adaptive["actions"] = actions;
        }

        if (extras.Analytics is { } figures)
        {
            adaptive["fallbackText"] = AnalyticsText(figures);
        }

        return adaptive;
    }

    /// <summary>A card whose buttons were pressed, replaced by what came of it: who answered, and the outcome's own card without buttons to press again.</summary>
    public static JsonObject Answered(string who, AgentReply outcome, TeamsReplyExtras extras)
    {
        var card = For(outcome with { Text = string.Empty, Cards = [.. outcome.Cards.Where(c => c.Type != "confirm")] }, extras);
        card["body"]!.AsArray().Insert(0, Plain($"{who}: {outcome.Text}"));
        return card;
    }

    /// <summary>The daily suggestions, sent to the conversation unasked: the list with Apply, and a way to stop them.</summary>
    public static JsonObject Daily(AgentReply reply)
    {
        var activity = Message(reply, new TeamsReplyExtras(null, []));
        var card = activity["attachments"]![0]!["content"]!.AsObject();
        if (card["actions"] is not JsonArray actions)
        {
            card["actions"] = actions = [];
        }

        actions.Add(Button("Stop daily suggestions", DailyOff, null, null, null));
        return activity;
    }

    /// <summary>What pressing Stop (or Resume) daily suggestions left: a sentence, and the way back.</summary>
    public static JsonObject DailyChoice(bool off) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JsonArray
        {
            Markdown(off ? "Daily suggestions are off in this chat. I'll still answer whenever you ask." : "Daily suggestions are on again in this chat."),
        },
        ["actions"] = new JsonArray { off ? Button("Resume daily suggestions", DailyOn, null, null, null) : Button("Stop daily suggestions", DailyOff, null, null, null) },
    };

    /// <summary>The card Navo greets with; with a link for someone it does not know yet.</summary>
    public static JsonObject Welcome(string? linkUrl)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray
            {
                Markdown("**Hi, I'm Navo.** Tell me about your business and I'll draft a website in a moment, edit it as you say, and publish it when you confirm."),
                Markdown("Try: \"build a site for a bakery called Crumb in Bristol\"."),
            },
        };
        if (linkUrl is not null)
        {
            card["body"]!.AsArray().Add(Markdown("First, link your Teams account to your Navo sign-in (the link works once, for 15 minutes)."));
            card["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Link my account", ["url"] = linkUrl } };
        }

        return card;
    }

    /// <summary>The card that asks someone Navo does not know to link their account.</summary>
    public static JsonObject LinkPrompt(string linkUrl) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JsonArray
        {
            Markdown("I don't know who you are in Navo yet, so I can't show or change anything for you. Link your Teams account to your Navo sign-in (the link works once, for 15 minutes)."),
        },
        ["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Link my account", ["url"] = linkUrl } },
    };

    /// <summary>
    /// The offer a button's data carries back: <c>navo</c> the answer (confirm, cancel, apply), <c>p</c> project,
    /// <c>v</c> version, <c>a</c> the question, <c>n</c> the suggestion's number.
    /// </summary>
    public static (string? Answer, ActionOffer? Offer, int? Number) Read(JsonObject? data)
    {
        if (data?["navo"] is not JsonValue answer || !answer.TryGetValue<string>(out var name))
        {
            return (null, null, null);
        }

        var offer = new ActionOffer(
            data["p"] is JsonValue p && p.TryGetValue<string>(out var project) && Guid.TryParse(project, out var id) ? id : null,
            data["v"] is JsonValue v && v.TryGetValue<long>(out var version) ? version : null,
            data["a"] is JsonValue a && a.TryGetValue<string>(out var approval) ? approval : null);
        return (name, offer, data["n"] is JsonValue n && n.TryGetValue<int>(out var number) ? number : null);
    }

    private static JsonObject Button(string title, string answer, ActionOffer? offer, int? number, string? style)
    {
        var data = new JsonObject
        {
            ["navo"] = answer,
            ["p"] = offer?.ProjectId?.ToString("N"),
            ["v"] = offer?.Version,
            ["a"] = offer?.ApprovalId,
            ["n"] = number,
        };
        var button = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = "navo_" + answer,
            ["data"] = data,
            ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data.DeepClone() },
        };
        if (style is not null)
        {
            button["style"] = style;
        }

        return button;
    }

    private static JsonObject Markdown(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };

    /// <summary>Text shown as written: a text run is not read as Markdown.</summary>
    private static JsonObject Plain(string text, bool bold = false) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JsonArray { new JsonObject { ["type"] = "TextRun", ["text"] = text, ["weight"] = bold ? "Bolder" : "Default" } },
    };
}
