using Navo.Tools.Projects;

namespace Navo.Tools.Publish;

/// <summary>
/// A version of the site went live at <c>/s/{Slug}/</c>: each page path and the stored file it is, and how long
/// each step took (address, render, store) in milliseconds.
/// </summary>
public sealed record SitePublished(
    long Version, string Slug, IReadOnlyDictionary<string, string> Pages, double Milliseconds, Actor By,
    IReadOnlyDictionary<string, double>? Steps = null) : IProjectEvent;

/// <summary>The live site went back to an earlier published version.</summary>
public sealed record PublishRolledBack(long ToVersion, string Slug, IReadOnlyDictionary<string, string> Pages, Actor By) : IProjectEvent;

/// <summary>The site was taken offline: its address answers 410 Gone.</summary>
public sealed record SiteUnpublished(string Slug, Actor By) : IProjectEvent;

/// <summary>The owner gave the site a new address; a live site moves with it and the old address is freed.</summary>
public sealed record SiteAddressChanged(string From, string To, Actor By) : IProjectEvent;

/// <summary>What is live: the version, its address and its pages' stored files.</summary>
public sealed record LiveSite(long Version, string Slug, IReadOnlyDictionary<string, string> Pages);
