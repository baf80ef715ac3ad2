using Marten;
using Marten.Services;
using Navo.Tools.Experiments;
using Navo.Tools.Projects;
using Navo.Tools.Publish;

namespace Navo.Host.Apis;

/// <summary>
/// Read-your-writes for live pages on the host that made a change: when a session of this host commits an event that
/// changes what an address serves, this host forgets that address (or that domain) at once, before the session's
/// caller answers — whatever committed it: the REST API, a chat turn, a channel or MCP. Every other host, and this one
/// a moment later, hears the change from <see cref="SiteChangeListener"/>. Nothing else is forgotten: a chat turn, a
/// sign-in or an edit of a draft leaves every kept page kept.
/// </summary>
internal sealed class LiveSiteChanges(LiveSiteCache sites, DomainMap domains) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var @event in commit.GetEvents())
        {
            Forget(@event.StreamId, @event.Data);
        }

        return Task.CompletedTask;
    }

    private void Forget(Guid projectId, object data)
    {
        switch (data)
        {
            case SitePublished published:
                sites.Forget(published.Slug);
                // A first publish gives the project's domains an address.
                domains.ForgetProject(projectId);
                break;
            case PublishRolledBack rolledBack:
                sites.Forget(rolledBack.Slug);
                break;
            case SiteUnpublished unpublished:
                sites.Forget(unpublished.Slug);
                break;
            case SiteAddressChanged moved:
                sites.Forget(moved.From);
                sites.Forget(moved.To);
                domains.ForgetProject(projectId);
                break;
            case ProjectDeleted:
                // Its address answers 410 and its domains are disconnected.
                sites.ForgetProject(projectId);
                domains.ForgetProject(projectId);
                break;
            case ExperimentStarted or ExperimentMoved or ExperimentConcluded:
                // An experiment's event names no address: the project's kept one is found by project.
                sites.ForgetProject(projectId);
                break;
            case DomainAdded added:
                domains.Forget(added.Host);
                break;
            case DomainVerified verified:
                domains.Forget(verified.Host);
                break;
            case DomainRemoved removed:
                domains.Forget(removed.Host);
                break;
        }
    }
}
