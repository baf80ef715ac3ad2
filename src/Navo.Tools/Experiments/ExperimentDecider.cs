using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Tools.Experiments;

/// <summary>Pure decisions about experiments: whether one may start on a field of the live site, and that site with the variant's text.</summary>
public static class ExperimentDecider
{
    /// <summary>The event that starts the experiment (its pages still to render), or why not and how to answer.</summary>
    public sealed record StartDecision(ExperimentStarted? Started, ExperimentOutcome Outcome, string? Error);

    public static StartDecision Start(ProjectState state, Site? liveSite, string? section, string? field, string? variant, Actor by)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (liveSite is null || state.Live is null)
        {
            return Refuse(ExperimentOutcome.Conflict, "The site is not published: an experiment splits the live site's visitors. Publish it first.");
        }

        if (string.IsNullOrWhiteSpace(section) || SiteReferences.FindSection(liveSite, section.Trim()) is not { Section: var found })
        {
            return Refuse(ExperimentOutcome.Invalid, $"The live site has no section '{section}'. Name it by type (\"hero\", \"cta\") or id.");
        }

        var spec = SectionCatalog.Find(found.Type)!;
        if (string.IsNullOrWhiteSpace(field) || !spec.Fields.Contains(field.Trim(), StringComparer.Ordinal) || SectionCatalog.IsLink(field.Trim()))
        {
            var texts = string.Join(", ", spec.Fields.Where(f => !SectionCatalog.IsLink(f)));
            return Refuse(ExperimentOutcome.Invalid, $"{spec.WithCapitalArticle} has no text field '{field}'. Its text fields: {texts}.");
        }

        field = field.Trim();
        var original = found.Fields.GetValueOrDefault(field) ?? string.Empty;
        var text = variant?.Trim() ?? string.Empty;
        if (original.Length == 0)
        {
            return Refuse(ExperimentOutcome.Invalid, $"The live {spec.Label}'s {SectionCatalog.Describe(field)} is empty: there is nothing to test the variant against.");
        }

        if (text.Length == 0 || text.Length > SectionCatalog.MaxLength(field) || TextChecks.HasHiddenCharacters(text))
        {
            return Refuse(ExperimentOutcome.Invalid, $"The variant must be plain text of 1 to {SectionCatalog.MaxLength(field):N0} characters.");
        }

        if (string.Equals(text, original, StringComparison.Ordinal))
        {
            return Refuse(ExperimentOutcome.Invalid, $"The variant is the same as the live text ('{original}'): there would be nothing to compare.");
        }

        // One at a time, so that each visitor's page is exactly one arm of one experiment and no test muddies another.
        if (state.AllExperiments.FirstOrDefault(e => e.IsRunning) is { } running)
        {
            return Refuse(ExperimentOutcome.Conflict, running.SectionId == found.Id && running.Field == field
                ? $"An experiment on the {spec.Label}'s {SectionCatalog.Describe(field)} is already running. Conclude or stop it first."
                : $"Another experiment ('{running.Variant}' against '{running.Original}') is running. A site runs one at a time: conclude or stop it first.");
        }

        return new(new ExperimentStarted(Guid.NewGuid(), found.Id, found.Type, field, original, text, state.Live.Version,
            new Dictionary<string, string>(StringComparer.Ordinal), by), ExperimentOutcome.Ok, null);
    }

    /// <summary><paramref name="site"/> with <paramref name="value"/> in <paramref name="field"/> of section <paramref name="sectionId"/>.</summary>
    public static Site WithField(Site site, string sectionId, string field, string value)
    {
        ArgumentNullException.ThrowIfNull(site);
        return site with
        {
            Pages = [.. site.Pages.Select(page => page.Sections.FirstOrDefault(s => s.Id == sectionId) is { } section
                ? page.WithSection(section with { Fields = new Dictionary<string, string>(section.Fields, StringComparer.Ordinal) { [field] = value } })
                : page)],
        };
    }

    private static StartDecision Refuse(ExperimentOutcome outcome, string error) => new(null, outcome, error);
}
