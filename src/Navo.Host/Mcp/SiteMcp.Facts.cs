using System.ComponentModel;

namespace Navo.Host.Mcp;

/// <summary>A business as its live site presents it.</summary>
public sealed record BusinessFacts(string Name, string? Tagline, string? Description, string? About);

/// <summary>Something the business offers, with its price when the site gives one.</summary>
public sealed record Offering(string Name, string? Description, string? Price, string? Period, IReadOnlyList<string> Features);

public sealed record OfferingList(IReadOnlyList<Offering> Offerings);

/// <summary>One line of the opening hours: days with opening and closing times, or the site's own words.</summary>
public sealed record HoursLine(string? Days, string? Opens, string? Closes, string? Text);

public sealed record OpeningHours(IReadOnlyList<HoursLine> Hours, string? Note);

public sealed record ContactDetails(string? Email, string? Phone, string? Address, bool AcceptsMessages);

public sealed record PageText(string Title, string Path, string Text);

public sealed record PageList(IReadOnlyList<PageText> Pages);

public sealed partial class SiteMcp
{
    [Description("The business's name, its tagline and how it describes itself, as its live site says them.")]
    private async Task<BusinessFacts> BusinessAsync(CancellationToken cancellationToken)
    {
        var site = await SiteAsync(cancellationToken);
        return new BusinessFacts(site.Site.Name, site.First("hero", "headline"), Empty(site.Site.Seo.Description), site.First("about", "body"));
    }

    [Description("What the business offers: its services and price lists, each with its price when the site gives one. Only what the live site shows.")]
    private async Task<OfferingList> OfferingsAsync(CancellationToken cancellationToken)
    {
        var site = await SiteAsync(cancellationToken);
        return new OfferingList([.. site.Sections("services", "pricing").SelectMany(s => s.Items).Select(item => new Offering(
            item.Field("name") is { Length: > 0 } name ? name : item.Field("title"),
            Empty(item.Field("text")),
            Empty(item.Field("price")),
            Empty(item.Field("period")),
            item.Features)).Where(o => o.Name.Length > 0)]);
    }

    [Description("The business's opening hours as its live site gives them; empty when the site does not say.")]
    private async Task<OpeningHours> HoursAsync(CancellationToken cancellationToken)
    {
        var site = await SiteAsync(cancellationToken);
        var lines = site.Sections("hours").SelectMany(s => s.Items).Select(i => new HoursLine(
            Empty(i.Field("days")), Empty(i.Field("opens")), Empty(i.Field("closes")), Empty(i.Field("text"))));
        return new OpeningHours([.. lines], site.First("hours", "note"));
    }

    [Description("How to reach the business: e-mail, phone and address as its live site gives them, and whether it takes messages (send_message).")]
    private async Task<ContactDetails> ContactAsync(CancellationToken cancellationToken)
    {
        var site = await SiteAsync(cancellationToken);
        return new ContactDetails(site.First("contact", "email"), site.First("contact", "phone"), site.First("contact", "address"), AcceptsMessages: true);
    }

    [Description("Every page of the live site as plain text: its title, its path and the words a visitor reads on it.")]
    private async Task<PageList> PagesAsync(CancellationToken cancellationToken)
    {
        var site = await SiteAsync(cancellationToken);
        return new PageList([.. site.Site.Pages.Select(p => new PageText(p.Title, p.Path, PublishedFacts.PageText(site.Site, p)))]);
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
