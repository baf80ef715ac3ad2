using Navo.Tools.Rendering;
using Navo.Tools.Sites;

namespace Navo.Tools.Edit;

public static partial class EditDecider
{
    /// <summary>
    /// A drafted section with the content the owner gave in place of Navo's: given fields replace drafted ones, and
    /// given items replace all drafted items (a price list the owner typed is never mixed with invented prices).
    /// Returns the section, or why the content does not fit the section type or its limits.
    /// </summary>
    private static (Section? Section, string? Error) WithContent(Section drafted, SectionSpec spec, AddSection op)
    {
        var fields = new Dictionary<string, string>(drafted.Fields, StringComparer.Ordinal);
        foreach (var (field, raw) in op.Fields ?? new Dictionary<string, string>())
        {
            if (!spec.Fields.Contains(field))
            {
                return (null, $"{spec.WithCapitalArticle} has no {SectionCatalog.Describe(field)}. It has: {string.Join(", ", spec.Fields.Select(SectionCatalog.Describe))}.");
            }

            var value = raw.Trim();
            if (SiteValidator.TextProblem(field, value) is { } problem)
            {
                return (null, problem);
            }

            if (SectionCatalog.IsLink(field) && value.Length > 0 && !LinkPolicy.IsAllowed(value))
            {
                return (null, "A button link must start with https://, http://, mailto:, tel:, / or #.");
            }

            fields[field] = value;
        }

        var items = drafted.Items;
        if (op.Items is { Count: > 0 } given)
        {
            if (!spec.HasItems)
            {
                return (null, $"{spec.WithCapitalArticle} has no items.");
            }

            if (given.Count > SectionCatalog.MaxItemsPerSection)
            {
                return (null, $"A section can have at most {SectionCatalog.MaxItemsPerSection} items.");
            }

            var owned = new List<SectionItem>(given.Count);
            foreach (var item in given)
            {
                if (ItemProblem(item, spec, owned.Count) is { } problem)
                {
                    return (null, problem);
                }

                owned.Add(new SectionItem(
                    item.Fields.Where(f => f.Value.Trim().Length > 0).ToDictionary(f => f.Key, f => f.Value.Trim(), StringComparer.Ordinal),
                    [.. item.Features.Select(f => f.Trim()).Where(f => f.Length > 0)]));
            }

            items = owned;
            if (spec.Type == "hours" && op.Fields?.ContainsKey("note") != true)
            {
                // The drafted note asks visitors to get in touch for the hours; with the hours given it would mislead.
                fields["note"] = string.Empty;
            }
        }

        var section = drafted with { Fields = fields, Items = items };
        return SiteValidator.ValidateSection(section).FirstOrDefault() is { } invalid ? (null, invalid) : (section, null);
    }

    private static string? ItemProblem(SectionItem item, SectionSpec spec, int index)
    {
        if (item.Fields.Keys.FirstOrDefault(f => !spec.ItemFields.Contains(f)) is { } unknown)
        {
            return $"An item of {spec.WithArticle} has no {SectionCatalog.Describe(unknown)}. It has: {string.Join(", ", spec.ItemFields.Select(SectionCatalog.Describe))}.";
        }

        if (item.Features.Count > 0 && !spec.ItemsHaveFeatures)
        {
            return $"An item of {spec.WithArticle} has no features list.";
        }

        if (item.Fields.Values.All(v => v.Trim().Length == 0) && item.Features.All(f => f.Trim().Length == 0))
        {
            return $"Item {index + 1} is empty: give it some text, or leave it out.";
        }

        return spec.Type == "hours" ? OpeningHours.Problem(item, index + 1) : null;
    }
}
