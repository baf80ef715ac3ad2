using Navo.Tools.Sites;

namespace Navo.Tools.Projects;

/// <summary>
/// Text the owner wrote into a draft, kept through a redraft ("we're a florist, not a gift shop"): every field and
/// item that differs from what Navo drafted, and every section the owner added, goes into the new draft where a
/// section of the same type is. The owner's images go with them: the logo, and the photos of sections and items.
/// </summary>
public static class OwnerText
{
    /// <summary><paramref name="redrafted"/> with what the owner changed between <paramref name="drafted"/> and <paramref name="current"/>.</summary>
    public static Site CarryOver(Site? drafted, Site current, Site redrafted)
    {
        redrafted = redrafted with { Logo = current.Logo ?? redrafted.Logo };
        if (drafted is null)
        {
            return redrafted;
        }

        var draftedSections = drafted.Pages.SelectMany(p => p.Sections).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var home = redrafted.Pages[0];
        var sections = home.Sections.ToList();
        foreach (var section in current.Pages.SelectMany(p => p.Sections))
        {
            var target = sections.FindIndex(s => s.Type == section.Type);
            if (!draftedSections.TryGetValue(section.Id, out var before))
            {
                // A section the owner added: it goes where the new draft has none of its kind, before the contact section.
                if (target < 0)
                {
                    var contact = sections.FindIndex(s => s.Type is "contact" or "footer");
                    sections.Insert(contact < 0 ? sections.Count : contact, section);
                }

                continue;
            }

            if (target >= 0)
            {
                sections[target] = Merge(before, section, sections[target]);
            }
        }

        return redrafted.WithPage(home with { Sections = sections });
    }

    private static Section Merge(Section before, Section now, Section into)
    {
        var fields = new Dictionary<string, string>(into.Fields, StringComparer.Ordinal);
        foreach (var (field, value) in now.Fields.Where(f => before.Field(f.Key) != f.Value))
        {
            fields[field] = value;
        }

        var items = into.Items.ToList();
        for (var i = 0; i < now.Items.Count; i++)
        {
            var owned = i >= before.Items.Count || !now.Items[i].Fields.SequenceEqual(before.Items[i].Fields) || !now.Items[i].Features.SequenceEqual(before.Items[i].Features)
                || now.Items[i].Image != before.Items[i].Image;
            if (owned)
            {
                if (i < items.Count)
                {
                    items[i] = now.Items[i];
                }
                else
                {
                    items.Add(now.Items[i]);
                }
            }
        }

        return into with { Fields = fields, Items = items, Image = now.Image ?? into.Image };
    }
}
