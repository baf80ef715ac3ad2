using System.Globalization;

namespace Navo.Tools.Sites;

/// <summary>
/// Finds what a tool argument names. A section reference (SectionRef) is a section id, a type (<c>pricing</c>,
/// the first one in page order) or a type with an ordinal (<c>pricing#2</c>). A page reference is an id, a
/// path or a title.
/// </summary>
public static class SiteReferences
{
    public static (Page Page, Section Section)? FindSection(Site site, string reference)
    {
        var all = site.Pages.SelectMany(p => p.Sections.Select(s => (Page: p, Section: s))).ToList();
        var byId = all.FirstOrDefault(x => x.Section.Id == reference);
        if (byId.Section is not null)
        {
            return byId;
        }

        var (type, ordinal) = ParseTypeReference(reference);
        var ofType = all.Where(x => string.Equals(x.Section.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();
        return ordinal >= 1 && ordinal <= ofType.Count ? ofType[ordinal - 1] : null;
    }

    public static Page? FindPage(Site site, string reference) =>
        site.Pages.FirstOrDefault(p => p.Id == reference)
        ?? site.Pages.FirstOrDefault(p => string.Equals(p.Path, reference, StringComparison.OrdinalIgnoreCase))
        ?? site.Pages.FirstOrDefault(p => string.Equals(p.Title, reference.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? site.Pages.FirstOrDefault(p => string.Equals(p.Path.TrimStart('/'), reference.Trim().TrimStart('/'), StringComparison.OrdinalIgnoreCase));

    /// <summary>How a reference is said back to a person: "the pricing section", "the second FAQ".</summary>
    public static string Describe(string reference)
    {
        var (type, ordinal) = ParseTypeReference(reference);
        var label = SectionCatalog.Find(type.ToLowerInvariant())?.Label ?? $"section '{reference}'";
        return ordinal == 1 ? $"the {label}" : $"the {Ordinal(ordinal)} {label}";
    }

    private static (string Type, int Ordinal) ParseTypeReference(string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        return hash > 0 && int.TryParse(reference.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? (reference[..hash].Trim(), n)
            : (reference.Trim(), 1);
    }

    private static string Ordinal(int n) => n switch
    {
        2 => "second", 3 => "third", 4 => "fourth", 5 => "fifth",
        _ => n.ToString(CultureInfo.InvariantCulture) + "th",
    };
}
