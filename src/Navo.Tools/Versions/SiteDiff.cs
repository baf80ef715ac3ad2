using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Navo.Tools.Sites;

namespace Navo.Tools.Versions;

/// <summary>A difference between two versions: structural lines and a rendered-text diff.</summary>
public sealed record VersionDiff(long From, long To, IReadOnlyList<string> Changes, IReadOnlyList<TextDiffLine> Text);

/// <summary>One line of the rendered-text diff: <c>added</c>, <c>removed</c> or <c>unchanged</c>.</summary>
public sealed record TextDiffLine(string Kind, string Text);

/// <summary>
/// Compares two site documents and says what changed the way the owner would: "The main colour changed from brown to
/// orange", "Added a price list after Services", "The headline now reads …" — never the document's field names.
/// </summary>
public static class SiteDiff
{
    /// <summary>Quoted text longer than this is cut with an ellipsis: a change is a line, not the whole paragraph.</summary>
    private const int Quote = 120;

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
            changes.Add($"The business name changed from {Quoted(from.Name)} to {Quoted(to.Name)}");
        }

        CompareTheme(changes, from.Theme, to.Theme);
        ComparePhoto(changes, from.Logo, to.Logo, "the logo");
        if (from.Seo.Title != to.Seo.Title)
        {
            changes.Add($"The title in search results now reads {Quoted(to.Seo.Title)}");
        }

        if (from.Seo.Description != to.Seo.Description)
        {
            changes.Add($"The description in search results now reads {Quoted(to.Seo.Description)}");
        }

        changes.AddRange(to.Pages.Where(p => from.FindPage(p.Id) is null).Select(p => $"Added the page {Quoted(p.Title)}"));
        changes.AddRange(from.Pages.Where(p => to.FindPage(p.Id) is null).Select(p => $"Removed the page {Quoted(p.Title)}"));
        foreach (var page in to.Pages)
        {
            if (from.FindPage(page.Id) is { } before)
            {
                ComparePage(changes, before, page);
            }
        }

        return new VersionDiff(fromVersion, toVersion, changes, TextDiff(from, to));
    }

    private static void CompareTheme(List<string> changes, Theme from, Theme to)
    {
        if (!string.Equals(from.PrimaryColor, to.PrimaryColor, StringComparison.OrdinalIgnoreCase))
        {
            var (before, after) = (ColourNames.Of(from.PrimaryColor), ColourNames.Of(to.PrimaryColor));
            changes.Add(before == after ? $"The main colour is now a different {after}" : $"The main colour changed from {before} to {after}");
        }

        if (from.Mode != to.Mode)
        {
            changes.Add(to.Mode == ThemeMode.Dark ? "The site now has a dark background" : "The site now has a light background");
        }

        if (from.Font != to.Font)
        {
            changes.Add($"The lettering changed from {Lettering(from.Font)} to {Lettering(to.Font)}");
        }

        if (from.Radius != to.Radius)
        {
            changes.Add(to.Radius switch
            {
                ThemeRadius.None => "Corners are now square",
                ThemeRadius.Small => "Corners are now slightly rounded",
                _ => "Corners are now rounded",
            });
        }
    }

    private static void ComparePage(List<string> changes, Page before, Page after)
    {
        if (before.Title != after.Title)
        {
            changes.Add($"Renamed the page {Quoted(before.Title)} to {Quoted(after.Title)}");
        }
        else if (before.Path != after.Path)
        {
            changes.Add($"The page {Quoted(after.Title)} moved to {after.Path}");
        }

        var beforeIds = before.Sections.Select(s => s.Id).ToList();
        var afterIds = after.Sections.Select(s => s.Id).ToList();
        foreach (var section in after.Sections.Where(s => !beforeIds.Contains(s.Id)))
        {
            changes.Add($"Added {OwnerWords.NewSection(section.Type)} {Where(after, section)}");
        }

        foreach (var section in before.Sections.Where(s => !afterIds.Contains(s.Id)))
        {
            changes.Add($"Removed {Called(section)}");
        }

        var keptBefore = beforeIds.Where(afterIds.Contains).ToList();
        var keptAfter = afterIds.Where(beforeIds.Contains).ToList();
        for (var i = 0; i < keptAfter.Count; i++)
        {
            if (keptBefore[i] != keptAfter[i])
            {
                // The one moved furthest is the one the owner moved; the others only made room.
                var moved = keptAfter.MaxBy(id => Math.Abs(keptBefore.IndexOf(id) - keptAfter.IndexOf(id)))!;
                var section = after.Sections.First(s => s.Id == moved);
                changes.Add($"Moved {Called(section)} {Where(after, section)}");
                break;
            }
        }

        foreach (var section in after.Sections)
        {
            if (before.Sections.FirstOrDefault(s => s.Id == section.Id) is { } old)
            {
                CompareSection(changes, old, section);
            }
        }
    }

    /// <summary>"Added a photo to the main banner: “Our shop front”", "Changed the photo of About", "Removed the logo".</summary>
    private static void ComparePhoto(List<string> changes, ImageRef? before, ImageRef? after, string where)
    {
        if (before == after)
        {
            return;
        }

        changes.Add((before, after) switch
        {
            (null, { } added) => where == "the logo" ? $"Added the logo{Described(added)}" : $"Added a photo to {where}{Described(added)}",
            ({ }, null) => where == "the logo" ? "Removed the logo" : $"Removed the photo of {where}",
            ({ } old, { } now) when old.Asset == now.Asset => $"The photo of {where} is now described as {Quoted(now.Alt)}",
            (_, { } now) => where == "the logo" ? $"Changed the logo{Described(now)}" : $"Changed the photo of {where}{Described(now)}",
            _ => "Changed a photo",
        });

        static string Described(ImageRef image) => image.Alt.Length > 0 ? $": {Quoted(image.Alt)}" : string.Empty;
    }

    private static void CompareSection(List<string> changes, Section old, Section section)
    {
        ComparePhoto(changes, old.Image, section.Image, Called(section));
        foreach (var field in section.Fields.Keys.Union(old.Fields.Keys).Order(StringComparer.Ordinal))
        {
            if (old.Field(field) != section.Field(field))
            {
                var what = FieldName(section, field);
                changes.Add(section.Field(field).Length == 0
                    ? $"{Capital(what)} was removed"
                    : $"{Capital(what)} now reads {Quoted(section.Field(field))}");
            }
        }

        for (var i = 0; i < Math.Max(old.Items.Count, section.Items.Count); i++)
        {
            if (i < old.Items.Count && i < section.Items.Count)
            {
                ComparePhoto(changes, old.Items[i].Image, section.Items[i].Image, $"item {i + 1} of {Called(section)}");
            }

            var a = i < old.Items.Count ? ItemText(section.Type, old.Items[i]) : null;
            var b = i < section.Items.Count ? ItemText(section.Type, section.Items[i]) : null;
            if (a == b)
            {
                continue;
            }

            changes.Add((a, b) switch
            {
                (null, _) => $"Added {Quoted(b!)} to {Called(section)}",
                (_, null) => $"Removed {Quoted(a)} from {Called(section)}",
                _ => $"In {Called(section)}, {Quoted(a)} now reads {Quoted(b)}",
            });
        }
    }

    /// <summary>"after Services", "at the top": where a section now stands, by the one before it.</summary>
    private static string Where(Page page, Section section)
    {
        var index = page.Sections.ToList().FindIndex(s => s.Id == section.Id);
        return index == 0 ? "at the top" : $"after {Called(page.Sections[index - 1])}";
    }

    /// <summary>A section as the owner sees it: by its own title ("Services", "What people say") or what it is.</summary>
    private static string Called(Section section) =>
        section.Field("title") is { Length: > 0 } title ? title : OwnerWords.Section(section.Type);

    private static string FieldName(Section section, string field) => OwnerWords.Field(section.Type, field, Called(section));

    private static string Lettering(ThemeFont font) => font switch
    {
        ThemeFont.Serif => "classic serif",
        ThemeFont.Mono => "typewriter style",
        ThemeFont.Rounded => "rounded",
        _ => "clean sans-serif",
    };

    /// <summary>An item's words in the order a visitor reads them: "Haircuts — A sharp cut", "Mon-Fri — 09:00 — 17:00".</summary>
    private static string ItemText(string type, SectionItem item) =>
        string.Join(" — ", (SectionCatalog.Find(type)?.ItemFields ?? [.. item.Fields.Keys.Order(StringComparer.Ordinal)])
            .Where(f => f is not ("alt" or "ctaText")).Select(item.Field).Where(v => v.Length > 0).Concat(item.Features));

    private static string Quoted(string text) => $"\u201c{(text.Length > Quote ? text[..Quote].TrimEnd() + "…" : text)}\u201d";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

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
            lines.Add($"Page: {page.Title}");
            foreach (var section in page.Sections)
            {
                var spec = SectionCatalog.Find(section.Type);
                // Links ("#contact") are where a button goes, not words a visitor reads.
                lines.AddRange((spec?.Fields ?? []).Where(f => !SectionCatalog.IsLink(f)).Select(section.Field).Where(v => v.Length > 0));
                if (section.Image is { Alt.Length: > 0 } photo)
                {
                    lines.Add($"Photo: {photo.Alt}");
                }

                lines.AddRange(section.Items.Select(item => string.Join(" — ", (spec?.ItemFields ?? []).Select(item.Field).Where(v => v.Length > 0).Concat(item.Features))));
            }
        }

        return string.Join('\n', lines);
    }
}
