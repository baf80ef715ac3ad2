using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Navo.Tools.Sites;

namespace Navo.Tools.Versions;

/// <summary>A difference between two versions: structural lines and a rendered-text diff.</summary>
public sealed record VersionDiff(long From, long To, IReadOnlyList<string> Changes, IReadOnlyList<TextDiffLine> Text);

/// <summary>One line of the rendered-text diff: <c>added</c>, <c>removed</c> or <c>unchanged</c>.</summary>
public sealed record TextDiffLine(string Kind, string Text);

/// <summary>Compares two site documents.</summary>
public static class SiteDiff
{
    public static VersionDiff Compare(long fromVersion, Site? from, long toVersion, Site? to)
    {
        var changes = new List<string>();
        if (from is null || to is null)
        {
            changes.Add(from is null ? "The site was drafted" : "The site was removed");
            return new VersionDiff(fromVersion, toVersion, changes, TextDiff(from, to));
        }

        if (from.Name != to.Name)
        {
            changes.Add($"name: \"{from.Name}\" -> \"{to.Name}\"");
        }

        if (from.Theme != to.Theme)
        {
            changes.Add($"theme: {Describe(from.Theme)} -> {Describe(to.Theme)}");
        }

        if (from.Seo != to.Seo)
        {
            changes.Add($"seo.title: \"{from.Seo.Title}\" -> \"{to.Seo.Title}\"");
        }

        foreach (var page in to.Pages.Where(p => from.FindPage(p.Id) is null))
        {
            changes.Add($"page added: \"{page.Title}\" ({page.Path})");
        }

        foreach (var page in from.Pages.Where(p => to.FindPage(p.Id) is null))
        {
            changes.Add($"page removed: \"{page.Title}\" ({page.Path})");
        }

        foreach (var page in to.Pages)
        {
            if (from.FindPage(page.Id) is { } before)
            {
                ComparePage(changes, before, page);
            }
        }

        return new VersionDiff(fromVersion, toVersion, changes, TextDiff(from, to));
    }

    private static void ComparePage(List<string> changes, Page before, Page after)
    {
        if (before.Title != after.Title || before.Path != after.Path)
        {
            changes.Add($"page \"{before.Title}\" -> \"{after.Title}\" ({after.Path})");
        }

        var beforeIds = before.Sections.Select(s => s.Id).ToList();
        var afterIds = after.Sections.Select(s => s.Id).ToList();
        foreach (var section in after.Sections.Where(s => !beforeIds.Contains(s.Id)))
        {
            changes.Add($"section added: {section.Type} (position {afterIds.IndexOf(section.Id) + 1})");
        }

        foreach (var section in before.Sections.Where(s => !afterIds.Contains(s.Id)))
        {
            changes.Add($"section removed: {section.Type}");
        }

        var keptBefore = beforeIds.Where(afterIds.Contains).ToList();
        var keptAfter = afterIds.Where(beforeIds.Contains).ToList();
        for (var i = 0; i < keptAfter.Count; i++)
        {
            if (keptBefore[i] != keptAfter[i] && before.Sections.First(s => s.Id == keptAfter[i]) is var moved)
            {
                changes.Add($"section moved: {moved.Type} (position {beforeIds.IndexOf(moved.Id) + 1} -> {afterIds.IndexOf(moved.Id) + 1})");
                break;
            }
        }

        foreach (var section in after.Sections)
        {
            if (before.Sections.FirstOrDefault(s => s.Id == section.Id) is not { } old)
            {
                continue;
            }

            foreach (var field in section.Fields.Keys.Union(old.Fields.Keys).Order(StringComparer.Ordinal))
            {
                if (old.Field(field) != section.Field(field))
                {
                    changes.Add($"{section.Type}.{field}: \"{old.Field(field)}\" -> \"{section.Field(field)}\"");
                }
            }

            for (var i = 0; i < Math.Max(old.Items.Count, section.Items.Count); i++)
            {
                var a = i < old.Items.Count ? ItemText(old.Items[i]) : null;
                var b = i < section.Items.Count ? ItemText(section.Items[i]) : null;
                if (a != b)
                {
                    changes.Add($"{section.Type}.items[{i}]: \"{a ?? "(none)"}\" -> \"{b ?? "(none)"}\"");
                }
            }
        }
    }

    private static string ItemText(SectionItem item) =>
        string.Join(" | ", item.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value).Concat(item.Features));

    private static string Describe(Theme theme) => $"{theme.Mode.ToString().ToLowerInvariant()} {theme.PrimaryColor} {theme.Font.ToString().ToLowerInvariant()} {theme.Radius.ToString().ToLowerInvariant()}";

    private static List<TextDiffLine> TextDiff(Site? from, Site? to)
    {
        var model = new InlineDiffBuilder(new DiffPlex.Differ()).BuildDiffModel(SiteText.Of(from), SiteText.Of(to));
        return [.. model.Lines.Select(line => new TextDiffLine(
            line.Type switch { ChangeType.Inserted => "added", ChangeType.Deleted => "removed", _ => "unchanged" }, line.Text))];
    }
}

/// <summary>A site's visible text, a line per heading, paragraph or item: what a visitor reads.</summary>
public static class SiteText
{
    public static string Of(Site? site)
    {
        if (site is null)
        {
            return string.Empty;
        }

        var lines = new List<string>();
        foreach (var page in site.Pages)
        {
            lines.Add($"# {page.Title}");
            foreach (var section in page.Sections)
            {
                var spec = SectionCatalog.Find(section.Type);
                lines.AddRange((spec?.Fields ?? []).Select(section.Field).Where(v => v.Length > 0));
                lines.AddRange(section.Items.Select(item => string.Join(" — ", (spec?.ItemFields ?? []).Select(item.Field).Where(v => v.Length > 0).Concat(item.Features))));
            }
        }

        return string.Join('\n', lines);
    }
}
