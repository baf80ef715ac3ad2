using System.Text.Json.Nodes;
using Navo.Agent.Conversations;
using Navo.Tools.Projects;
using Navo.Tools.Publish;

namespace Navo.Agent.Tools;

/// <summary>The tools that read: history, the site list, opening a site, leads, help.</summary>
public sealed partial class NavoTools
{
    private static async Task<ToolResult> LeadsAsync(TurnScope scope, CancellationToken cancellationToken)
    {
        if (scope.ProjectId is not { } projectId)
        {
            return ToolResult.Error("There is no site in this conversation yet.");
        }

        var leads = await Leads.ListAsync(scope.Session, projectId, cancellationToken);
        if (leads.Count == 0)
        {
            return ToolResult.Ok("No messages from the site yet.", projectId);
        }

        var newest = leads.Take(5).Select(l => $"- {l.Name} <{l.Email}>: {(l.Message.Length > 80 ? l.Message[..80] + "…" : l.Message)}");
        return ToolResult.Ok($"{leads.Count} message{(leads.Count == 1 ? string.Empty : "s")} from the site. The newest:\n{string.Join("\n", newest)}", projectId);
    }

    private static async Task<ToolResult> HistoryAsync(TurnScope scope, long? from, long? to, int? limit, CancellationToken cancellationToken)
    {
        if (scope.ProjectId is not { } projectId || await ProjectService.HistoryAsync(scope.Session, projectId, cancellationToken) is not { } history)
        {
            return ToolResult.Error("There is no site in this conversation yet.");
        }

        var shown = history.Where(h => (from is null || h.Version >= from) && (to is null || h.Version <= to)).Take(Math.Clamp(limit ?? 10, 1, 50)).ToList();
        var lines = string.Join("\n", shown.Select(h => $"- v{h.Version}: {h.Summary}"));
        return ToolResult.Ok($"Recent versions:\n{lines}", projectId, history[0].Version,
            card: new ReplyCard("history", new JsonObject { ["versions"] = new JsonArray([.. shown.Select(h => (JsonNode)new JsonObject { ["version"] = h.Version, ["summary"] = h.Summary })]) }));
    }

    private static async Task<ToolResult> ListAsync(TurnScope scope, CancellationToken cancellationToken)
    {
        var list = await ProjectService.ListAsync(scope.Session, cancellationToken);
        return list.Count == 0
            ? ToolResult.Ok("You have no sites yet. Tell me about your business and I'll draft one.")
            : ToolResult.Ok("Your sites:\n" + string.Join("\n", list.Select(p => $"- {p.Name} (version {p.Version})")));
    }

    private static async Task<ToolResult> OpenAsync(TurnScope scope, string name, CancellationToken cancellationToken)
    {
        var list = await ProjectService.ListAsync(scope.Session, cancellationToken);
        var match = list.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? list.FirstOrDefault(p => p.Name.Contains(name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            return ToolResult.Error($"I can't find a site called \"{name}\". Say \"list my sites\" to see them.");
        }

        scope.ProjectId = match.Id;
        return ToolResult.Ok($"Now working on {match.Name}.", match.Id, match.Version);
    }

    private static ToolResult Help() => ToolResult.Ok(
        "I can draft a site from a description of your business, then change it as you ask: text (\"change the headline to 'Fresh bread daily'\"), "
        + "sections (\"add an FAQ\", \"move the pricing to the top\"), your name, opening hours and prices (\"we're open Mon-Fri 8-4\"), "
        + "the look (\"make it dark\", \"make it blue\"), pages, and search settings. Once it is live, ask how it is doing (\"how did my site do this week?\"). "
        + "Say \"undo\" to take a change back or \"show history\" to see every version.");

    private static ReplyCard Preview(ProjectState project) => new("preview", new JsonObject
    {
        ["projectId"] = project.Id.ToString(),
        ["version"] = project.Version,
        ["url"] = $"/preview/{project.Id}/v/{project.Version}/",
    });
}
