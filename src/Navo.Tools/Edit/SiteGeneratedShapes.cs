namespace Navo.Tools.Edit;

/// <summary>
/// The shapes <see cref="SiteGenerated"/> has had. Shape 2 (<c>site_generated_v2</c>, today's) marks what Navo wrote
/// without the owner's facts as sample content; shape 1 (<c>site_generated</c>) predates the marks. Events of shape 1
/// stay as they were written and are upcast as they are read.
/// </summary>
public static class SiteGeneratedShapes
{
    /// <summary>The shape new events are written in.</summary>
    public const int Current = 2;

    /// <summary>The alias events of the first shape were stored under.</summary>
    public const string FirstShapeAlias = "site_generated";

    /// <summary>Sections whose items the first drafts always made up: reviews, questions and answers, people, figures.</summary>
    private static readonly HashSet<string> MadeUp = new(StringComparer.Ordinal) { "testimonials", "faq", "team", "stats" };

    /// <summary>
    /// A first-shape draft as today's shape: its made-up reviews, answers, people and figures marked as sample, so the
    /// preview says so and the live site leaves them out. A draft that already carries a mark (written by a version
    /// that marked samples, before the alias changed) is left as it is.
    /// </summary>
    public static SiteGenerated Upcast(SiteGenerated first)
    {
        var sections = first.Site.Pages.SelectMany(p => p.Sections).ToList();
        if (sections.Any(s => s.HasSample))
        {
            return first;
        }

        var site = first.Site with
        {
            Pages = [.. first.Site.Pages.Select(page => page with
            {
                Sections = [.. page.Sections.Select(s => MadeUp.Contains(s.Type)
                    ? s with { Items = [.. s.Items.Select(item => item with { Sample = true })] }
                    : s)],
            })],
        };
        return first with { Site = site };
    }
}
