using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Tools.Edit;

public static partial class EditDecider
{
    private static One DecideSetTheme(Site site, SetTheme op, Actor by)
    {
        var theme = site.Theme;
        if (op.Mode is not null)
        {
            if (!Enum.TryParse<ThemeMode>(op.Mode, ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
            {
                return "The mode is light or dark.";
            }

            theme = theme with { Mode = mode };
        }

        if (op.PrimaryColor is not null)
        {
            var color = op.PrimaryColor.Trim().ToLowerInvariant();
            if (!ColorMath.TryParse(color, out _))
            {
                return "The main colour must look like #1a2b3c.";
            }

            theme = theme with { PrimaryColor = color };
        }

        if (op.Font is not null)
        {
            if (!Enum.TryParse<ThemeFont>(op.Font, ignoreCase: true, out var font) || !Enum.IsDefined(font))
            {
                return "The font is sans, serif, mono or rounded.";
            }

            theme = theme with { Font = font };
        }

        if (op.Radius is not null)
        {
            if (!Enum.TryParse<ThemeRadius>(op.Radius, ignoreCase: true, out var radius) || !Enum.IsDefined(radius))
            {
                return "The corners are none, small or large.";
            }

            theme = theme with { Radius = radius };
        }

        if (op is { Mode: null, PrimaryColor: null, Font: null, Radius: null })
        {
            return "Say what to change in the look: the mode, the main colour, the font or the corners.";
        }

        return theme == site.Theme ? AlreadySo : One.Of(new ThemeChanged(theme, by));
    }

    private static One DecideAddPage(ProjectState state, AddPage op, EditContext context)
    {
        var site = state.Site!;
        var title = op.Title.Trim();
        if (title.Length == 0)
        {
            return "Give the new page a title.";
        }

        if (title.Length > 200)
        {
            return "A page title can be at most 200 characters.";
        }

        if (site.Pages.Count >= SectionCatalog.MaxPages)
        {
            return $"A site can have at most {SectionCatalog.MaxPages} pages.";
        }

        var taken = Ids.Taken(site);
        var pageId = Ids.Next('p', $"{state.Id}:{state.Version}:page", taken);
        var sectionId = Ids.Next('s', $"{state.Id}:{state.Version}:page-text", taken);
        var text = context.Writer.Draft("text", state.Brief, sectionId, $"{state.Id}:{state.Version}");
        text = text with { Fields = new Dictionary<string, string>(text.Fields, StringComparer.Ordinal) { ["title"] = title } };
        var page = new Page(pageId, title, Ids.PathFor(title, site.Pages.Select(p => p.Path)), [text]);
        return One.Of(new PageAdded(page, context.By));
    }

    private static One DecideRemovePage(Site site, RemovePage op, Actor by)
    {
        if (SiteReferences.FindPage(site, op.Page) is not { } page)
        {
            return $"There is no page called '{op.Page}'.";
        }

        return page.Path == "/" ? "The home page cannot be removed." : One.Of(new PageRemoved(page.Id, page.Title, by));
    }

    private static One DecideRenamePage(Site site, RenamePage op, Actor by)
    {
        if (SiteReferences.FindPage(site, op.Page) is not { } page)
        {
            return $"There is no page called '{op.Page}'.";
        }

        var title = op.Title.Trim();
        if (title.Length is 0 or > 200)
        {
            return "A page title is 1 to 200 characters.";
        }

        if (title == page.Title)
        {
            return "The page already has that title.";
        }

        var path = page.Path == "/" ? "/" : Ids.PathFor(title, site.Pages.Where(p => p.Id != page.Id).Select(p => p.Path));
        return One.Of(new PageRenamed(page.Id, title, path, by));
    }

    private static One DecideSetSeo(Site site, SetSeo op, Actor by)
    {
        if (op is { Title: null, Description: null })
        {
            return "Say the search title or description to use.";
        }

        var seo = new Seo(op.Title?.Trim() ?? site.Seo.Title, op.Description?.Trim() ?? site.Seo.Description);
        if (seo.Title.Length > 200)
        {
            return "The search title can be at most 200 characters.";
        }

        if (seo.Description.Length > SectionCatalog.MaxFieldLength)
        {
            return $"The search description can be at most {SectionCatalog.MaxFieldLength:N0} characters.";
        }

        return seo == site.Seo ? "The search title and description already read that." : One.Of(new SeoChanged(seo, by));
    }

    private static One DecideUndo(ProjectState state, Undo op, EditContext context)
    {
        if (op.Steps is < 1 or > 50)
        {
            return "Undo 1 to 50 steps at a time.";
        }

        var available = state.UndoStack.Count();
        if (available < op.Steps)
        {
            return available == 0 ? "There is nothing to undo." : $"There {(available == 1 ? "is only 1 change" : $"are only {available} changes")} to undo.";
        }

        var target = state.UndoStack.Skip(op.Steps - 1).First();
        return context.SiteAt(target) is { } site
            ? One.Of(new SiteReverted(target, site, IsUndo: true, op.Steps, context.By))
            : "That change cannot be undone.";
    }

    private static One DecideRevert(ProjectState state, Revert op, EditContext context)
    {
        if (op.Version < 1 || op.Version > state.Version)
        {
            return $"There is no version {op.Version}: this site has versions 1 to {state.Version}.";
        }

        if (op.Version == state.Version)
        {
            return $"Version {op.Version} is the current version.";
        }

        return context.SiteAt(op.Version) is { } site
            ? One.Of(new SiteReverted(op.Version, site, IsUndo: false, 0, context.By))
            : $"Version {op.Version} has no site yet: it is from before the first draft.";
    }
}
