using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Tools.Edit;

public static partial class EditDecider
{
    private static One DecideAddSection(ProjectState state, AddSection op, EditContext context)
    {
        var site = state.Site!;
        var type = op.Type.Trim().ToLowerInvariant();
        if (SectionCatalog.Find(type) is null)
        {
            return $"Navo has no '{op.Type}' section. It has: {string.Join(", ", SectionCatalog.All.Select(s => s.Type))}.";
        }

        if (Count(op.Before, op.After, op.To) > 1)
        {
            return "Say one place for the new section: before a section, after one, or at the top or bottom.";
        }

        var anchorRef = op.Before ?? op.After;
        (Page Page, Section Section)? anchor = anchorRef is null ? null : SiteReferences.FindSection(site, anchorRef);
        if (anchorRef is not null && anchor is null)
        {
            return NoSection(anchorRef);
        }

        var page = op.Page is null ? anchor?.Page ?? site.Pages[0] : SiteReferences.FindPage(site, op.Page);
        if (page is null)
        {
            return $"There is no page called '{op.Page}'.";
        }

        if (anchor is { } a && a.Page.Id != page.Id)
        {
            return $"{UpperFirst(SiteReferences.Describe(anchorRef!))} is on another page.";
        }

        if (page.Sections.Count >= SectionCatalog.MaxSectionsPerPage)
        {
            return $"A page can have at most {SectionCatalog.MaxSectionsPerPage} sections.";
        }

        int index;
        if (anchor is { } found)
        {
            index = page.Sections.ToList().FindIndex(s => s.Id == found.Section.Id) + (op.After is not null ? 1 : 0);
        }
        else if (op.To is not null)
        {
            if (op.To is not ("top" or "bottom"))
            {
                return "A section goes to the top or the bottom of a page.";
            }

            index = op.To == "top" ? 0 : page.Sections.Count;
        }
        else
        {
            // By default at the end, but above a closing footer, and a section of content above the contact form
            // that ends the page: visitors read what the business does before how to reach it.
            index = page.Sections.Count > 0 && page.Sections[^1].Type == "footer" ? page.Sections.Count - 1 : page.Sections.Count;
            if (type is not ("contact" or "footer" or "cta") && index > 0 && page.Sections[index - 1].Type == "contact")
            {
                index--;
            }
        }

        var id = Ids.Next('s', $"{state.Id}:{state.Version}:{type}", Ids.Taken(site));
        var drafted = context.Writer.Draft(type, state.Brief, id, $"{state.Id}:{state.Version}");
        var (section, problem) = WithContent(drafted, SectionCatalog.Find(type)!, op);
        return problem is null ? One.Of(new SectionAdded(page.Id, section!, index, context.By)) : problem;
    }

    private static One DecideRemoveSection(Site site, RemoveSection op, Actor by) =>
        SiteReferences.FindSection(site, op.Section) is var (page, section)
            ? One.Of(new SectionRemoved(page.Id, section.Id, section.Type, by))
            : NoSection(op.Section);

    private static One DecideMoveSection(Site site, MoveSection op, Actor by)
    {
        if (SiteReferences.FindSection(site, op.Section) is not var (page, section))
        {
            return NoSection(op.Section);
        }

        if (Count(op.Before, op.After, op.To) != 1)
        {
            return "Say where to move it: before a section, after one, or to the top or bottom.";
        }

        var rest = page.Sections.Where(s => s.Id != section.Id).ToList();
        int index;
        if (op.To is not null)
        {
            if (op.To is not ("top" or "bottom"))
            {
                return "A section moves to the top or the bottom of a page.";
            }

            index = op.To == "top" ? 0 : rest.Count;
        }
        else
        {
            var anchorRef = (op.Before ?? op.After)!;
            if (SiteReferences.FindSection(site, anchorRef) is not var (anchorPage, anchor))
            {
                return NoSection(anchorRef);
            }

            if (anchorPage.Id != page.Id)
            {
                return $"{UpperFirst(SiteReferences.Describe(anchorRef))} is on another page.";
            }

            if (anchor.Id == section.Id)
            {
                return "A section cannot move next to itself.";
            }

            index = rest.FindIndex(s => s.Id == anchor.Id) + (op.After is not null ? 1 : 0);
        }

        return page.Sections.ToList().FindIndex(s => s.Id == section.Id) == index
            ? $"{UpperFirst(SiteReferences.Describe(op.Section))} is already there."
            : One.Of(new SectionMoved(page.Id, section.Id, section.Type, index, by));
    }

    private static int Count(params string?[] values) => values.Count(v => v is not null);

    private static string UpperFirst(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
