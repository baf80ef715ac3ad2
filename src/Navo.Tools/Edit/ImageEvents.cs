using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Tools.Edit;

/// <summary>
/// An image was placed (or its alt text changed): in a section (of an item when <c>Item</c> is set; a gallery item
/// past the last one is a new item), or as the logo when <c>SectionId</c> is null. <c>Previous</c> is what it replaced.
/// </summary>
public sealed record ImageAdded(string? PageId, string? SectionId, string? SectionType, int? Item, ImageRef Image, ImageRef? Previous, Actor By) : IProjectEvent;

/// <summary>An image was taken off the site; a gallery item goes with its photo.</summary>
public sealed record ImageRemoved(string? PageId, string? SectionId, string? SectionType, int? Item, ImageRef Previous, Actor By) : IProjectEvent;
