using System.Text.Json;
using System.Text.Json.Serialization;

namespace Navo.Tools.Sites;

/// <summary>
/// A whole site: the standard renderer's input (design.md section 4). Immutable; edits make new values.
/// <c>Logo</c> is the owner's logo, shown in the header.
/// </summary>
public sealed record Site(
    string Name, string Slug, Theme Theme, Seo Seo, IReadOnlyList<Page> Pages,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImageRef? Logo = null)
{
    /// <summary>The page with <paramref name="pageId"/>, or null.</summary>
    public Page? FindPage(string pageId) => Pages.FirstOrDefault(p => p.Id == pageId);

    /// <summary>A copy with <paramref name="page"/> in place of the page with the same id.</summary>
    public Site WithPage(Page page) => this with { Pages = [.. Pages.Select(p => p.Id == page.Id ? page : p)] };
}

/// <summary>How the site looks.</summary>
public sealed record Theme(ThemeMode Mode, string PrimaryColor, ThemeFont Font, ThemeRadius Radius);

[JsonConverter(typeof(LowerCaseEnumConverter<ThemeMode>))]
public enum ThemeMode { Light, Dark }

[JsonConverter(typeof(LowerCaseEnumConverter<ThemeFont>))]
public enum ThemeFont { Sans, Serif, Mono, Rounded }

[JsonConverter(typeof(LowerCaseEnumConverter<ThemeRadius>))]
public enum ThemeRadius { None, Small, Large }

/// <summary>Theme values are written as design.md spells them: <c>light</c>, <c>serif</c>, <c>large</c>.</summary>
public sealed class LowerCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where T : struct, Enum;

/// <summary>What search engines and link previews show.</summary>
public sealed record Seo(string Title, string Description);

/// <summary>One page: its path ("/", "/about") and its sections in order.</summary>
public sealed record Page(string Id, string Title, string Path, IReadOnlyList<Section> Sections)
{
    /// <summary>A copy with <paramref name="section"/> in place of the section with the same id.</summary>
    public Page WithSection(Section section) => this with { Sections = [.. Sections.Select(s => s.Id == section.Id ? section : s)] };
}

/// <summary>
/// One section: a type from <see cref="SectionCatalog"/>, its fields, and its items (cards, questions, plans…).
/// The id is stable and short ("s7f3a") so edits can name it. <c>Sample</c> marks a section Navo wrote without the
/// owner's facts (design.md section 4): the preview marks it and the live site leaves it out. <c>Image</c> is the
/// owner's photo of a hero or about section.
/// </summary>
public sealed record Section(
    string Id,
    string Type,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<SectionItem> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Sample = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImageRef? Image = null)
{
    /// <summary>True when the section, or any of its items, is sample content.</summary>
    public bool HasSample => Sample || Items.Any(i => i.Sample);

    /// <summary>A field's text, or empty.</summary>
    public string Field(string name) => Fields.TryGetValue(name, out var value) ? value : string.Empty;
}

/// <summary>
/// One item of a section: text fields, and for pricing plans a list of features. <c>Sample</c> marks an item Navo
/// wrote without the owner's facts (a review, a team member, a figure, an answer, a price). <c>Image</c> is the photo
/// of a gallery item or a team member.
/// </summary>
[JsonConverter(typeof(SectionItemJsonConverter))]
public sealed record SectionItem(IReadOnlyDictionary<string, string> Fields, IReadOnlyList<string> Features, bool Sample = false, ImageRef? Image = null)
{
    public static SectionItem Of(params (string Field, string Value)[] fields) =>
        new(fields.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal), []);

    /// <summary>A field's text, or empty.</summary>
    public string Field(string name) => Fields.TryGetValue(name, out var value) ? value : string.Empty;
}
