using Navo.Tools.Generate;
using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Tools.Edit;

/// <summary>A whole site was drafted from a brief: the document, the brief, the engine and each step's time.</summary>
public sealed record SiteGenerated(Site Site, Brief Brief, string Engine, IReadOnlyList<StepTiming> Steps, Actor By) : IProjectEvent;

/// <summary>How long one generation step took, in milliseconds.</summary>
public sealed record StepTiming(string Step, double Milliseconds);

/// <summary>A field of a section (or of one of its items) got new text; <c>Style</c> when it was a rewrite.</summary>
public sealed record SectionTextChanged(string PageId, string SectionId, string SectionType, string Field, int? Item, string Value, string Previous, string? Style, Actor By) : IProjectEvent;

public sealed record SectionAdded(string PageId, Section Section, int Index, Actor By) : IProjectEvent;

public sealed record SectionRemoved(string PageId, string SectionId, string SectionType, Actor By) : IProjectEvent;

public sealed record SectionMoved(string PageId, string SectionId, string SectionType, int ToIndex, Actor By) : IProjectEvent;

public sealed record ThemeChanged(Theme Theme, Actor By) : IProjectEvent;

public sealed record PageAdded(Page Page, Actor By) : IProjectEvent;

public sealed record PageRemoved(string PageId, string Title, Actor By) : IProjectEvent;

public sealed record PageRenamed(string PageId, string Title, string Path, Actor By) : IProjectEvent;

public sealed record SeoChanged(Seo Seo, Actor By) : IProjectEvent;

/// <summary>The site went back to version <c>ToVersion</c>: the state is that version's document, carried here.</summary>
public sealed record SiteReverted(long ToVersion, Site Site, bool IsUndo, int Steps, Actor By) : IProjectEvent;

/// <summary>
/// The site was drafted again from a corrected description of the business ("we're a dog groomer, not a salon"): a
/// whole new document in the same project. Undo and revert go back past it like any other version.
/// </summary>
public sealed record SiteRedrafted(Site Site, Brief Brief, string Engine, IReadOnlyList<StepTiming> Steps, Actor By) : IProjectEvent;

/// <summary>
/// The business got its real name: the site's name and its address-to-be (<c>Slug</c>; a published site keeps its
/// address), the search title and description, and each text that held the old name.
/// </summary>
public sealed record SiteRenamed(string Name, string Previous, string Slug, Seo Seo, IReadOnlyList<NameReplaced> Texts, Actor By) : IProjectEvent;

/// <summary>
/// One text that held the old name and what it reads now: a section's field (of an item when <c>Item</c> is set;
/// <c>features</c> joined by line breaks, as set_text writes them), or a page's title when <c>SectionId</c> is null.
/// </summary>
public sealed record NameReplaced(string PageId, string? SectionId, string Field, int? Item, string Value);

/// <summary>An hours section got new opening hours, as a whole: its rows and its note.</summary>
public sealed record HoursChanged(string PageId, string SectionId, IReadOnlyList<SectionItem> Items, string Note, Actor By) : IProjectEvent;
