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

    /// <summary>
    /// Whether <paramref name="running"/> can go on when <paramref name="live"/> goes live (null: the site went
    /// offline): null when the section and field are there with the same original text, so the test still compares
    /// the same two texts; otherwise why it stops, in a sentence. A changed original stops it too: counting visitors
    /// of two different originals as one arm would compare nothing.
    /// </summary>
    public static string? StopReason(Experiment running, Site? live)
    {
        ArgumentNullException.ThrowIfNull(running);
        var field = SectionCatalog.Describe(running.Field);
        if (live is null)
        {
            return "the site was taken offline.";
        }

        if (live.Pages.SelectMany(p => p.Sections).FirstOrDefault(s => s.Id == running.SectionId) is not { } section)
        {
            return $"the version now live has no {SectionCatalog.Find(running.SectionType)?.Label ?? running.SectionType} any more.";
        }

        var now = section.Fields.GetValueOrDefault(running.Field)?.Trim() ?? string.Empty;
        return now.Length == 0 ? $"the version now live has no {field}."
            : string.Equals(now, running.Variant, StringComparison.Ordinal) ? $"the version now live already says '{running.Variant}'."
            : !string.Equals(now, running.Original, StringComparison.Ordinal) ? $"the version now live changed the {field} to '{now}', so the test no longer compares the same two texts."
            : null;
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
