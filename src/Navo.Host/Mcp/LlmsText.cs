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

    /// <summary>The Markdown for <paramref name="site"/>, its links under <paramref name="root"/>: the same facts as the site's MCP tools.</summary>
    public static string Write(PublishedSite site, string root)
    {
        var text = new StringBuilder();
        var business = BusinessFacts.Of(site);
        text.Append("# ").AppendLine(OneLine(business.Name)).AppendLine();
        if (business.Description is { } description)
        {
            text.Append("> ").AppendLine(OneLine(description)).AppendLine();
        }

        var offerings = OfferingList.Of(site).Offerings;
        if (offerings.Count > 0)
        {
            text.AppendLine("## Offerings").AppendLine();
            foreach (var offering in offerings)
            {
                var price = string.Join(" ", new[] { offering.Price, offering.Period is { } period ? "per " + period : null }.OfType<string>());
                text.Append("- ").Append(OneLine(offering.Name));
                text.Append(price.Length > 0 ? ": " + OneLine(price) : string.Empty).Append(offering.Description is { } about ? " — " + OneLine(about) : string.Empty).AppendLine();
            }

            text.AppendLine();
        }

        var hours = OpeningHours.Of(site).Hours;
        if (hours.Count > 0)
        {
            text.AppendLine("## Opening hours").AppendLine();
            foreach (var line in hours)
            {
                text.Append("- ").AppendLine(OneLine(line.Text ?? $"{line.Days}: {line.Opens}–{line.Closes}"));
            }

            text.AppendLine();
        }

        var details = ContactDetails.Of(site);
        var contact = new[] { ("E-mail", details.Email), ("Phone", details.Phone), ("Address", details.Address) }.Where(c => c.Item2 is not null).ToList();
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
