using System.Globalization;
using System.Text.Json.Nodes;
using Navo.Agent.Conversations;
using Navo.Tools.Projects;

namespace Navo.Agent.Tools;

/// <summary>The tools that answer suggestions: <c>apply_suggestion</c> and <c>dismiss_suggestion</c>.</summary>
public sealed partial class NavoTools
{
    private async Task<ToolResult> ApplySuggestionAsync(TurnScope scope, string reference, CancellationToken cancellationToken)
    {
        if (scope.ProjectId is not { } projectId)
        {
            return ToolResult.Error("There is no site in this conversation yet.");
        }

        var (id, number, error) = await ResolveSuggestionAsync(scope, projectId, reference, cancellationToken);
        if (id is not { } suggestionId)
        {
            return ToolResult.Error(error!);
        }

        var change = await projects.ApplySuggestionAsync(scope.Session, projectId, suggestionId, scope.By, cancellationToken);
        if (change is not { Outcome: SuggestionOutcome.Ok, Project: { } project, Suggestion: { } suggestion })
        {
            return ToolResult.Error(Refusal(change, number));
        }

        return ToolResult.Ok($"{Named(number)}: {suggestion.Title}. {EditReplies.Describe(suggestion.Operations, project)}", projectId, project.Version,
            EditReplies.EditedSection(suggestion.Operations, project, change.Before), Preview(project));
    }

    private static async Task<ToolResult> DismissSuggestionAsync(TurnScope scope, string reference, CancellationToken cancellationToken)
    {
        if (scope.ProjectId is not { } projectId)
        {
            return ToolResult.Error("There is no site in this conversation yet.");
        }

        var (id, number, error) = await ResolveSuggestionAsync(scope, projectId, reference, cancellationToken);
        if (id is not { } suggestionId)
        {
            return ToolResult.Error(error!);
        }

        var change = await ProjectService.DismissSuggestionAsync(scope.Session, projectId, suggestionId, scope.By, cancellationToken);
        return change is { Outcome: SuggestionOutcome.Ok, Suggestion: { } suggestion }
            ? ToolResult.Ok($"Okay, I won't suggest that again ({Named(number).ToLowerInvariant()}: {LowerFirst(suggestion.Title)}). The site is as it was.", projectId)
            : ToolResult.Error(Refusal(change, number));
    }

    /// <summary>
    /// The suggestion a reference means: its id, or its number in the last list this conversation showed (in the
    /// site's current ranking when none was shown yet).
    /// </summary>
    private static async Task<(Guid? Id, int? Number, string? Error)> ResolveSuggestionAsync(TurnScope scope, Guid projectId, string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim().TrimStart('#');
        if (Guid.TryParse(text, out var id))
        {
            return (id, null, null);
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return (null, null, "Say which suggestion by its number in the list, such as 1 or 2.");
        }

        var shown = scope.ShownSuggestions;
        if (shown.Count == 0 && await ProjectService.GetAsync(scope.Session, projectId, cancellationToken) is { } project)
        {
            shown = [.. (await ProjectService.RankedSuggestionsAsync(scope.Session, project, cancellationToken)).Select(r => r.Suggestion.Id)];
        }

        return shown.Count == 0 ? (null, number, "There are no suggestions for this site right now. Ask \"how can I improve it?\" for some.")
            : number < 1 || number > shown.Count ? (null, number, $"There is no suggestion {number}: the list has {shown.Count}.")
            : (shown[number - 1], number, null);
    }

    private static string Refusal(SuggestionChange change, int? number) => change.Outcome switch
    {
        SuggestionOutcome.AlreadyDecided => $"{Named(number)} was already {(change.Error?.Contains("applied", StringComparison.Ordinal) == true ? "applied" : "dismissed")}.",
        SuggestionOutcome.NotFound when change.Project is null => "I can't find that site any more.",
        SuggestionOutcome.NotFound => $"{Named(number)} is not one of this site's suggestions.",
        _ => change.Error ?? "That suggestion could not be applied.",
    };

    private static string Named(int? number) => number is { } n ? $"Suggestion {n}" : "That suggestion";

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    /// <summary>
    /// The open suggestions, numbered best first, as text (title, reason, expected effect) and as a <c>suggestions</c>
    /// card whose ids the conversation keeps, so that "apply the second one" means the second one shown here.
    /// </summary>
    internal static (string Text, ReplyCard? Card) SuggestionList(IReadOnlyList<RankedSuggestion> ranked)
    {
        if (ranked.Count == 0)
        {
            return ("I have no suggestions for the site right now.", null);
        }

        var lines = ranked.Select(r => $"{r.Number}. {r.Suggestion.Title}. {r.Suggestion.Reason} {r.Suggestion.Effect}");
        var text = (ranked.Count == 1 ? "One suggestion:" : "Suggestions, best first:") + "\n" + string.Join("\n", lines)
            + (ranked.Count == 1 ? "\n\nSay \"apply it\" or \"dismiss it\"." : "\n\nSay \"apply the first one\", \"do 1 and 3\" or \"dismiss 2\".");
        var card = new ReplyCard("suggestions", new JsonObject
        {
            ["items"] = new JsonArray([.. ranked.Select(r => (JsonNode)new JsonObject
            {
                ["number"] = r.Number,
                ["id"] = r.Suggestion.Id.ToString(),
                ["kind"] = r.Suggestion.Kind,
                ["title"] = r.Suggestion.Title,
                ["reason"] = r.Suggestion.Reason,
                ["effect"] = r.Suggestion.Effect,
            })]),
        });
        return (text, card);
    }
}
