using Navo.EventStore;
using Navo.EventStore.Schema;
using Navo.Tools.Edit;
using Navo.Tools.Experiments;
using Navo.Tools.Projects;
using Navo.Tools.Publish;
using Navo.Tools.Suggest;

namespace Navo.Tools;

/// <summary>Registers the project events, read tables and projections of Navo.Tools with a store.</summary>
public static class NavoStore
{
    /// <summary>Adds what Navo.Tools keeps in the store to <paramref name="options"/>.</summary>
    public static EventStoreOptions AddNavoTools(this EventStoreOptions options)
    {
        options.Events
            .Add<ProjectCreated>()
            .Add<SiteGenerated>(SiteGeneratedShapes.Current)
            .Add<SectionTextChanged>()
            .Add<SectionAdded>()
            .Add<SectionRemoved>()
            .Add<SectionMoved>()
            .Add<ThemeChanged>()
            .Add<PageAdded>()
            .Add<PageRemoved>()
            .Add<PageRenamed>()
            .Add<SeoChanged>()
            .Add<SiteRenamed>()
            .Add<HoursChanged>()
            .Add<ImageAdded>()
            .Add<ImageRemoved>()
            .Add<SiteRedrafted>()
            .Add<ProjectDeleted>()
            .Add<SiteReverted>()
            .Add<SitePublished>()
            .Add<PublishRolledBack>()
            .Add<SiteUnpublished>()
            .Add<SiteAddressChanged>()
            .Add<DomainAdded>()
            .Add<DomainVerified>()
            .Add<DomainRemoved>()
            .Add<SuggestionsProposed>()
            .Add<SuggestionApplied>()
            .Add<SuggestionDismissed>()
            .Add<ExperimentStarted>()
            .Add<ExperimentConcluded>()
            .Add<ExperimentMoved>();
        foreach (var migration in SchemaMigration.FromEmbeddedSql(typeof(NavoStore).Assembly, "tools"))
        {
            options.Migrations.Add(migration);
        }

        options.InlineProjections.Add(new ProjectList());
        options.InlineProjections.Add(new LiveSites());
        options.InlineProjections.Add(new ProjectDeletion());
        options.InlineProjections.Add(new SuggestionList());
        options.InlineProjections.Add(new ExperimentList());
        // Drafts written before sample content was marked are read in today's shape.
        options.Marten.Add(marten => marten.Events.Upcast<SiteGenerated, SiteGenerated>(SiteGeneratedShapes.FirstShapeAlias, SiteGeneratedShapes.Upcast));
        // An edit reads the project's state from one row instead of folding its whole stream.
        options.Snapshot<ProjectState, IProjectEvent>("project_snapshot");
        return options;
    }
}
