using System.Security.Cryptography;
using Navo.EventStore;
using Navo.Tools.Projects;

namespace Navo.Tools.Publish;

/// <summary>
/// Domains the owner connects: added with a token, verified when Navo reaches itself through the domain (the
/// caller makes that request, outside any transaction), removed at will. Only one site may hold a verified domain.
/// </summary>
public sealed partial class PublishService
{
    /// <summary>Asks to serve the site on the domain in <paramref name="text"/>; it answers there once verified.</summary>
    public Task<PublishOutcome> AddDomainAsync(
        TenantContext tenant, Guid projectId, string? text, string? sitesDomain, Actor by, CancellationToken cancellationToken = default) =>
        SaveAsync(tenant, projectId, async (session, project) =>
        {
            if (DomainNames.TryRead(text, sitesDomain, out var host) is { } problem)
            {
                return new(ProjectOutcome.Invalid, project, problem);
            }

            var domains = project.Domains ?? [];
            if (domains.Any(d => d.Host == host))
            {
                return new(ProjectOutcome.Ok, project, $"{host} is already connected to this site.");
            }

            if (domains.Count >= DomainNames.MaxPerSite)
            {
                return new(ProjectOutcome.Invalid, project, $"A site can answer on at most {DomainNames.MaxPerSite} domains. Remove one first.");
            }

            if (await IsDomainTakenAsync(session, host, project.Id, cancellationToken))
            {
                return new(ProjectOutcome.Conflict, project, $"{host} is already connected to another site.");
            }

            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            return Queue(session, project, new DomainAdded(host, token, by), $"Point {host} at Navo, then verify it.");
        }, cancellationToken);

    /// <summary>Records that <paramref name="host"/> reached Navo with its token: the site answers there from now on.</summary>
    public Task<PublishOutcome> MarkDomainVerifiedAsync(TenantContext tenant, Guid projectId, string host, Actor by, CancellationToken cancellationToken = default) =>
        SaveAsync(tenant, projectId, async (session, project) => (project.Domains ?? []).FirstOrDefault(d => d.Host == host) switch
        {
            null => new(ProjectOutcome.NotFound, project, $"This site has no domain {host}."),
            { Verified: true } => new(ProjectOutcome.Ok, project, $"{host} is connected."),
            _ when await IsDomainTakenAsync(session, host, project.Id, cancellationToken) =>
                new(ProjectOutcome.Conflict, project, $"{host} is already connected to another site."),
            _ => Queue(session, project, new DomainVerified(host, by), $"{host} is connected: the site answers there now."),
        }, cancellationToken);

    /// <summary>Stops serving the site on <paramref name="host"/>.</summary>
    public Task<PublishOutcome> RemoveDomainAsync(TenantContext tenant, Guid projectId, string host, Actor by, CancellationToken cancellationToken = default) =>
        SaveAsync(tenant, projectId, (session, project) => Task.FromResult((project.Domains ?? []).Any(d => d.Host == host)
            ? Queue(session, project, new DomainRemoved(host, by), $"The site no longer answers on {host}.")
            : new PublishOutcome(ProjectOutcome.NotFound, project, $"This site has no domain {host}.")), cancellationToken);

    private static async Task<bool> IsDomainTakenAsync(IEventSession session, string host, Guid projectId, CancellationToken cancellationToken) =>
        (await session.QueryAsync("select navo_domain_taken($1, $2)", r => r.GetBoolean(0), cancellationToken, host, projectId))[0];
}
