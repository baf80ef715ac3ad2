using Microsoft.SemanticKernel;
using Navo.Agent.Tools;
using Navo.Tools.Sites;

namespace Navo.Agent;

/// <summary>Prompts are files under <c>prompts/</c>, copied beside the assembly and read once.</summary>
public static class Prompts
{
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "prompts", relativePath));
}

/// <summary>
/// Who Navo is and how it acts (<c>prompts/system.md</c>), a Semantic Kernel prompt template rendered each turn with
/// the turn's context: the channel, the caller's role, the site and the section selected in the studio.
/// </summary>
public static class SystemPrompt
{
    private static readonly Lazy<IPromptTemplate> Template = new(() => new KernelPromptTemplateFactory().Create(new PromptTemplateConfig(Prompts.Read("system.md"))
    {
        // The rendered text is one system message's content, never parsed as chat markup, so values need no HTML
        // encoding (which would show a site called "Fish & Chips" to the model as "Fish &amp; Chips").
        AllowDangerouslySetContent = true,
    }));

    private static readonly Kernel Empty = new();

    public static async Task<string> RenderAsync(TurnScope scope, Site? site, CancellationToken cancellationToken = default)
    {
        var selected = site?.Pages.SelectMany(p => p.Sections).FirstOrDefault(s => s.Id == scope.SelectedSectionId);
        var arguments = new KernelArguments
        {
            ["channel"] = scope.Channel,
            ["role"] = scope.Tenant.Roles.FirstOrDefault() ?? "viewer",
            ["site"] = site is null ? "none yet" : $"\"{site.Name}\", pages: {string.Join(", ", site.Pages.Select(p => p.Title))}",
            ["selected"] = selected is null ? "none" : $"the {selected.Type} section",
        };
        return await Template.Value.RenderAsync(Empty, arguments, cancellationToken);
    }
}
