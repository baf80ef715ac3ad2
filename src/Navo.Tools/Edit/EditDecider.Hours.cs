using Navo.Tools.Generate;
using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Tools.Edit;

public static partial class EditDecider
{
    /// <summary>
    /// Sets the opening hours — rows and note — on the site's hours section (<see cref="HoursChanged"/>), or adds one
    /// holding them (<see cref="SectionAdded"/>): before the contact section, else before the footer, else at the end
    /// of the page. A note given without rows ("Closed on bank holidays") keeps the rows the section has and joins its
    /// note; an empty list of rows removes them.
    /// </summary>
    private static One DecideSetHours(ProjectState state, SetHours op, EditContext context)
    {
        var site = state.Site!;
        var existing = SiteReferences.FindSection(site, "hours");
        var rows = op.Hours
            ?? existing?.Section.Items.Select(i => new HoursRow(i.Field("days"), Blank(i.Field("opens")), Blank(i.Field("closes")), Blank(i.Field("text")))).ToList()
            ?? [];
        var note = op.Text?.Trim() ?? string.Empty;
        if (op.Hours is null && existing is var (_, had))
        {
            var placeholder = context.Writer.Draft("hours", state.Brief is null ? null : state.Brief with { Facts = BusinessFacts.None }, had.Id, "placeholder").Field("note");
            note = WithTheNoteThere(had.Field("note").Trim(), note, placeholder);
        }

        if (rows.Count == 0 && note.Length == 0)
        {
            return "Say the opening hours, such as Mon-Fri 09:00-17:00, or a note such as 'By appointment only'.";
        }

        if (rows.Count > SectionCatalog.MaxItemsPerSection)
        {
            return $"Opening hours can have at most {SectionCatalog.MaxItemsPerSection} rows.";
        }

        var items = new List<SectionItem>(rows.Count);
        foreach (var row in rows)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["days"] = row.Days.Trim() };
            foreach (var (field, value) in new[] { ("opens", row.Opens), ("closes", row.Closes), ("text", row.Text) })
            {
                if (value?.Trim() is { Length: > 0 } text)
                {
                    fields[field] = text;
                }
            }

            var item = new SectionItem(fields, []);
            var problem = fields.Select(f => SiteValidator.TextProblem(f.Key, f.Value)).FirstOrDefault(p => p is not null)
                ?? OpeningHours.Problem(item, items.Count + 1);
            if (problem is not null)
            {
                return problem;
            }

            items.Add(item);
        }

        if (SiteValidator.TextProblem("note", note) is { } noteProblem)
        {
            return noteProblem;
        }

        if (existing is var (page, section))
        {
            return Same(section.Items, items) && section.Field("note") == note
                ? "The opening hours already read that."
                : One.Of(new HoursChanged(page.Id, section.Id, items, note, context.By));
        }

        var target = site.Pages.FirstOrDefault(p => p.Sections.Any(s => s.Type == "contact")) ?? site.Pages[0];
        if (target.Sections.Count >= SectionCatalog.MaxSectionsPerPage)
        {
            return $"A page can have at most {SectionCatalog.MaxSectionsPerPage} sections.";
        }

        var index = target.Sections.ToList().FindIndex(s => s.Type == "contact");
        if (index < 0)
        {
            index = target.Sections.ToList().FindIndex(s => s.Type == "footer");
        }

        var id = Ids.Next('s', $"{state.Id}:{state.Version}:hours", Ids.Taken(site));
        var drafted = context.Writer.Draft("hours", state.Brief, id, $"{state.Id}:{state.Version}");
        var added = drafted with
        {
            Fields = new Dictionary<string, string>(drafted.Fields, StringComparer.Ordinal) { ["note"] = note },
            Items = items,
        };
        return One.Of(new SectionAdded(target.Id, added, index < 0 ? target.Sections.Count : index, context.By));
    }

    /// <summary>
    /// A note given alone, with the note the section has: "By appointment only. Closed on bank holidays". Navo's own
    /// placeholder ("Get in touch to check when … is open") goes; a note that says the other again is not repeated.
    /// </summary>
    private static string WithTheNoteThere(string there, string note, string placeholder) =>
        there.Length == 0 || there == placeholder || Says(note, there) ? note
        : Says(there, note) ? there
        : $"{there.TrimEnd('.')}. {note}";

    private static bool Says(string text, string part) => text.Contains(part.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    private static bool Same(IReadOnlyList<SectionItem> a, IReadOnlyList<SectionItem> b) =>
        a.Count == b.Count && a.Zip(b).All(pair => pair.First.Fields.Count == pair.Second.Fields.Count
            && pair.First.Fields.All(f => pair.Second.Field(f.Key) == f.Value));
}
