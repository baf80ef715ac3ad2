using Navo.Tools.Edit;
using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Agent.Tools;

/// <summary>Natural replies for finished edits: "Done — the headline now reads 'Fresh bread daily'."</summary>
public static class EditReplies
{
    public static string Describe(IReadOnlyList<EditOperation> operations, ProjectState project)
    {
        var parts = operations.Select(o => o switch
        {
            SetText { Field: "headline" } t => $"the headline now reads '{t.Value}'",
            SetText t => $"the {SectionCatalog.Describe(t.Field)} now reads '{t.Value}'",
            Rewrite r => $"I made the {SiteReferences.Describe(r.Section).Replace("the ", string.Empty, StringComparison.Ordinal)} {Style(r.Style)}",
            AddSection a => $"I added {SectionCatalog.Find(a.Type)?.WithArticle ?? a.Type}",
            RemoveSection r => $"I removed {SiteReferences.Describe(r.Section)}",
            MoveSection m => $"I moved {SiteReferences.Describe(m.Section)}",
            SetTheme { Mode: { } mode } => $"the site is now {mode}",
            SetTheme { PrimaryColor: { } color } => $"the main colour is now {color}",
            SetTheme { Font: { } font } => $"the text now uses a {font} font",
            SetTheme => "the corners are updated",
            AddPage p => $"I added the page \"{p.Title}\"",
            RemovePage p => $"I removed the page \"{p.Page}\"",
            RenamePage p => $"the page is now called \"{p.Title}\"",
            SetSeo => "the search title and description are updated",
            Undo { Steps: 1 } => "I undid the last change",
            Undo u => $"I undid the last {u.Steps} changes",
            Revert r => $"the site is back to version {r.Version}",
            _ => "the site is updated",
        }).ToList();
        var sentence = string.Join(", and ", parts);
        return $"Done — {sentence}. This is version {project.Version}.";
    }

    /// <summary>The section the last text change touched, so "make it shorter" next means that one.</summary>
    public static string? EditedSection(IReadOnlyList<EditOperation> operations, ProjectState project)
    {
        var reference = operations.LastOrDefault(o => o is SetText or Rewrite) switch
        {
            SetText t => t.Section,
            Rewrite r => r.Section,
            _ => null,
        };
        return reference is not null && project.Site is { } site && SiteReferences.FindSection(site, reference) is var (_, section) ? section.Id : null;
    }

    private static string Style(string style) => style switch { "formal" => "more formal", "casual" => "more casual", _ => style };
}
