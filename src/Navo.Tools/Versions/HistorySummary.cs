using Navo.Tools.Sites;
using Navo.Tools.Edit;
using Navo.Tools.Experiments;
using Navo.Tools.Projects;
using Navo.Tools.Publish;
using Navo.Tools.Suggest;

namespace Navo.Tools.Versions;

/// <summary>One line of a project's history, in plain words.</summary>
public sealed record HistoryEntry(long Version, DateTimeOffset At, string Type, string Summary, Guid UserId, string Channel);

/// <summary>Says what each event did, the way a person would: "Changed the headline", "Added a price list".</summary>
public static class HistorySummary
{
    /// <summary>"main photo", "gallery photo 3".</summary>
    private static string Photo(string? sectionType, int? item) =>
        sectionType == "hero" ? "main photo"
        : item is { } i ? $"{SectionCatalog.Find(sectionType ?? string.Empty)?.Label ?? sectionType} photo {i + 1}" : $"{SectionCatalog.Find(sectionType ?? string.Empty)?.Label ?? sectionType} photo";

    public static string Describe(object @event) => @event switch
    {
        ProjectCreated created => $"Created the project \"{created.Name}\"",
        SiteGenerated generated => $"Drafted the site for {generated.Brief.BusinessName}",
        SiteRedrafted redrafted => $"Drafted the site again for {redrafted.Brief.BusinessName}",
        SiteRenamed renamed => $"Renamed the business to \"{renamed.Name}\"",
        HoursChanged => "Changed the opening hours",
        ImageAdded { SectionId: null, Previous: null } => "Added the logo",
        ImageAdded { SectionId: null } added => added.Previous!.Asset == added.Image.Asset ? "Described the logo" : "Changed the logo",
        ImageAdded { Previous: { } previous } added when previous.Asset == added.Image.Asset => $"Described the {Photo(added.SectionType, added.Item)}",
        ImageAdded { Previous: { } } added => $"Changed the {Photo(added.SectionType, added.Item)}",
        ImageAdded added => $"Added the {Photo(added.SectionType, added.Item)}",
        ImageRemoved { SectionId: null } => "Removed the logo",
        ImageRemoved removed => $"Removed the {Photo(removed.SectionType, removed.Item)}",
        ProjectDeleted deleted => $"Deleted the project \"{deleted.Name}\"",
        SectionTextChanged { Style: { } style } changed => $"Made {OwnerWords.Field(changed.SectionType, changed.Field)} {StyleWord(style)}",
        SectionTextChanged changed => changed.Item is { } item
            ? $"Changed the {SectionCatalog.Describe(changed.Field)} of item {item + 1} in {OwnerWords.Section(changed.SectionType)}"
            : $"Changed {OwnerWords.Field(changed.SectionType, changed.Field)}",
        SectionAdded added => $"Added {OwnerWords.NewSection(added.Section.Type)}",
        SectionRemoved removed => $"Removed {OwnerWords.Section(removed.SectionType)}",
        SectionMoved moved => $"Moved {OwnerWords.Section(moved.SectionType)}",
        ThemeChanged => "Changed the look",
        PageAdded added => $"Added the page \"{added.Page.Title}\"",
        PageRemoved removed => $"Removed the page \"{removed.Title}\"",
        PageRenamed renamed => $"Renamed a page to \"{renamed.Title}\"",
        SeoChanged => "Changed the search title and description",
        SiteReverted { IsUndo: true } undo => undo.Steps == 1 ? "Undid the last change" : $"Undid the last {undo.Steps} changes",
        SiteReverted revert => $"Restored version {revert.ToVersion}",
        SitePublished published => $"Published version {published.Version} at /s/{published.Slug}/",
        PublishRolledBack rolledBack => $"Rolled the live site back to version {rolledBack.ToVersion}",
        SiteUnpublished => "Took the site offline",
        SiteAddressChanged moved => $"Moved the site's address to /s/{moved.To}/",
        DomainAdded added => $"Asked to connect {added.Host}",
        DomainVerified verified => $"Connected {verified.Host}",
        DomainRemoved removed => $"Disconnected {removed.Host}",
        SuggestionsProposed proposed => proposed.Suggestions.Count == 1 ? "Suggested an improvement" : $"Suggested {proposed.Suggestions.Count} improvements",
        SuggestionApplied applied => $"Applied a suggestion: {Titles(applied)}",
        SuggestionDismissed => "Dismissed a suggestion",
        ExperimentStarted started => $"Started an experiment: \"{started.Variant}\" against \"{started.Original}\"",
        ExperimentConcluded { Outcome: ExperimentOutcomes.Applied } => "Concluded an experiment: the new text won and is in the site",
        ExperimentConcluded { Outcome: ExperimentOutcomes.Kept } => "Concluded an experiment: the original text stays",
        ExperimentConcluded { Reason: [var first, .. var rest] } => $"Stopped an experiment: {char.ToLowerInvariant(first)}{rest}",
        ExperimentConcluded => "Stopped an experiment",
        ExperimentMoved => "Kept the experiment running on the version now live",
        _ => "Changed the site",
    };

    /// <summary>What an applied suggestion did, by its kind.</summary>
    private static string Titles(SuggestionApplied applied) => applied.Kind switch
    {
        SuggestionKinds.WeakButton => "a button that says what happens next",
        SuggestionKinds.MissingContact => "added a contact section",
        SuggestionKinds.MissingPrices => "added a price list",
        SuggestionKinds.BuriedContact => "moved the contact section up",
        SuggestionKinds.LongHero => "a shorter top of the page",
        SuggestionKinds.HeavyPage => "a lighter page",
        _ => "changed the site",
    };

    private static string StyleWord(string style) => style switch
    {
        "formal" => "more formal",
        "casual" => "more casual",
        _ => style,
    };
}
