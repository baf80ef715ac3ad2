using System.Text.Json.Serialization;
using Navo.Tools.Sites;

namespace Navo.Tools.Edit;

/// <summary>One edit of <c>edit_site</c> (design.md section 6); <c>op</c> names the kind.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "op", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(SetText), "set_text")]
[JsonDerivedType(typeof(Rewrite), "rewrite")]
[JsonDerivedType(typeof(AddSection), "add_section")]
[JsonDerivedType(typeof(RemoveSection), "remove_section")]
[JsonDerivedType(typeof(MoveSection), "move_section")]
[JsonDerivedType(typeof(SetTheme), "set_theme")]
[JsonDerivedType(typeof(AddPage), "add_page")]
[JsonDerivedType(typeof(RemovePage), "remove_page")]
[JsonDerivedType(typeof(RenamePage), "rename_page")]
[JsonDerivedType(typeof(SetSeo), "set_seo")]
[JsonDerivedType(typeof(SetName), "set_name")]
[JsonDerivedType(typeof(SetHours), "set_hours")]
[JsonDerivedType(typeof(SetImage), "set_image")]
[JsonDerivedType(typeof(Undo), "undo")]
[JsonDerivedType(typeof(Revert), "revert")]
public abstract record EditOperation;

/// <summary>Sets a field of a section (or of one of its items, 0-based).</summary>
public sealed record SetText(string Section, string Field, string Value, int? Item = null) : EditOperation;

/// <summary>Rewrites a field in a style: shorter, longer, formal, casual, punchier.</summary>
public sealed record Rewrite(string Section, string Style, string? Field = null) : EditOperation;

/// <summary>
/// Adds a section of a type, before/after another, or at the top/bottom of a page. <c>Fields</c> and <c>Items</c> are
/// content the owner gave (a price list: <c>[{name, price, period}]</c>): they replace what Navo would draft.
/// </summary>
public sealed record AddSection(
    string Type, string? Before = null, string? After = null, string? To = null, string? Page = null,
    IReadOnlyDictionary<string, string>? Fields = null, IReadOnlyList<SectionItem>? Items = null) : EditOperation;

public sealed record RemoveSection(string Section) : EditOperation;

public sealed record MoveSection(string Section, string? Before = null, string? After = null, string? To = null) : EditOperation;

public sealed record SetTheme(string? Mode = null, string? PrimaryColor = null, string? Font = null, string? Radius = null) : EditOperation;

public sealed record AddPage(string Title) : EditOperation;

public sealed record RemovePage(string Page) : EditOperation;

public sealed record RenamePage(string Page, string Title) : EditOperation;

public sealed record SetSeo(string? Title = null, string? Description = null) : EditOperation;

/// <summary>The business's real name: the site's name, and every text that held the old one.</summary>
public sealed record SetName(string Name) : EditOperation;

/// <summary>
/// The opening hours: rows of days with times or a text ("Closed"), and/or a note. A note without rows (null) sits
/// beside the rows the site has ("Closed on bank holidays"); with an empty list it stands for them ("By appointment
/// only"). Adds an hours section when the site has none.
/// </summary>
public sealed record SetHours(IReadOnlyList<HoursRow>? Hours = null, string? Text = null) : EditOperation;

/// <summary>One row of opening hours: <c>days</c> ("Mon-Fri") with <c>opens</c> and <c>closes</c> (HH:mm), or a <c>text</c> ("Closed").</summary>
public sealed record HoursRow(string Days, string? Opens = null, string? Closes = null, string? Text = null);

/// <summary>
/// Places an uploaded image (<c>Image</c>, its asset id) with its <c>Alt</c> text: in the hero or about section, on a
/// gallery item or team member (<c>Item</c>, 0-based; a gallery without <c>Item</c> gets a new photo at the end), or
/// as the header's logo (<c>Logo</c>). Only <c>Alt</c> changes the description of the image already there;
/// <c>Remove</c> takes the image off.
/// </summary>
public sealed record SetImage(string? Section = null, int? Item = null, string? Image = null, string? Alt = null, bool Logo = false, bool Remove = false) : EditOperation;

public sealed record Undo(int Steps = 1) : EditOperation;

public sealed record Revert(long Version) : EditOperation;
