using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Navo.Agent.Conversations;
using Navo.Tools;

namespace Navo.Channels.Slack;

/// <summary>
/// What a reply needs beside itself: links to its preview, the changes an edit made, and the figures of the period its
/// analytics card names, read when the reply is drawn.
/// </summary>
public sealed record SlackReplyExtras(string? PreviewUrl, IReadOnlyList<string> Changes, ReplyAnalytics? Analytics = null);

/// <summary>
/// A reply in Block Kit: the text, the preview link, the diff after an edit, Confirm/Cancel for a question, numbered
/// suggestions with an Apply button each, the live address. Buttons carry what they were offered for
/// (<see cref="ActionOffer"/>), so a button pressed after the site moved on changes nothing.
/// </summary>
public static partial class SlackBlocks
{
    public const string ConfirmAction = "navo_confirm";
    public const string CancelAction = "navo_cancel";
    public const string ApplyAction = "navo_apply";

    /// <summary>Slack's limit for a section's text.</summary>
    private const int MaxSectionText = 3000;

    public static JsonArray For(AgentReply reply, SlackReplyExtras extras)
    {
        var blocks = new JsonArray { Section(Mrkdwn(reply.Text)) };
        if (extras.Changes.Count > 0)
        {
            blocks.Add(Section("*What changed*\n" + string.Join("\n", extras.Changes.Take(10).Select(c => "• " + Escape(c)))));
        }

        if (extras.PreviewUrl is { } preview)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = "navo_preview",
                ["elements"] = new JsonArray { Button("navo_open_preview", "Open the preview", null, url: preview) },
            });
        }

        foreach (var card in reply.Cards)
        {
            switch (card.Type)
            {
                case "confirm":
                    blocks.Add(new JsonObject
                    {
                        ["type"] = "actions",
                        ["block_id"] = "navo_confirm",
                        ["elements"] = new JsonArray
                        {
                            Button(ConfirmAction, "Confirm", Value(reply.Offer, null), style: "primary"),
                            Button(CancelAction, "Cancel", Value(reply.Offer, null)),
                        },
                    });
                    break;
                case "suggestions" when card.Data["items"] is JsonArray items:
                    foreach (var item in items.OfType<JsonObject>())
                    {
                        var number = item["number"]?.GetValue<int>() ?? 0;
                        blocks.Add(new JsonObject
                        {
                            ["type"] = "section",
                            ["block_id"] = $"navo_suggestion_{number}",
                            ["text"] = Text($"*{number}. {Escape(item["title"]?.GetValue<string>() ?? string.Empty)}*\n{Escape(item["reason"]?.GetValue<string>() ?? string.Empty)}"),
                            ["accessory"] = Button(ApplyAction, "Apply", Value(reply.Offer, number)),
                        });
                    }

                    break;
                case "analytics" when extras.Analytics is { } analytics:
                    foreach (var block in Analytics(analytics))
                    {
                        blocks.Add(block);
                    }

                    break;
                case "live" when card.Data["url"]?.GetValue<string>() is { } live:
                    blocks.Add(Section($"Live at `{Escape(live)}`"));
                    break;
            }
        }

        return blocks;
    }

    /// <summary>
    /// A pressed button's message, its buttons replaced by what came of it, naming the Slack user who pressed it
    /// (<paramref name="by"/>, a user id from the verified request) as a mention; the outcome's words are escaped.
    /// </summary>
    public static JsonArray Answered(JsonArray? original, string outcome, string? by = null)
    {
        var kept = new JsonArray();
        foreach (var block in original?.OfType<JsonObject>() ?? [])
        {
            if (block["type"]?.GetValue<string>() != "actions" && block["accessory"] is null)
            {
                kept.Add(block.DeepClone());
            }
        }

        var mention = by is { Length: > 0 and <= 32 } && by.All(char.IsAsciiLetterOrDigit) ? $"<@{by}>: " : string.Empty;
        kept.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray { Text(mention + Mrkdwn(outcome)) } });
        return kept;
    }

    /// <summary>The most rows of a list (top pages, referrers) shown as fields: Slack allows ten fields a section.</summary>
    private const int MaxListRows = 5;

    /// <summary>
    /// A report's figures as Block Kit: the period as a header, the headline figures as a section's fields (each with
    /// its change on the period before, when there was one), then the top pages and where visitors came from.
    /// </summary>
    public static IEnumerable<JsonObject> Analytics(ReplyAnalytics analytics)
    {
        var (report, previous) = (analytics.Report, analytics.Previous);
        yield return new JsonObject
        {
            ["type"] = "header",
            ["block_id"] = "navo_analytics",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = analytics.Title },
        };
        yield return Fields("navo_analytics_figures",
        [
            Figure("Visitors", report.Visitors, previous?.Visitors),
            Figure("Page views", report.Pageviews, previous?.Pageviews),
            Figure("Button clicks", report.CtaClicks, previous?.CtaClicks) + $"\n{ReplyAnalytics.Percent(report.CtaClickRate)} of visitors",
            Figure("Messages sent", report.FormSubmissions, previous?.FormSubmissions) + $"\n{ReplyAnalytics.Percent(report.ConversionRate)} of visitors",
        ]);
        if (report.Pages.Count > 0)
        {
            yield return Fields("navo_analytics_pages", [.. report.Pages.Take(MaxListRows).SelectMany(p => new[]
            {
                $"`{Escape(p.Path)}`",
                $"{ReplyAnalytics.Count(p.Pageviews)} views · {ReplyAnalytics.Count(p.Visitors)} visitors",
            })], "*Top pages*");
        }

        if (report.Referrers.Count > 0)
        {
            yield return Fields("navo_analytics_referrers", [.. report.Referrers.Take(MaxListRows).SelectMany(r => new[]
            {
                r.Host is null ? "_Direct or unknown_" : Escape(r.Host),
                ReplyAnalytics.Count(r.Visitors) + " visitors",
            })], "*Where visitors came from*");
        }
    }

    /// <summary>A figure as a field: its name, its value, and how it moved since the period before.</summary>
    private static string Figure(string name, long value, long? before) => $"*{name}*\n{ReplyAnalytics.Count(value)}{ReplyAnalytics.Change(value, before)}";

    private static JsonObject Fields(string blockId, IReadOnlyList<string> fields, string? title = null)
    {
        var section = new JsonObject
        {
            ["type"] = "section",
            ["block_id"] = blockId,
            ["fields"] = new JsonArray([.. fields.Take(10).Select(f => (JsonNode)Text(f))]),
        };
        if (title is not null)
        {
            section["text"] = Text(title);
        }

        return section;
    }

    /// <summary>The fallback text of a progress message.</summary>
    public static string ProgressText(StepProgress step) => $"Working on it… {step.Done} of {step.Total} steps done.";

    /// <summary>A progress message: what is under way, and the step that just finished.</summary>
    public static JsonArray Progress(StepProgress step) =>
    [
        Section($":hourglass_flowing_sand: *Working on it…* {step.Done} of {step.Total} steps done."),
        new JsonObject { ["type"] = "context", ["elements"] = new JsonArray { Text("Finished: " + Escape(step.Step)) } },
    ];

    /// <summary>The button an unlinked Slack user is given: open Navo and confirm it is them.</summary>
    public static JsonArray LinkPrompt(string url) =>
    [
        Section("I don't know who you are in Navo yet, so I can't show or change anything for you. Link your Slack account to your Navo sign-in (the link works once, for 15 minutes)."),
        new JsonObject { ["type"] = "actions", ["block_id"] = "navo_link", ["elements"] = new JsonArray { Button("navo_link", "Link my account", null, url: url, style: "primary") } },
    ];

    /// <summary>
    /// The offer a button's value carries back, compact: <c>p</c> project, <c>v</c> version, <c>a</c> the question,
    /// <c>n</c> the suggestion's number.
    /// </summary>
    private static string Value(ActionOffer? offer, int? number) => new JsonObject
    {
        ["p"] = offer?.ProjectId?.ToString("N"),
        ["v"] = offer?.Version,
        ["a"] = offer?.ApprovalId,
        ["n"] = number,
    }.ToJsonString();

    public static ActionOffer? ReadOffer(JsonObject? value, out int? number)
    {
        number = value?["n"]?.GetValue<int?>();
        return value is null ? null : new ActionOffer(
            Guid.TryParse(value["p"]?.GetValue<string>(), out var project) ? project : null, value["v"]?.GetValue<long?>(), value["a"]?.GetValue<string>());
    }

    private static JsonObject Button(string actionId, string label, string? value, string? url = null, string? style = null)
    {
        var button = new JsonObject { ["type"] = "button", ["action_id"] = actionId, ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label } };
        if (value is not null)
        {
            button["value"] = value;
        }

        if (url is not null)
        {
            button["url"] = url;
        }

        if (style is not null)
        {
            button["style"] = style;
        }

        return button;
    }

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Text(mrkdwn) };

    private static JsonObject Text(string mrkdwn) =>
        new() { ["type"] = "mrkdwn", ["text"] = mrkdwn.Length > MaxSectionText ? mrkdwn[..(MaxSectionText - 1)] + "…" : mrkdwn };

    /// <summary>Slack's mrkdwn from the reply's Markdown: escaped, with <c>**bold**</c> as <c>*bold*</c>.</summary>
    public static string Mrkdwn(string markdown) => Bold().Replace(Escape(markdown), "*$1*");

    /// <summary>Slack reads <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> as control characters (links, mentions): text from people is escaped.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();
}
