using System.Text;
using Navo.Host.Apis;

namespace Navo.Host.Mcp;

/// <summary>
/// <c>/llms.txt</c> at a live site's root (llmstxt.org): the business in Markdown for language models — its name and
/// description, its offerings with prices, opening hours, contact details, a link to every page and to the site's MCP
/// endpoint. Built from the live version without its sample content, like the pages themselves.
/// </summary>
public static class LlmsText
{
    public static async Task<IResult> ServeAsync(string slug, HttpContext http, PublishedFacts facts, CancellationToken cancellationToken)
    {
        if (await facts.FindAsync(slug, cancellationToken) is not { } site)
        {
            return PublishedSites.NotFoundPage(http);
        }

        http.Response.Headers.CacheControl = "public, max-age=60, must-revalidate";
        var root = SiteDomainRouting.IsSiteHost(http) ? "/" : $"/s/{slug}/";
        return TypedResults.Text(Write(site, root), "text/plain; charset=utf-8");
    }

    /// <summary>The Markdown for <paramref name="site"/>, its links under <paramref name="root"/>.</summary>
    public static string Write(PublishedSite site, string root)
    {
        var text = new StringBuilder();
        text.Append("# ").AppendLine(OneLine(site.Site.Name)).AppendLine();
        if (site.Site.Seo.Description is { Length: > 0 } description)
        {
            text.Append("> ").AppendLine(OneLine(description)).AppendLine();
        }

        var offerings = site.Sections("services", "pricing").SelectMany(s => s.Items).ToList();
        if (offerings.Count > 0)
        {
            text.AppendLine("## Offerings").AppendLine();
            foreach (var item in offerings)
            {
                var name = item.Field("name") is { Length: > 0 } n ? n : item.Field("title");
                var price = string.Join(" ", new[] { item.Field("price"), item.Field("period") is { Length: > 0 } p ? "per " + p : string.Empty }.Where(v => v.Length > 0));
                var about = item.Field("text");
                text.Append("- ").Append(OneLine(name));
                text.Append(price.Length > 0 ? ": " + OneLine(price) : string.Empty).Append(about.Length > 0 ? " — " + OneLine(about) : string.Empty).AppendLine();
            }

            text.AppendLine();
        }

        var hours = site.Sections("hours").SelectMany(s => s.Items).ToList();
        if (hours.Count > 0)
        {
            text.AppendLine("## Opening hours").AppendLine();
            foreach (var line in hours)
            {
                text.Append("- ").AppendLine(OneLine(line.Field("text") is { Length: > 0 } words ? words : $"{line.Field("days")}: {line.Field("opens")}–{line.Field("closes")}"));
            }

            text.AppendLine();
        }

        var contact = new[] { ("E-mail", site.First("contact", "email")), ("Phone", site.First("contact", "phone")), ("Address", site.First("contact", "address")) }
            .Where(c => c.Item2 is { Length: > 0 }).ToList();
        if (contact.Count > 0)
        {
            text.AppendLine("## Contact").AppendLine();
            contact.ForEach(c => text.Append("- ").Append(c.Item1).Append(": ").AppendLine(OneLine(c.Item2!)));
            text.AppendLine();
        }

        text.AppendLine("## Pages").AppendLine();
        foreach (var page in site.Site.Pages)
        {
            text.Append("- [").Append(OneLine(page.Title)).Append("](").Append(root).Append(page.Path.TrimStart('/')).AppendLine(")");
        }

        text.AppendLine().AppendLine("## For assistants").AppendLine();
        text.Append("- [MCP endpoint](").Append(root).AppendLine("_navo/mcp): the facts above as tools, and send_message to write to the owner");
        return text.ToString();
    }

    /// <summary>The owner's text on one line, so that it cannot start a heading or a list of its own.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
