using System.Collections.Immutable;
using Navo.EventStore;
using Navo.Tools.Edit;
using Navo.Tools.Experiments;
using Navo.Tools.Generate;
using Navo.Tools.Publish;
using Navo.Tools.Sites;
using Navo.Tools.Suggest;

namespace Navo.Tools.Projects;

/// <summary>
/// A project as its events leave it. <see cref="Version"/> is the stream's version; <see cref="SiteVersion"/> is the
/// version at which the site document last changed, what an editor's <c>If-Match</c> names, so that publishing, a new
/// address or a proposed suggestion leaves an editor's copy current. <see cref="UndoStack"/> holds
/// the versions that "undo" goes back to, newest on top, at most <see cref="UndoDepth"/> of them. <see cref="Slug"/> is the site's address once it was
/// published or its owner chose one: it belongs to the project, not to a version of the document, so undo and
/// revert leave it alone. A <see cref="Deleted"/> project is kept in the store but answers as if it did not exist.
/// <see cref="Drafted"/> is the site as Navo last drafted it, before the owner's edits. <see cref="Suggestions"/> are the
/// suggestions proposed and neither applied nor dismissed yet, in the order they were proposed. <see cref="Experiments"/> are
/// the site's A/B tests, running and ended, in the order they started.
/// </summary>
public sealed record ProjectState(
    Guid Id,
    string Name,
    string? Description,
    DateTimeOffset CreatedAt,
    long Version,
    Site? Site,
    Brief? Brief,
    ImmutableStack<long> UndoStack,
    LiveSite? Live = null,
    ImmutableList<LiveSite>? Published = null,
    string? Slug = null,
    ImmutableList<SiteDomain>? Domains = null,
    bool Deleted = false,
    Site? Drafted = null,
    ImmutableList<Suggestion>? Suggestions = null,
    ImmutableList<Experiment>? Experiments = null,
    long SiteChangedAt = 0) : IAggregate<ProjectState>
{
    /// <summary>Before <see cref="ProjectCreated"/>.</summary>
    public static ProjectState Initial { get; } = new(Guid.Empty, string.Empty, null, default, 0, null, null, []);

    /// <inheritdoc />
    public ProjectState Apply(EventEnvelope @event) =>
        Apply(@event.Data, @event.Version, @event.StreamId, @event.Timestamp);

    /// <summary>The state after <paramref name="data"/> became version <paramref name="version"/>.</summary>
    public ProjectState Apply(object data, long version, Guid? streamId = null, DateTimeOffset? at = null)
    {
        var next = data switch
        {
            ProjectCreated created => this with
            {
                Id = streamId ?? Id, Name = created.Name, Description = created.Description, CreatedAt = at ?? CreatedAt,
            },
            // Drafted is what Navo wrote, so a redraft can tell the owner's text from its own.
            SiteGenerated generated => Changed(generated.Site, version) with { Brief = generated.Brief, Name = generated.Site.Name, Drafted = generated.Site },
            SiteRedrafted redrafted => Changed(redrafted.Site, version) with
            {
                Brief = redrafted.Brief, Name = redrafted.Site.Name, Description = redrafted.Brief.Description, Drafted = redrafted.Site,
            },
            // New sections drafted after a rename use the new name.
            SiteRenamed renamed when Site is not null => Changed(SiteEvolution.Evolve(Site, renamed), version) with
            {
                Name = renamed.Name, Brief = Brief is null ? null : Brief with { BusinessName = renamed.Name },
            },
            ProjectDeleted => this with { Deleted = true, Live = null },
            SiteReverted { IsUndo: true } undo => this with { Site = undo.Site, UndoStack = Pop(UndoStack, undo.Steps), Name = undo.Site.Name },
            SiteReverted revert => Changed(revert.Site, version) with { Name = revert.Site.Name },
            // Publishing changes what is live, not the document: it is not an edit to undo.
            SitePublished published => this with
            {
                Live = new LiveSite(published.Version, published.Slug, published.Pages),
                Published = (Published ?? []).Add(new LiveSite(published.Version, published.Slug, published.Pages)),
                Slug = published.Slug,
            },
            SiteAddressChanged moved => this with { Slug = moved.To, Live = Live is null ? null : Live with { Slug = moved.To } },
            PublishRolledBack rolledBack => this with { Live = new LiveSite(rolledBack.ToVersion, rolledBack.Slug, rolledBack.Pages) },
            SiteUnpublished => this with { Live = null },
            DomainAdded added => this with { Domains = (Domains ?? []).Add(new SiteDomain(added.Host, added.Token, Verified: false)) },
            DomainVerified verified => this with
            {
                Domains = (Domains ?? []).Select(d => d.Host == verified.Host ? d with { Verified = true } : d).ToImmutableList(),
            },
            DomainRemoved removed => this with { Domains = (Domains ?? []).RemoveAll(d => d.Host == removed.Host) },
            // Proposing and dismissing leave the document as it is: nothing to undo.
            SuggestionsProposed proposed => this with { Suggestions = OpenSuggestions.AddRange(proposed.Suggestions) },
            SuggestionDismissed dismissed => this with { Suggestions = OpenSuggestions.RemoveAll(s => s.Id == dismissed.SuggestionId) },
            SuggestionApplied applied => Changed(applied.Site, version) with
            {
                Suggestions = OpenSuggestions.RemoveAll(s => s.Id == applied.SuggestionId),
            },
            // Starting, stopping or keeping the original leaves the document as it is; applying the variant is one edit.
            ExperimentStarted started => this with
            {
                Experiments = AllExperiments.Add(new Experiment(started.ExperimentId, started.SectionId, started.SectionType, started.Field,
                    started.Original, started.Variant, started.LiveVersion, Experiment.Running, at)),
            },
            ExperimentConcluded { Site: { } site } applied => Changed(site, version) with { Experiments = Ended(applied) },
            ExperimentConcluded concluded => this with { Experiments = Ended(concluded) },
            ExperimentMoved moved => this with
            {
                Experiments = AllExperiments.Select(e => e.Id == moved.ExperimentId ? e with { LiveVersion = moved.LiveVersion } : e).ToImmutableList(),
            },
            _ when Site is null => this,
            _ => Changed(SiteEvolution.Evolve(Site, data), version),
        };
        // Every event that changes the document gives it a new instance; the others keep the one they had.
        return next with { Version = version, SiteChangedAt = ReferenceEquals(next.Site, Site) ? SiteVersion : version };
    }

    /// <summary>
    /// The version at which the site document last changed: a version's ETag, and what an edit's <c>If-Match</c> is
    /// compared with. A snapshot stored before this was kept has none, and gives the stream's version (as the ETag was then)
    /// until the document next changes.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long SiteVersion => SiteChangedAt > 0 || Site is null ? SiteChangedAt : Version;

    /// <summary>The open suggestions (none rather than null).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ImmutableList<Suggestion> OpenSuggestions => Suggestions ?? [];

    /// <summary>The experiments (none rather than null).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ImmutableList<Experiment> AllExperiments => Experiments ?? [];

    /// <summary>The experiment with <paramref name="id"/>, or null.</summary>
    public Experiment? FindExperiment(Guid id) => AllExperiments.FirstOrDefault(e => e.Id == id);

    private ImmutableList<Experiment> Ended(ExperimentConcluded concluded) =>
        AllExperiments.Select(e => e.Id == concluded.ExperimentId ? e with { Status = concluded.Outcome, Reason = concluded.Reason, FinalOriginal = concluded.Original, FinalVariant = concluded.VariantFigures } : e).ToImmutableList();

    /// <summary>How many edits "undo" can go back, one at a time; older versions are reached by reverting to them.</summary>
    public const int UndoDepth = 100;

    private ProjectState Changed(Site site, long version) =>
        this with { Site = site, UndoStack = Site is null ? UndoStack : Bounded(UndoStack.Push(version - 1)) };

    /// <summary>The newest <see cref="UndoDepth"/> entries: the state, and its stored snapshot, stay the same size however long the history.</summary>
    private static ImmutableStack<long> Bounded(ImmutableStack<long> stack) =>
        stack.Skip(UndoDepth).Any() ? ImmutableStack.CreateRange(stack.Take(UndoDepth).Reverse()) : stack;

    private static ImmutableStack<long> Pop(ImmutableStack<long> stack, int steps)
    {
        for (var i = 0; i < steps && !stack.IsEmpty; i++)
        {
            stack = stack.Pop();
        }

        return stack;
    }
}
