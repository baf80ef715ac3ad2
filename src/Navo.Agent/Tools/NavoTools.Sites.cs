using System.Text.Json.Nodes;
using Navo.Agent.Conversations;
using Navo.Tools.Edit;
using Navo.Tools.Generate;
using Navo.Tools.Sites;
using Navo.Tools.Projects;
using Navo.Tools.Publish;

namespace Navo.Agent.Tools;

/// <summary>The tools that change sites: draft and redraft, edit, publish, delete.</summary>
public sealed partial class NavoTools
{
    /// <summary><c>generate_site</c>'s arguments.</summary>
    private sealed record GenerationArguments(string Description, string? BusinessName, string? Industry, string? Place, string? Tone, bool Redraft);

    private async Task<ToolResult> GenerateAsync(TurnScope scope, GenerationArguments args, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(args.Description) || args.Description.Length > 4000)
        {
            return ToolResult.Error("Tell me about the business in a sentence or two (at most 4,000 characters).");
        }

        if (Longest(args) is { } tooLong)
        {
            return ToolResult.Error(tooLong);
        }

        var request = new GenerationRequest(args.Description.Trim(), Clean(args.BusinessName), Clean(args.Industry), Clean(args.Tone), Place: Clean(args.Place));
        if (args.Redraft && scope.ProjectId is { } current)
        {
            var change = await projects.RedraftAsync(scope.Session, current, request, scope.By, scope.Progress, cancellationToken);
            if (change is { Outcome: ProjectOutcome.Ok, Project: { } redrafted })
            {
                return ToolResult.Ok($"I've drafted the site again for {About(redrafted.Brief!)}. Say \"undo\" to go back to the earlier draft.",
                    redrafted.Id, redrafted.Version, card: Preview(redrafted));
            }

            // The current project is gone (deleted meanwhile): a correction with nothing to correct is a new draft.
        }

        var (project, draft) = await projects.GenerateAsync(scope.Session, request, scope.By, scope.Progress, cancellationToken);
        scope.ProjectId = project.Id;
        return ToolResult.Ok(FirstDraftReply(draft.Brief, draft.Site), project.Id, project.Version, card: Preview(project));
    }

    /// <summary>
    /// What Navo says about a first draft: whom it is for, what is sample content, and, when the owner did not say
    /// the name, that "Your business name" is waiting for it.
    /// </summary>
    internal static string FirstDraftReply(Brief brief, Site site)
    {
        var reply = brief.NameGiven
            ? $"Here's a first draft for {About(brief)}."
            : $"Here's a first draft{(brief.Place is null ? string.Empty : $" for your {brief.KindLabel ?? "business"} in {brief.Place}")}. What's the business called? For now the site says \"{BriefReader.PlaceholderName}\".";
        var sample = SampleContent.LeftOut(site) is null ? string.Empty
            : " Reviews, figures and answers marked \"Sample\" are mine, not yours: replace them, or they stay off the live site.";
        return reply + sample + " Tell me what to change, or say \"publish it\" when you're happy.";
    }

    private static string About(Brief brief) => brief.Place is null ? brief.BusinessName : $"{brief.BusinessName} in {brief.Place}";

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Longest(GenerationArguments args) =>
        (args.BusinessName?.Length > 100 ? "A business name is at most 100 characters." : null)
        ?? (args.Industry?.Length > 50 || args.Place?.Length > 100 || args.Tone?.Length > 50 ? "Say the kind of business, the place and the tone in a few words each." : null);

    private async Task<ToolResult> EditAsync(TurnScope scope, EditOperation[] operations, CancellationToken cancellationToken)
    {
        if (scope.ProjectId is not { } projectId)
        {
            return ToolResult.Error("There is no site in this conversation yet: describe your business and I'll draft one.");
        }

        var change = await projects.EditAsync(scope.Session, projectId, null, operations, scope.By, cancellationToken);
        return change.Outcome switch
        {
            ProjectOutcome.Ok => ToolResult.Ok(EditReplies.Describe(operations, change.Project!), projectId, change.Project!.Version,
                EditReplies.EditedSection(operations, change.Project!, change.Before), Preview(change.Project!)),
            ProjectOutcome.NotFound => ToolResult.Error("I can't find that site any more."),
            _ => ToolResult.Error(change.Error ?? "That change could not be made."),
        };
    }

    private async Task<ToolResult> PublishAsync(TurnScope scope, PublishAction action, long? version, CancellationToken cancellationToken)
    {
        if (scope.ProjectId is not { } projectId)
        {
            return ToolResult.Error("There is no site in this conversation yet: describe your business and I'll draft one.");
        }

        var outcome = await publisher.RunAsync(scope.Session, projectId, action, version, scope.By, scope.Progress, cancellationToken);
        return outcome.Outcome == ProjectOutcome.Ok
            ? ToolResult.Ok(outcome.Message, projectId, outcome.Project!.Version,
                card: outcome.Project.Live is { } live ? new ReplyCard("live", new JsonObject { ["url"] = PublishService.SitePath(live.Slug), ["version"] = live.Version }) : null)
            : ToolResult.Error(outcome.Message);
    }

    /// <summary>
    /// Deletes the workspace's site with exactly that name (any case); with several, the current one. Owners only
    /// (<see cref="Functions.RoleFilter"/>).
    /// The conversation stops pointing at a project it deleted.
    /// </summary>
    private static async Task<ToolResult> DeleteAsync(TurnScope scope, string name, CancellationToken cancellationToken)
    {
        var wanted = name.Trim();
        if (wanted.Length == 0)
        {
            return ToolResult.Error("Say which site to delete.");
        }

        var list = await ProjectService.ListAsync(scope.Session, cancellationToken);
        var named = list.Where(p => string.Equals(p.Name.Trim(), wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        var match = named.Count == 1 ? named[0] : named.FirstOrDefault(p => p.Id == scope.ProjectId);
        if (match is null)
        {
            return ToolResult.Error(named.Count > 1
                ? $"There are {named.Count} sites called \"{wanted}\": open the one to delete first, then ask again."
                : list.FirstOrDefault(p => p.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase)) is { } near
                    ? $"I can't find a site called \"{wanted}\". Did you mean \"{near.Name}\"? Say its full name to delete it."
                    : $"I can't find a site called \"{wanted}\". Say \"list my sites\" to see them.");
        }

        var change = await ProjectService.DeleteAsync(scope.Session, match.Id, scope.By, cancellationToken);
        if (change.Outcome != ProjectOutcome.Ok)
        {
            return ToolResult.Error($"I can't find a site called \"{wanted}\" any more.");
        }

        if (scope.ProjectId == match.Id)
        {
            scope.Leave(match.Id);
        }

        var wasLive = change.Project!.Slug is not null;
        return ToolResult.Ok(wasLive
            ? $"I deleted \"{match.Name}\". Its address now tells visitors the site is gone, and another site can use it."
            : $"I deleted \"{match.Name}\".");
    }
}
