using Navo.EventStore;
using Navo.Tools.Edit;
using Navo.Tools.Generate;
using Navo.Tools.Sites;

namespace Navo.Tools.Projects;

public sealed partial class ProjectService
{
    /// <summary>Drafts a site from a description and records the project and the draft in one commit.</summary>
    public async Task<(ProjectState Project, GenerationResult Draft)> GenerateAsync(
        TenantContext tenant, GenerationRequest request, Actor by, IProgress<StepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        var (project, draft) = await GenerateAsync(session, request, by, progress, cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return (project, draft);
    }

    /// <summary>Drafts a site and queues the new project's events in <paramref name="session"/>; the caller saves.</summary>
    public async Task<(ProjectState Project, GenerationResult Draft)> GenerateAsync(
        IEventSession session, GenerationRequest request, Actor by, IProgress<StepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var id = Guid.CreateVersion7();
        var draft = await pipeline.RunAsync(request with { Seed = id.ToString("N") }, progress, cancellationToken);
        var created = new ProjectCreated(draft.Brief.BusinessName, request.Description, by);
        var generated = new SiteGenerated(draft.Site, draft.Brief, "local", draft.Steps, by);
        session.StartStream<ProjectState>(id, created, generated);
        var now = DateTimeOffset.UtcNow;
        var state = ProjectState.Initial.Apply(created, 1, id, now).Apply(generated, 2, id, now);
        return (state, draft);
    }

    /// <summary>
    /// Drafts the site of an existing project again from a corrected description ("we're a dog groomer, not a salon")
    /// and queues <see cref="SiteRedrafted"/> in <paramref name="session"/>: a new version of the same project, so undo,
    /// revert and history keep working. What the request does not say is kept from the current brief: the business
    /// name, the place (unless the new words name one), the tone, the kind when the new words suggest none, the
    /// offerings and facts, and any text the owner wrote into the earlier draft (<see cref="OwnerText"/>).
    /// </summary>
    public async Task<ProjectChange> RedraftAsync(
        IEventSession session, Guid id, GenerationRequest request, Actor by, IProgress<StepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(session, id, cancellationToken) is not { } state)
        {
            return new(ProjectOutcome.NotFound, null);
        }

        var before = state.Brief;
        var corrected = request with
        {
            BusinessName = request.BusinessName ?? before?.BusinessName ?? state.Name,
            Place = request.Place ?? BriefReader.PlaceIn(request.Description) ?? before?.Place,
            Tone = request.Tone ?? before?.Tone,
            // "we're a florist, not a gift shop" names the kind; "make it more upmarket" keeps the kind it was.
            Industry = request.Industry
                ?? (BriefReader.ResolveKind(null, request.Description).Kind is null ? before?.Kind ?? before?.KindLabel : null),
            Seed = $"{id:N}:{state.Version}",
            Earlier = before,
        };
        var draft = await pipeline.RunAsync(corrected, progress, cancellationToken);
        var site = state.Site is null ? draft.Site : OwnerText.CarryOver(state.Drafted, state.Site, draft.Site);
        if (SiteValidator.Validate(site).Count > 0)
        {
            site = draft.Site;
        }

        var redrafted = new SiteRedrafted(site, draft.Brief, "local", draft.Steps, by);
        session.Append(id, state.Version, redrafted);
        return new(ProjectOutcome.Ok, state.Apply(redrafted, state.Version + 1));
    }

    /// <summary>
    /// Queues <see cref="ProjectDeleted"/> in <paramref name="session"/>: the project leaves the lists, its live site
    /// answers 410 Gone and its address and domains are freed (the projections do that in the same transaction).
    /// </summary>
    public static async Task<ProjectChange> DeleteAsync(IEventSession session, Guid id, Actor by, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(session, id, cancellationToken) is not { } state)
        {
            return new(ProjectOutcome.NotFound, null);
        }

        var deleted = new ProjectDeleted(state.Name, state.Live?.Slug ?? state.Slug, by);
        session.Append(id, state.Version, deleted);
        return new(ProjectOutcome.Ok, state.Apply(deleted, state.Version + 1));
    }
}
