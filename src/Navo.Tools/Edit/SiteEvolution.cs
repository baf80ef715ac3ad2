using Navo.Tools.Sites;

namespace Navo.Tools.Edit;

/// <summary>How each edit event changes a site document: pure, and the only place that does.</summary>
public static class SiteEvolution
{
    public static Site Evolve(Site site, object @event) => @event switch
    {
        // Editing a sample field or item makes it the owner's: the flag goes (design.md section 4).
        SectionTextChanged changed => UpdatePage(site, changed.PageId, page => page.WithSection(SetText(
            page.Sections.First(s => s.Id == changed.SectionId), changed.Field, changed.Item, changed.Value, owned: true))),
        SectionAdded added => UpdatePage(site, added.PageId, page => page with
        {
            Sections = [.. page.Sections.Take(added.Index), added.Section, .. page.Sections.Skip(added.Index)],
        }),
        SectionRemoved removed => UpdatePage(site, removed.PageId, page => page with
        {
            Sections = [.. page.Sections.Where(s => s.Id != removed.SectionId)],
        }),
        SectionMoved moved => UpdatePage(site, moved.PageId, page =>
        {
            var section = page.Sections.First(s => s.Id == moved.SectionId);
            var rest = page.Sections.Where(s => s.Id != moved.SectionId).ToList();
            rest.Insert(Math.Clamp(moved.ToIndex, 0, rest.Count), section);
            return page with { Sections = rest };
        }),
        ThemeChanged theme => site with { Theme = theme.Theme },
        PageAdded added => site with { Pages = [.. site.Pages, added.Page] },
        PageRemoved removed => site with { Pages = [.. site.Pages.Where(p => p.Id != removed.PageId)] },
        PageRenamed renamed => UpdatePage(site, renamed.PageId, page => page with { Title = renamed.Title, Path = renamed.Path }),
        SeoChanged seo => site with { Seo = seo.Seo },
        SiteRenamed renamed => renamed.Texts.Aggregate(
            site with { Name = renamed.Name, Slug = renamed.Slug, Seo = renamed.Seo },
            (current, text) => UpdatePage(current, text.PageId, page => text.SectionId is null
                ? page with { Title = text.Value }
                : page.WithSection(SetText(page.Sections.First(s => s.Id == text.SectionId), text.Field, text.Item, text.Value, owned: false)))),
        HoursChanged hours => UpdatePage(site, hours.PageId, page =>
        {
            var section = page.Sections.First(s => s.Id == hours.SectionId);
            return page.WithSection(section with
            {
                Fields = new Dictionary<string, string>(section.Fields, StringComparer.Ordinal) { ["note"] = hours.Note },
                Items = hours.Items,
            });
        }),
        ImageAdded added => SetImage(site, added.PageId, added.SectionId, added.Item, added.Image),
        ImageRemoved removed => SetImage(site, removed.PageId, removed.SectionId, removed.Item, null),
        _ => site,
    };

    /// <summary>
    /// The image at one spot: the logo (no section), a section's own, or an item's. A gallery item past the last is a
    /// new item; a gallery item that loses its photo goes, since a gallery item is its photo.
    /// </summary>
    private static Site SetImage(Site site, string? pageId, string? sectionId, int? item, ImageRef? image)
    {
        if (sectionId is null)
        {
            return site with { Logo = image };
        }

        return UpdatePage(site, pageId!, page =>
        {
            var section = page.Sections.First(s => s.Id == sectionId);
            if (item is not { } index)
            {
                return page.WithSection(section with { Image = image });
            }

            var items = section.Items.ToList();
            if (index == items.Count)
            {
                items.Add(new SectionItem(new Dictionary<string, string>(StringComparer.Ordinal) { ["caption"] = string.Empty }, [], Image: image));
            }
            else if (image is null && section.Type == "gallery")
            {
                items.RemoveAt(index);
            }
            else
            {
                items[index] = items[index] with { Image = image, Sample = items[index].Sample && image is null };
            }

            return page.WithSection(section with { Items = items });
        });
    }

    private static Site UpdatePage(Site site, string pageId, Func<Page, Page> change) =>
        site with { Pages = [.. site.Pages.Select(p => p.Id == pageId ? change(p) : p)] };

    /// <summary>A field set; <paramref name="owned"/> when the owner wrote it (a rename only follows the name through).</summary>
    private static Section SetText(Section section, string field, int? item, string value, bool owned)
    {
        if (item is not { } index)
        {
            return section with
            {
                Fields = new Dictionary<string, string>(section.Fields, StringComparer.Ordinal) { [field] = value },
                Sample = section.Sample && !owned,
            };
        }

        var items = section.Items.ToList();
        var target = items[index];
        items[index] = (field == "features"
            ? target with { Features = [.. value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] }
            : target with { Fields = new Dictionary<string, string>(target.Fields, StringComparer.Ordinal) { [field] = value } }) with { Sample = target.Sample && !owned };
        return section with { Items = items };
    }
}
