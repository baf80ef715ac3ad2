using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;
using Navo.Agent.Conversations;
using Navo.Tools.Edit;
using Navo.Tools.Generate;
using Navo.Tools.Projects;
using Navo.Tools.Publish;

namespace Navo.Agent.Tools;

/// <summary>
/// The tools the agent offers, as <see cref="AIFunction"/>s with the names and JSON arguments of design.md
/// section 6, bound to one turn. An expected failure comes back as a plain sentence, never an exception.
/// </summary>
public sealed class NavoTools(ProjectService projects, PublishService publisher)
{
    /// <summary>How tool arguments are read: the edit operations' <c>op</c> may come anywhere; required arguments must be there.</summary>
    public static JsonSerializerOptions ArgumentOptions { get; } = new(EditOperationJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private const string ReadOnlyRefusal = "You can look at this site but not change it: ask an owner of the workspace to make you an editor.";

    public IReadOnlyList<AIFunction> For(TurnScope scope) =>
    [
        AIFunctionFactory.Create(
            ([Description("What the business is and does, in the user's words")] string description,
             [Description("The business name, if the user gave it")] string? businessName = null,
             [Description("The industry, if the user named it")] string? industry = null,
             [Description("The tone the user asked for")] string? tone = null,
             CancellationToken cancellationToken = default) => GenerateAsync(scope, description, businessName, industry, tone, cancellationToken),
            "generate_site", Describe("generate_site"), ArgumentOptions),
        AIFunctionFactory.Create(
            ([Description("The edits, applied atomically, one version each")] EditOperation[] operations, CancellationToken cancellationToken = default) =>
                EditAsync(scope, operations, cancellationToken),
            "edit_site", Describe("edit_site"), ArgumentOptions),
        AIFunctionFactory.Create(
            (long? from = null, long? to = null, int? limit = null, CancellationToken cancellationToken = default) =>
                HistoryAsync(scope, from, to, limit, cancellationToken),
            "show_history", Describe("show_history"), ArgumentOptions),
        AIFunctionFactory.Create((CancellationToken cancellationToken = default) => ListAsync(scope, cancellationToken),
            "list_projects", Describe("list_projects"), ArgumentOptions),
        AIFunctionFactory.Create(([Description("The site's name")] string name, CancellationToken cancellationToken = default) =>
                OpenAsync(scope, name, cancellationToken),
            "open_project", Describe("open_project"), ArgumentOptions),
        AIFunctionFactory.Create(
            ([Description("publish, rollback or unpublish")] string action,
             [Description("For rollback: the published version to go back to (default: the one before)")] long? version = null,
             CancellationToken cancellationToken = default) => PublishAsync(scope, action, version, cancellationToken),
            "publish_site", Describe("publish_site"), ArgumentOptions),
        AIFunctionFactory.Create((CancellationToken cancellationToken = default) => LeadsAsync(scope, cancellationToken),
            "show_leads", Describe("show_leads"), ArgumentOptions),
        AIFunctionFactory.Create(() => Help(), "help", Describe("help"), ArgumentOptions),
    ];

    /// <summary>
    /// Every tool's description and JSON Schema of its arguments, generated from the C# signatures (kept in
    /// docs/tools.json). The functions are made without a turn: describing them never invokes them.
    /// </summary>
    public static string SchemasJson()
    {
        var schemas = new JsonObject();
        foreach (var tool in new NavoTools(null!, null!).For(new TurnScope(null!, Guid.Empty, string.Empty, string.Empty, null, null)))
        {
            schemas[tool.Name] = new JsonObject { ["description"] = tool.Description, ["parameters"] = JsonNode.Parse(tool.JsonSchema.GetRawText()) };
        }

        return schemas.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <summary>A tool's description, from <c>prompts/tools/{name}.md</c> (prompts are files, not C# strings).</summary>
    private static string Describe(string tool) => Descriptions.GetOrAdd(tool, name => Prompts.Read(Path.Combine("tools", name + ".md")).Trim());

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Descriptions = new(StringComparer.Ordinal);

    /// <summary>Edits that cannot be taken back by a plain undo of the page's content need the user's yes first.</summary>
    public static bool NeedsApproval(string name, IDictionary<string, object?>? arguments) =>
        name == "publish_site"
        || (name == "edit_site" && arguments?.TryGetValue("operations", out var operations) == true
            && JsonSerializer.SerializeToNode(operations) is JsonArray list
            && list.Any(o => o?["op"]?.GetValue<string>() == "remove_page"));

    private async Task<ToolResult> GenerateAsync(TurnScope scope, string description, string? businessName, string? industry, string? tone, CancellationToken cancellationToken)
    {
        if (!scope.CanEdit)
        {
            return ToolResult.Refused(ReadOnlyRefusal);
        }

        if (string.IsNullOrWhiteSpace(description) || description.Length > 4000)
        {
            return ToolResult.Error("Tell me about the business in a sentence or two (at most 4,000 characters).");
        }

        var (project, draft) = await projects.GenerateAsync(scope.Session, new GenerationRequest(description, businessName, industry, tone), scope.By, scope.Progress, cancellationToken);
        scope.ProjectId = project.Id;
        var brief = draft.Brief;
        var about = brief.Place is null ? brief.BusinessName : $"{brief.BusinessName} in {brief.Place}";
        return ToolResult.Ok($"Here's a first draft for {about}. Tell me what to change, or say \"publish it\" when you're happy.",
            project.Id, project.Version, card: Preview(project));
    }

    private async Task<ToolResult> EditAsync(TurnScope scope, EditOperation[] operations, CancellationToken cancellationToken)
    {
        if (!scope.CanEdit)
        {
            return ToolResult.Refused(ReadOnlyRefusal);
        }

        if (scope.ProjectId is not { } projectId)
        {
            return ToolResult.Error("There is no site in this conversation yet: describe your business and I'll draft one.");
        }

        var change = await projects.EditAsync(scope.Session, projectId, null, operations, scope.By, cancellationToken);
        return change.Outcome switch
        {
            ProjectOutcome.Ok => ToolResult.Ok(EditReplies.Describe(operations, change.Project!), projectId, change.Project!.Version,
                EditReplies.EditedSection(operations, change.Project!), Preview(change.Project!)),
            ProjectOutcome.NotFound => ToolResult.Error("I can't find that site any more."),
            _ => ToolResult.Error(change.Error ?? "That change could not be made."),
        };
    }

    private async Task<ToolResult> PublishAsync(TurnScope scope, string action, long? version, CancellationToken cancellationToken)
    {
        if (!scope.CanEdit)
        {
            return ToolResult.Refused(ReadOnlyRefusal);
        }

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
        + "sections (\"add an FAQ\", \"move the pricing to the top\"), the look (\"make it dark\", \"make it blue\"), pages, and search settings. "
        + "Say \"undo\" to take a change back or \"show history\" to see every version.");

    private static ReplyCard Preview(ProjectState project) => new("preview", new JsonObject
    {
        ["projectId"] = project.Id.ToString(),
        ["version"] = project.Version,
        ["url"] = $"/preview/{project.Id}/v/{project.Version}/",
    });
}
