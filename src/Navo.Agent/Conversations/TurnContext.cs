using Navo.Agent.Local;
using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Agent.Conversations;

/// <summary>What the language layer is told about a turn: the site's sections and items, pages and name, and the conversation so far.</summary>
public static class TurnContext
{
    /// <summary>
    /// The context for a turn on <paramref name="project"/>; <paramref name="chosen"/> says whether the channel or the
    /// conversation chose it (else it is only the workspace's newest).
    /// </summary>
    public static PlanContext For(ProjectState? project, string? selectedSectionId, ConversationState state, bool chosen = true)
    {
        if (project?.Site is not { } site)
        {
            return PlanContext.Empty with { ApprovalPending = state.Pending is not null };
        }

        var sections = site.Pages.SelectMany(p => p.Sections)
            .Select(s => new SectionInfo(s.Id, s.Type, [.. s.Items.Select(i => ItemLabel(s.Type, i))]))
            .ToList();
        return new PlanContext(sections, [.. site.Pages.Select(p => p.Title)], site.Name,
            SelectedSectionId: sections.Any(s => s.Id == selectedSectionId) ? selectedSectionId : null,
            LastEditedSectionId: state.LastEditedSectionId,
            SuggestionCount: state.ShownSuggestions.Count,
            ApprovalPending: state.Pending is not null,
            LastOperationsJson: state.LastOperationsJson,
            SiteChosen: chosen);
    }

    /// <summary>What a person calls an item: a plan's name, an FAQ's question, a feature's title.</summary>
    private static string ItemLabel(string type, SectionItem item) => type switch
    {
        "faq" => item.Field("question"),
        "testimonials" => item.Field("author"),
        "gallery" => item.Field("caption"),
        "pricing" or "team" => item.Field("name"),
        "hours" => item.Field("days"),
        _ => item.Field("title"),
    };
}
