using AngleSharp.Html.Parser;
using Navo.Testing;
using Navo.Tools.Rendering;
using Navo.Tools.Sites;

namespace Navo.Tools.Tests.Rendering;

/// <summary>
/// Hostile text in every field and hostile links in every link field never yield an executable element or
/// attribute: checked by parsing the output as a browser would.
/// </summary>
public sealed class XssTests
{
    /// <summary>The shared corpus (<see cref="XssCorpus"/>): hostile text for every text field.</summary>
    public static string[] Payloads => XssCorpus.Payloads;

    /// <summary>The shared corpus of hostile links for every link field.</summary>
    public static string[] HostileLinks => XssCorpus.HostileLinks;

    [Fact]
    public void Hostile_text_in_every_field_never_becomes_markup()
    {
        foreach (var payload in Payloads)
        {
            var site = Poison(SampleSites.Bakery().Site, _ => payload);
            AssertInert(site, payload);
        }
    }

    [Fact]
    public void Hostile_links_become_harmless()
    {
        foreach (var link in HostileLinks)
        {
            LinkPolicy.IsAllowed(link).Should().BeFalse(link);
            var site = Poison(SampleSites.Bakery().Site, field => SectionCatalog.IsLink(field) ? link : null);
            AssertInert(site, link);
        }
    }

    [Theory]
    [InlineData("https://example.com/menu")]
    [InlineData("http://example.com")]
    [InlineData("mailto:hello@example.com")]
    [InlineData("tel:+351123456789")]
    [InlineData("/about")]
    [InlineData("#contact")]
    [InlineData("menu.html")]
    public void Safe_links_are_kept(string link) => LinkPolicy.Safe(link).Should().Be(link);

    private static Site Poison(Site site, Func<string, string?> valueFor) => site with
    {
        Name = valueFor("name") ?? site.Name,
        Seo = new Seo(valueFor("title") ?? site.Seo.Title, valueFor("description") ?? site.Seo.Description),
        Pages = [.. site.Pages.Select(page => page with
        {
            Title = valueFor("title") ?? page.Title,
            Sections = [.. page.Sections.Select(section => section with
            {
                Fields = section.Fields.ToDictionary(f => f.Key, f => valueFor(f.Key) ?? f.Value, StringComparer.Ordinal),
                Items = [.. section.Items.Select(item => new SectionItem(
                    item.Fields.ToDictionary(f => f.Key, f => valueFor(f.Key) ?? f.Value, StringComparer.Ordinal),
                    [.. item.Features.Select(f => valueFor("feature") ?? f)]))],
            })],
        })],
    };

    private static void AssertInert(Site site, string payload)
    {
        var html = SiteRenderer.RenderPage(site, site.Pages[0], new RenderOptions("/s/x"));
        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelectorAll("script, iframe, object, embed, img, link, meta[http-equiv], base, math, input[type=image]")
            .Should().BeEmpty($"payload {payload}");
        document.QuerySelectorAll("style").Should().HaveCount(1, $"only the site's own stylesheet ({payload})");
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                attribute.Name.Should().NotStartWith("on", $"{element.LocalName} from {payload}");
                attribute.Name.Should().NotBe("style", $"{element.LocalName} from {payload}");
                if (attribute.Name is "href" or "src" or "action" or "xlink:href" or "formaction" or "background")
                {
                    IsSafeUrl(attribute.Value).Should().BeTrue($"{attribute.Name}=\"{attribute.Value}\" from {payload}");
                }
            }
        }
    }

    private static bool IsSafeUrl(string value)
    {
        var compact = new string([.. value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
        return !compact.StartsWith("javascript:", StringComparison.Ordinal) && !compact.StartsWith("vbscript:", StringComparison.Ordinal)
            && !compact.StartsWith("data:", StringComparison.Ordinal) && !compact.StartsWith("//", StringComparison.Ordinal);
    }
}
