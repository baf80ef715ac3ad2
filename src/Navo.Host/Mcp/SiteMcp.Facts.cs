using System.ComponentModel;

namespace Navo.Host.Mcp;

/// <summary>A business as its live site presents it.</summary>
public sealed record BusinessFacts(string Name, string? Tagline, string? Description, string? About)
{
    public static BusinessFacts Of(PublishedSite site) =>
        new(site.Site.Name, site.First("hero", "headline"), SiteFacts.Empty(site.Site.Seo.Description), site.First("about", "body"));
}

/// <summary>Something the business offers, with its price when the site gives one.</summary>
public sealed record Offering(string Name, string? Description, string? Price, string? Period, IReadOnlyList<string> Features);

public sealed record OfferingList(IReadOnlyList<Offering> Offerings)
{
    /// <summary>Every service and price-list item with a name, in page order.</summary>
    public static OfferingList Of(PublishedSite site) =>
        new([.. site.Sections("services", "pricing").SelectMany(s => s.Items).Select(item => new Offering(
            item.Field("name") is { Length: > 0 } name ? name : item.Field("title"),
            SiteFacts.Empty(item.Field("text")),
            SiteFacts.Empty(item.Field("price")),
            SiteFacts.Empty(item.Field("period")),
            item.Features)).Where(o => o.Name.Length > 0)]);
}

/// <summary>One line of the opening hours: days with opening and closing times, or the site's own words.</summary>
public sealed record HoursLine(string? Days, string? Opens, string? Closes, string? Text);

public sealed record OpeningHours(IReadOnlyList<HoursLine> Hours, string? Note)
{
    public static OpeningHours Of(PublishedSite site) =>
        new([.. site.Sections("hours").SelectMany(s => s.Items).Select(i => new HoursLine(
            SiteFacts.Empty(i.Field("days")), SiteFacts.Empty(i.Field("opens")), SiteFacts.Empty(i.Field("closes")), SiteFacts.Empty(i.Field("text"))))],
            site.First("hours", "note"));
}

/// <summary>How to reach the business as its site gives it; a message can always be sent with <c>send_message</c>.</summary>
public sealed record ContactDetails(string? Email, string? Phone, string? Address)
{
    public static ContactDetails Of(PublishedSite site) =>
        new(site.First("contact", "email"), site.First("contact", "phone"), site.First("contact", "address"));
}

public sealed record PageText(string Title, string Path, string Text);

public sealed record PageList(IReadOnlyList<PageText> Pages);

/// <summary>The facts' one rule for a field the site leaves blank: it is absent, not an empty text.</summary>
internal static class SiteFacts
{
    public static string? Empty(string value) => value.Length == 0 ? null : value;
}

public sealed partial class SiteMcp
{
    [Description("The business's name, its tagline and how it describes itself, as its live site says them.")]
    private async Task<BusinessFacts> BusinessAsync(CancellationToken cancellationToken) => BusinessFacts.Of(await SiteAsync(cancellationToken));

    [Description("What the business offers: its services and price lists, each with its price when the site gives one. Only what the live site shows.")]
    private async Task<OfferingList> OfferingsAsync(CancellationToken cancellationToken) => OfferingList.Of(await SiteAsync(cancellationToken));

    [Description("The business's opening hours as its live site gives them; empty when the site does not say.")]
    private async Task<OpeningHours> HoursAsync(CancellationToken cancellationToken) => OpeningHours.Of(await SiteAsync(cancellationToken));

    [Description("How to reach the business: e-mail, phone and address as its live site gives them. To write to the owner, use send_message.")]
    private async Task<ContactDetails> ContactAsync(CancellationToken cancellationToken) => ContactDetails.Of(await SiteAsync(cancellationToken));

    [Description("Every page of the live site as plain text: its title, its path and the words a visitor reads on it.")]
    private async Task<PageList> PagesAsync(CancellationToken cancellationToken)
    {
        var site = await SiteAsync(cancellationToken);
        return new PageList([.. site.Site.Pages.Select(p => new PageText(p.Title, p.Path, PublishedFacts.PageText(site.Site, p)))]);
    }
}
