using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Navo.Tools.Sites;

namespace Navo.Tools.Rendering;

/// <summary>
/// The standard renderer: one page of a site as a complete HTML document. Deterministic (same document, same
/// bytes), every text escaped, links limited by <see cref="LinkPolicy"/>, semantic landmarks, one <c>h1</c>,
/// labelled form fields, inline SVG instead of external images, and styles from <see cref="SiteStyles"/>.
/// </summary>
public static partial class SiteRenderer
{
    // Encodes markup-significant characters and leaves letters of every script readable (and the page small).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string RenderPage(Site site, Page page, RenderOptions options)
    {
        var html = new StringBuilder(12 * 1024);
        var title = page.Path == "/" ? site.Seo.Title : $"{page.Title} — {site.Name}";
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append("</title>")
            .Append("<meta name=\"description\" content=\"").Append(E(site.Seo.Description)).Append("\">")
            .Append("<style>").Append(SiteStyles.For(site.Theme)).Append("</style>")
            .Append(options.Beacon is { } beacon ? $"<script src=\"{E(beacon)}\" defer></script>" : string.Empty)
            .Append("</head><body>")
            // "Jump", not "skip": a published page carries no other trade's words, and skip hire is a trade.
            .Append("<a class=\"jump\" href=\"#main\">Jump to content</a>");
        AppendHeader(html, site, page, options);
        html.Append("<main id=\"main\">");
        var h1Written = false;
        var contactAnchor = page.Sections.FirstOrDefault(s => s.Type == "contact")?.Id;
        foreach (var section in page.Sections.Where(s => s.Type != "footer").Select(s => options.ShowSample ? s : WithoutSample(s)).OfType<Section>())
        {
            AppendSection(html, section, section.Id == contactAnchor ? "contact" : section.Id, ref h1Written, options);
        }

        if (!h1Written)
        {
            // Every page has exactly one h1: without a hero, the page title is it.
            html.Insert(html.ToString().IndexOf("<main id=\"main\">", StringComparison.Ordinal) + 16,
                $"<div class=\"wrap\"><h1>{E(page.Title)}</h1></div>");
        }

        html.Append("</main>");
        var footer = page.Sections.FirstOrDefault(s => s.Type == "footer") ?? site.Pages[0].Sections.FirstOrDefault(s => s.Type == "footer");
        html.Append("<footer class=\"site\"><div class=\"wrap\"><p>")
            .Append(E(footer?.Field("text") is { Length: > 0 } text ? text : $"© {site.Name}"))
            .Append("</p></div></footer></body></html>");
        return html.ToString();
    }

    /// <summary>
    /// What a live page shows of a section: nothing of a sample section, and none of its sample items; a section whose
    /// items were all sample is left out rather than shown empty.
    /// </summary>
    public static Section? WithoutSample(Section section)
    {
        if (section.Sample)
        {
            return null;
        }

        if (!section.Items.Any(i => i.Sample))
        {
            return section;
        }

        var owned = section.Items.Where(i => !i.Sample).ToList();
        return owned.Count == 0 ? null : section with { Items = owned };
    }

    private static void AppendHeader(StringBuilder html, Site site, Page page, RenderOptions options)
    {
        html.Append("<header class=\"site\"><div class=\"wrap\"><a class=\"brand\" href=\"").Append(E(PageHref(site.Pages[0], options))).Append("\">");
        if (site.Logo is { } logo)
        {
            Picture(html, logo, LogoSizes, eager: true, options);
        }

        html.Append(E(site.Name)).Append("</a>");
        if (site.Pages.Count > 1)
        {
            html.Append("<nav aria-label=\"Main\"><ul>");
            foreach (var target in site.Pages)
            {
                html.Append("<li><a href=\"").Append(E(PageHref(target, options))).Append('"')
                    .Append(target.Id == page.Id ? " aria-current=\"page\"" : string.Empty)
                    .Append('>').Append(E(target.Title)).Append("</a></li>");
            }

            html.Append("</ul></nav>");
        }

        html.Append("</div></header>");
    }

    private static string PageHref(Page page, RenderOptions options) => options.BasePath + (page.Path == "/" ? "/" : page.Path);

    /// <summary>Escapes text for HTML content and attribute values.</summary>
    public static string E(string? text) => Encoder.Encode(text ?? string.Empty);

    /// <summary>A safe, escaped href.</summary>
    private static string Href(string? link) => E(LinkPolicy.Safe(link));
}
