using System.Text;
using Navo.Tools.Sites;

namespace Navo.Tools.Rendering;

public static partial class SiteRenderer
{
    /// <summary>One section; <paramref name="anchor"/> is its element id ("contact" for the page's contact section, so "#contact" buttons land there).</summary>
    private static void AppendSection(StringBuilder html, Section section, string anchor, ref bool h1Written, RenderOptions options)
    {
        var headingId = $"h-{section.Id}";
        html.Append("<section id=\"").Append(E(anchor)).Append("\" data-section=\"").Append(E(section.Id))
            .Append("\" data-type=\"").Append(E(section.Type)).Append("\" aria-labelledby=\"").Append(E(headingId)).Append("\"><div class=\"wrap\">");
        if (section.HasSample)
        {
            // Only previews get here with sample content: live pages drop it before rendering.
            html.Append("<p class=\"sample-note\" role=\"note\">Sample — replace with your own</p>");
        }

        switch (section.Type)
        {
            case "hero":
                var tag = h1Written ? "h2" : "h1";
                h1Written = true;
                html.Append('<').Append(tag).Append(" id=\"").Append(E(headingId)).Append("\">").Append(E(section.Field("headline"))).Append("</").Append(tag).Append('>');
                Paragraph(html, section.Field("subheadline"), "lead");
                Button(html, section.Field("ctaText"), section.Field("ctaLink"));
                if (section.Image is { } hero)
                {
                    // The hero is above the fold: fetched at once, and first.
                    Picture(html, hero, HeroSizes, eager: true, options);
                }

                break;
            case "about" or "text":
                Heading(html, headingId, section.Field("title"));
                foreach (var paragraph in section.Field("body").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    Paragraph(html, paragraph);
                }

                if (section.Image is { } photo)
                {
                    Picture(html, photo, TextSizes, eager: false, options);
                }

                break;
            case "cta":
                Heading(html, headingId, section.Field("headline"));
                Paragraph(html, section.Field("text"), "lead");
                Button(html, section.Field("buttonText"), section.Field("buttonLink"));
                break;
            case "contact":
                AppendContact(html, section, headingId, options);
                break;
            case "hours":
                AppendHours(html, section, headingId);
                break;
            default:
                Heading(html, headingId, section.Field("title"));
                AppendItems(html, section, options);
                break;
        }

        html.Append("</div></section>");
    }

    private static void AppendItems(StringBuilder html, Section section, RenderOptions options)
    {
        if (section.Type == "faq")
        {
            foreach (var item in section.Items)
            {
                html.Append(item.Sample ? "<details class=\"sample\"><summary>" : "<details><summary>").Append(E(item.Field("question"))).Append("</summary>");
                Paragraph(html, item.Field("answer"));
                html.Append("</details>");
            }

            return;
        }

        html.Append("<ul class=\"grid\">");
        foreach (var item in section.Items)
        {
            html.Append(item.Sample ? "<li class=\"card sample\">" : "<li class=\"card\">");
            switch (section.Type)
            {
                case "gallery" when item.Image is { } image:
                    html.Append("<figure>");
                    Picture(html, image, CardSizes, eager: false, options);
                    html.Append("<figcaption>").Append(E(item.Field("caption"))).Append("</figcaption></figure>");
                    break;
                case "gallery":
                    html.Append("<figure><svg role=\"img\" aria-label=\"").Append(E(item.Field("alt")))
                        .Append("\" viewBox=\"0 0 4 3\" xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"4\" height=\"3\" fill=\"var(--accent-fill)\" opacity=\".25\"/></svg>")
                        .Append("<figcaption>").Append(E(item.Field("caption"))).Append("</figcaption></figure>");
                    break;
                case "testimonials":
                    html.Append("<figure><blockquote><p>").Append(E(item.Field("quote"))).Append("</p></blockquote><figcaption>")
                        .Append(E(item.Field("author")));
                    if (item.Field("role").Length > 0)
                    {
                        html.Append(", <span class=\"muted\">").Append(E(item.Field("role"))).Append("</span>");
                    }

                    html.Append("</figcaption></figure>");
                    break;
                case "pricing":
                    Item(html, item.Field("name"));
                    html.Append("<p><span class=\"price\">").Append(E(item.Field("price"))).Append("</span> <span class=\"muted\">")
                        .Append(E(item.Field("period"))).Append("</span></p>");
                    if (item.Features.Count > 0)
                    {
                        html.Append("<ul>");
                        foreach (var feature in item.Features)
                        {
                            html.Append("<li>").Append(E(feature)).Append("</li>");
                        }

                        html.Append("</ul>");
                    }

                    Button(html, item.Field("ctaText"), "#contact");
                    break;
                case "team":
                    if (item.Image is { } portrait)
                    {
                        Picture(html, portrait, CardSizes, eager: false, options);
                    }

                    Item(html, item.Field("name"));
                    Paragraph(html, item.Field("role"), "muted");
                    Paragraph(html, item.Field("bio"));
                    break;
                case "stats":
                    html.Append("<p><span class=\"stat\">").Append(E(item.Field("value"))).Append("</span>").Append(E(item.Field("label"))).Append("</p>");
                    break;
                default:
                    Item(html, item.Field("title"));
                    Paragraph(html, item.Field("text"));
                    break;
            }

            html.Append("</li>");
        }

        html.Append("</ul>");
    }

    private static void AppendContact(StringBuilder html, Section section, string headingId, RenderOptions options)
    {
        Heading(html, headingId, section.Field("title"));
        Paragraph(html, section.Field("text"));
        var email = section.Field("email");
        var phone = section.Field("phone");
        if (email.Length > 0 || phone.Length > 0 || section.Field("address").Length > 0)
        {
            html.Append("<address>");
            if (email.Length > 0)
            {
                html.Append("<p><a href=\"").Append(Href("mailto:" + email)).Append("\">").Append(E(email)).Append("</a></p>");
            }

            if (phone.Length > 0)
            {
                html.Append("<p><a href=\"").Append(Href("tel:" + new string([.. phone.Where(c => char.IsAsciiDigit(c) || c == '+')]))).Append("\">")
                    .Append(E(phone)).Append("</a></p>");
            }

            Paragraph(html, section.Field("address"));
            html.Append("</address>");
        }

        var id = E(section.Id);
        html.Append("<form method=\"post\" action=\"").Append(E(options.FormAction ?? "#")).Append("\">")
            .Append("<input type=\"hidden\" name=\"section\" value=\"").Append(id).Append("\">")
            .Append("<label for=\"").Append(id).Append("-name\">Name</label><input id=\"").Append(id).Append("-name\" name=\"name\" autocomplete=\"name\" required maxlength=\"200\">")
            .Append("<label for=\"").Append(id).Append("-email\">Email</label><input id=\"").Append(id).Append("-email\" name=\"email\" type=\"email\" autocomplete=\"email\" required maxlength=\"320\">")
            .Append("<label for=\"").Append(id).Append("-message\">Message</label><textarea id=\"").Append(id).Append("-message\" name=\"message\" rows=\"5\" required maxlength=\"4000\"></textarea>")
            .Append("<div class=\"hp\" aria-hidden=\"true\"><label for=\"").Append(id).Append("-website\">Website</label><input id=\"").Append(id).Append("-website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></div>")
            .Append("<button class=\"button\" type=\"submit\">").Append(E(section.Field("submitText") is { Length: > 0 } submit ? submit : "Send")).Append("</button></form>");
    }

    private static void Heading(StringBuilder html, string id, string text) =>
        html.Append("<h2 id=\"").Append(E(id)).Append("\">").Append(E(text)).Append("</h2>");

    private static void Item(StringBuilder html, string text) => html.Append("<h3>").Append(E(text)).Append("</h3>");

    private static void Paragraph(StringBuilder html, string text, string? cssClass = null)
    {
        if (text.Length == 0)
        {
            return;
        }

        html.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(E(text)).Append("</p>");
    }

    private static void Button(StringBuilder html, string text, string link)
    {
        if (text.Length > 0)
        {
            html.Append("<p><a class=\"button\" href=\"").Append(Href(link)).Append("\">").Append(E(text)).Append("</a></p>");
        }
    }
}
