using System.Globalization;
using Navo.Tools.Analyze;
using Navo.Tools.Edit;
using Navo.Tools.Generate;
using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Tools.Suggest;

/// <summary>
/// Reads a site and its figures and says what would improve it, each suggestion as the edit operations that make it.
/// Pure: the same site and figures give the same suggestions (ids are left empty for the caller to give). A figure is
/// quoted only when at least <see cref="MinimumVisitors"/> visitors were counted: below that a rate says nothing, and
/// the reason is read from the site alone. Nothing here states a fact about the business that the owner did not give:
/// new sections are drafted by the same writer as "add a section" in chat, which marks what it makes up as sample.
/// </summary>
public static partial class SuggestionProducer
{
    /// <summary>Visitors below which no rate is quoted (a rate of 3 visitors is noise).</summary>
    public const int MinimumVisitors = 30;

    /// <summary>A headline longer than this is rarely read to its end.</summary>
    public const int LongHeadline = 70;

    /// <summary>A subheadline longer than this is a paragraph, not a line.</summary>
    public const int LongSubheadline = 180;

    /// <summary>Button words that say nothing about what happens when it is pressed (compared without case or punctuation).</summary>
    public static IReadOnlySet<string> WeakButtonWords { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "learn more", "click here", "submit", "read more", "more", "more info", "find out more", "click", "here", "go", "ok", "continue", "enter",
    };

    /// <summary>
    /// The suggestions for <paramref name="project"/>'s site given <paramref name="figures"/> (null or empty when none
    /// were counted) and what its images weigh (<paramref name="weight"/>; without it, no page is called heavy).
    /// </summary>
    public static IReadOnlyList<Suggestion> Produce(ProjectState project, AnalyticsFigures? figures, SiteWeight? weight = null)
    {
        if (project.Site is not { } site)
        {
            return [];
        }

        var measured = figures is { Visitors: >= MinimumVisitors } ? figures : null;
        var suggestions = new List<Suggestion>();
        suggestions.AddRange(WeakButtons(site, project.Brief, measured));
        suggestions.AddRange(MissingContact(site, measured));
        suggestions.AddRange(MissingPrices(site, project.Brief, measured));
        suggestions.AddRange(BuriedContact(site, measured));
        suggestions.AddRange(HeavyPages(site, weight, measured));
        suggestions.AddRange(LongHero(site, measured));
        return suggestions;
    }

    private static IEnumerable<Suggestion> WeakButtons(Site site, Brief? brief, AnalyticsFigures? figures)
    {
        var hasContact = Sections(site).Any(s => s.Section.Type == "contact");
        var better = Kinds.Find(brief?.Kind)?.CallToAction ?? (hasContact ? "Get in touch" : null);
        foreach (var (_, section) in Sections(site))
        {
            var (field, replacement, rate, clicked) = section.Type switch
            {
                "hero" => ("ctaText", better, figures?.CtaClickRate, "click it"),
                "cta" => ("buttonText", better, figures?.CtaClickRate, "click it"),
                "contact" => ("submitText", "Send message", figures?.ConversionRate, "send the form"),
                _ => (null, null, null, null),
            };
            if (field is null || replacement is null || !IsWeak(section.Field(field)) || IsWeak(replacement))
            {
                continue;
            }

            var now = section.Field(field).Trim();
            var reason = rate is { } r
                ? $"Your button says \"{now}\" and {Percent(r)} of visitors {clicked}."
                : $"Your button says \"{now}\", which doesn't say what happens when someone presses it.";
            yield return new Suggestion(Guid.Empty, SuggestionKinds.WeakButton, $"{SuggestionKinds.WeakButton}:{section.Id}:{field}",
                $"Change the button \"{now}\" to \"{replacement}\"", reason,
                $"\"{replacement}\" says what happens next; buttons that do are pressed more often.",
                [new SetText(section.Id, field, replacement)]);
        }
    }

    private static IEnumerable<Suggestion> MissingContact(Site site, AnalyticsFigures? figures)
    {
        if (Sections(site).Any(s => s.Section.Type == "contact") || site.Pages.Count == 0)
        {
            yield break;
        }

        var home = site.Pages[0];
        var footer = home.Sections.FirstOrDefault(s => s.Type == "footer");
        var reason = figures is { } f
            ? $"{Count(f.Visitors, "visitor")} came in the last 30 days, and the site has no contact section, so none of them could write to you from it."
            : "The site has no contact section, so a visitor who wants to ask something has nowhere to write.";
        yield return new Suggestion(Guid.Empty, SuggestionKinds.MissingContact, SuggestionKinds.MissingContact,
            "Add a contact section", reason,
            "Visitors can send you a message from the page; each one arrives in your leads.",
            [footer is null ? new AddSection("contact", To: "bottom") : new AddSection("contact", Before: footer.Id)]);
    }

    private static IEnumerable<Suggestion> MissingPrices(Site site, Brief? brief, AnalyticsFigures? figures)
    {
        // Only a business Navo knows the trade of: a club or a personal page may have nothing to sell.
        if (brief?.Kind is null || Sections(site).Any(s => s.Section.Type == "pricing") || site.Pages.Count == 0)
        {
            yield break;
        }

        var home = site.Pages[0];
        var before = home.Sections.FirstOrDefault(s => s.Type is "contact" or "footer");
        var reason = figures is { } f
            ? $"{Count(f.Visitors, "visitor")} looked at the site in the last 30 days and none of them could see what anything costs: it shows no prices."
            : "The site shows no prices, so visitors can't tell what anything costs before they get in touch.";
        yield return new Suggestion(Guid.Empty, SuggestionKinds.MissingPrices, SuggestionKinds.MissingPrices,
            "Add a price list", reason,
            "A price list answers the first question most visitors have. Navo's prices are marked Sample and stay off the live site until you put in your own.",
            [before is null ? new AddSection("pricing", To: "bottom") : new AddSection("pricing", Before: before.Id)]);
    }

    private static IEnumerable<Suggestion> BuriedContact(Site site, AnalyticsFigures? figures)
    {
        // Said only with figures: whether few visitors write is a fact about visitors, not about the page.
        if (figures is not { } f || f.ConversionRate >= 0.01)
        {
            yield break;
        }

        foreach (var page in site.Pages)
        {
            var hero = page.Sections.FirstOrDefault(s => s.Type == "hero");
            var index = page.Sections.ToList().FindIndex(s => s.Type == "contact");
            if (hero is null || index < 5)
            {
                continue;
            }

            var contact = page.Sections[index];
            yield return new Suggestion(Guid.Empty, SuggestionKinds.BuriedContact, $"{SuggestionKinds.BuriedContact}:{contact.Id}",
                "Move the contact section up, after the top of the page",
                $"{Percent(f.ConversionRate)} of visitors sent the contact form, which sits {Ordinal(index + 1)} of {page.Sections.Count} sections down the page.",
                "Visitors who are ready to ask find the form without scrolling past everything else.",
                [new MoveSection(contact.Id, After: hero.Id)]);
        }
    }

    private static IEnumerable<Suggestion> LongHero(Site site, AnalyticsFigures? figures)
    {
        foreach (var (_, hero) in Sections(site).Where(s => s.Section.Type == "hero"))
        {
            var (field, limit, label) = hero.Field("headline").Length > LongHeadline ? ("headline", LongHeadline, "headline")
                : hero.Field("subheadline").Length > LongSubheadline ? ("subheadline", LongSubheadline, "line under the headline")
                : (null, 0, null);
            if (field is null)
            {
                continue;
            }

            var words = hero.Field(field).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            var reason = $"The {label} at the top of the page is {words} words long; most visitors read the first few and decide."
                + (figures is { } f ? $" {Percent(f.CtaClickRate)} of visitors click the main button below it." : string.Empty);
            yield return new Suggestion(Guid.Empty, SuggestionKinds.LongHero, $"{SuggestionKinds.LongHero}:{hero.Id}:{field}",
                $"Make the {label} shorter", reason,
                $"A {label} of under {limit} characters is read at a glance, and the button under it is seen sooner.",
                [new Rewrite(hero.Id, "shorter", field)]);
        }
    }

    private static bool IsWeak(string? text) =>
        text is not null && WeakButtonWords.Contains(new string([.. text.Where(c => char.IsLetter(c) || c == ' ')]).Trim());

    private static IEnumerable<(Page Page, Section Section)> Sections(Site site) => site.Pages.SelectMany(p => p.Sections.Select(s => (p, s)));

    /// <summary>"0.8%", "12%".</summary>
    internal static string Percent(double rate) => (rate * 100).ToString(rate < 0.1 ? "0.#" : "0", CultureInfo.InvariantCulture) + "%";

    private static string Count(long n, string what) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} {what}{(n == 1 ? string.Empty : "s")}";

    private static string Ordinal(int n) => n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
