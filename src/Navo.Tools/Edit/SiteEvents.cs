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
