using Navo.Tools.Projects;

namespace Navo.Tools.Publish;

/// <summary>The owner asked to serve the site on <see cref="Host"/>; it answers there once verified with <see cref="Token"/>.</summary>
public sealed record DomainAdded(string Host, string Token, Actor By) : IProjectEvent;

/// <summary>Navo reached itself through <see cref="Host"/>: the domain points here, and the site answers on it.</summary>
public sealed record DomainVerified(string Host, Actor By) : IProjectEvent;

/// <summary>The site no longer answers on <see cref="Host"/>.</summary>
public sealed record DomainRemoved(string Host, Actor By) : IProjectEvent;

/// <summary>A domain connected to a site, and whether it is verified.</summary>
public sealed record SiteDomain(string Host, string Token, bool Verified);
