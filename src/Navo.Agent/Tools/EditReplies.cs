using Navo.Tools.Edit;
using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Agent.Tools;

/// <summary>Natural replies for finished edits: "Done — the headline now reads 'Fresh bread daily'."</summary>
public static class EditReplies
{
    /// <summary>One sentence for all the operations of an accepted request, ending with the version it made.</summary>
    public static string Describe(IReadOnlyList<EditOperation> operations, ProjectState project)
    {
        var parts = operations.Select(o => o switch
        {
            SetText { Field: "headline" } t => $"the headline now reads '{t.Value}'",
            SetText { Item: { } item } t when ItemLabel(project, t.Section, item, t.Field) is { } label =>
                $"the {SectionCatalog.Describe(t.Field)} of \"{label}\" now reads '{t.Value}'",
            SetText t => $"the {SectionCatalog.Describe(t.Field)} now reads '{t.Value}'",
            Rewrite r => $"I made the {SiteReferences.Describe(r.Section).Replace("the ", string.Empty, StringComparison.Ordinal)} {Style(r.Style)}",
            AddSection { Type: "pricing", Items: { Count: > 0 } items } => $"I added a price list: {string.Join(", ", items.Select(PriceLine))}",
            AddSection { Items: { Count: > 0 } items } a => $"I added {SectionCatalog.Find(a.Type)?.WithArticle ?? a.Type} with {Count(items.Count, "item")}",
            AddSection { Type: "about" or "text", Fields: { } fields } when fields.TryGetValue("title", out var title) && title.Trim().Length > 0
                => $"I added a section called \"{title.Trim()}\". Tell me what it should say",
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
            SetName n => $"the business is now called {n.Name.Trim()} everywhere",
            SetHours h => Hours(h),
            SetImage { Remove: true, Logo: true } => "I took the logo off",
            SetImage { Remove: true } i => $"I took the photo off {PhotoPlace(i.Section!)}",
            SetImage { Image: null, Logo: true } => "the logo's description is updated",
            SetImage { Image: null } i => $"the photo's description in {PhotoPlace(i.Section!)} is updated",
            SetImage { Logo: true, Alt: null or "" } => "your logo is in the header. Tell me what it shows, for visitors who cannot see it: the site cannot be published until you do",
            SetImage { Logo: true } => "your logo is in the header",
            SetImage { Alt: null or "" } i => $"the photo is in {PhotoPlace(i.Section!)}. Tell me what it shows, for visitors who cannot see it: the site cannot be published until you do",
            SetImage i => $"the photo is in {PhotoPlace(i.Section!)}",
            Undo { Steps: 1 } => "I undid the last change",
            Undo u => $"I undid the last {u.Steps} changes",
            Revert r => $"the site is back to version {r.Version}",
            _ => "the site is updated",
        }).ToList();
        var sentence = string.Join(", and ", parts);
        return $"Done — {sentence}. This is version {project.Version}.";
    }

    /// <summary>The section the last text change touched, so "make it shorter" next means that one.</summary>
    public static string? EditedSection(IReadOnlyList<EditOperation> operations, ProjectState project, ProjectState? before = null)
    {
        if (project.Site is not { } site)
        {
            return null;
        }

        // A section just added is "it" next: the one whose id is new.
        if (operations.LastOrDefault() is AddSection or SetHours && before?.Site is { } earlier)
        {
            var old = earlier.Pages.SelectMany(p => p.Sections).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var added = site.Pages.SelectMany(p => p.Sections).LastOrDefault(s => !old.Contains(s.Id));
            if (added is not null)
            {
                return added.Id;
            }
        }

        var reference = operations.LastOrDefault(o => o is SetText or Rewrite or MoveSection) switch
        {
            SetText t => t.Section,
            Rewrite r => r.Section,
            MoveSection m => m.Section,
            _ => null,
        };
        return reference is not null && SiteReferences.FindSection(site, reference) is var (_, section) ? section.Id : null;
    }

    /// <summary>"your opening hours are now Mon-Fri 08:00–16:00, Sun: Closed", or the note when that is all there is.</summary>
    private static string Hours(SetHours hours)
    {
        var rows = (hours.Hours ?? []).Select(r => OpeningHours.Describe(new SectionItem(
            new Dictionary<string, string> { ["days"] = r.Days.Trim(), ["opens"] = r.Opens?.Trim() ?? string.Empty, ["closes"] = r.Closes?.Trim() ?? string.Empty, ["text"] = r.Text?.Trim() ?? string.Empty },
            []))).ToList();
        var note = hours.Text?.Trim();
        return hours.Hours is null
            ? $"your opening hours have the note '{note}'"
            : rows.Count == 0
            ? $"your opening hours now say '{note}'"
            : $"your opening hours are now {string.Join(", ", rows)}{(string.IsNullOrEmpty(note) ? string.Empty : $" ({note})")}";
    }

    /// <summary>"Haircut £20", "Membership £30 per month".</summary>
    private static string PriceLine(SectionItem item)
    {
        var line = string.Join(' ', new[] { item.Field("name"), item.Field("price") }.Where(v => v.Trim().Length > 0).Select(v => v.Trim()));
        return item.Field("period").Trim() is { Length: > 0 } period ? $"{line} per {period}" : line;
    }

    /// <summary>What an item is called ("Large cake", "Do you deliver?"), unless that is the field that changed.</summary>
    private static string? ItemLabel(ProjectState project, string section, int item, string field)
    {
        if (project.Site is not { } site || SiteReferences.FindSection(site, section) is not var (_, found) || item < 0 || item >= found.Items.Count)
        {
            return null;
        }

        var labelField = new[] { "name", "question", "title", "days", "author" }.FirstOrDefault(f => found.Items[item].Field(f).Length > 0);
        return labelField is null || labelField == field ? null : found.Items[item].Field(labelField);
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Style(string style) => style switch { "formal" => "more formal", "casual" => "more casual", _ => style };

    /// <summary>"the main banner at the top" for the hero: the owner's words, not the document's.</summary>
    private static string PhotoPlace(string section) =>
        section is "hero" or "hero#1" ? "the main banner at the top" : SiteReferences.Describe(section);
}
