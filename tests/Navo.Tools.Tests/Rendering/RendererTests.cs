using AngleSharp.Html.Parser;
using Navo.Tools.Generate;
using Navo.Tools.Rendering;
using Navo.Tools.Sites;

namespace Navo.Tools.Tests.Rendering;

public sealed class RendererTests
{
    private static readonly RenderOptions Preview = new("/preview/x/v/2");

    [Fact]
    public void The_same_document_gives_the_same_bytes()
    {
        var site = SampleSites.Bakery().Site;

        SiteRenderer.RenderPage(site, site.Pages[0], Preview).Should().Be(SiteRenderer.RenderPage(site, site.Pages[0], Preview));
    }

    [Fact]
    public void A_page_has_one_h1_landmarks_labelled_fields_alt_text_and_stays_under_30_KB()
    {
        var drafted = SampleSites.Bakery().Site;
        var gallery = new Section("sgal1", "gallery", new Dictionary<string, string> { ["title"] = "A look inside" }, [SectionItem.Of(("caption", "The counter"), ("alt", "Loaves on the counter"))]);
        var site = drafted.WithPage(drafted.Pages[0] with { Sections = [.. drafted.Pages[0].Sections, gallery] });
        var html = SiteRenderer.RenderPage(site, site.Pages[0], Preview);
        var document = new HtmlParser().ParseDocument(html);

        document.QuerySelectorAll("h1").Should().HaveCount(1);
        document.QuerySelectorAll("header, main, footer").Select(e => e.LocalName).Should().Equal("header", "main", "footer");
        foreach (var field in document.QuerySelectorAll("input:not([type=hidden]), textarea"))
        {
            document.QuerySelector($"label[for='{field.Id}']").Should().NotBeNull($"field {field.Id} needs a label");
        }

        document.QuerySelectorAll("svg[role=img]").Should().OnlyContain(svg => !string.IsNullOrWhiteSpace(svg.GetAttribute("aria-label")));
        System.Text.Encoding.UTF8.GetByteCount(html).Should().BeLessThan(30 * 1024);
        html.Should().NotContainAny("http://fonts", "https://", "<script", "<link", "<img");
    }

    [Fact]
    public void Pages_link_to_each_other_and_mark_the_current_one()
    {
        var site = SampleSites.Bakery().Site;
        site = site with { Pages = [.. site.Pages, new Page("p2", "Menu", "/menu", [])] };
        var document = new HtmlParser().ParseDocument(SiteRenderer.RenderPage(site, site.Pages[1], Preview));

        document.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).Should().Equal("/preview/x/v/2/", "/preview/x/v/2/menu");
        document.QuerySelector("nav a[aria-current=page]")!.TextContent.Should().Be("Menu");
        document.QuerySelector("h1")!.TextContent.Should().Be("Menu", "a page without a hero gets its title as h1");
    }

    [Fact]
    public void Every_palette_of_every_pack_keeps_text_at_4_5_to_1_in_both_modes()
    {
        var colors = ContentPack.All.SelectMany(p => p.Palettes).Select(p => p.PrimaryColor)
            .Concat(["#ffff00", "#000000", "#ffffff", "#777777", "#00ff00", "#ff00ff"]);
        foreach (var color in colors)
        {
            foreach (var mode in new[] { ThemeMode.Light, ThemeMode.Dark })
            {
                var p = SiteStyles.PaletteFor(new Theme(mode, color, ThemeFont.Sans, ThemeRadius.Small));
                foreach (var (text, background) in new[]
                {
                    (p.Text, p.Background), (p.Text, p.Surface), (p.Muted, p.Background), (p.Muted, p.Surface),
                    (p.Accent, p.Background), (p.Accent, p.Surface), (p.OnAccent, p.AccentFill),
                })
                {
                    ColorMath.TryParse(text, out var t).Should().BeTrue();
                    ColorMath.TryParse(background, out var b).Should().BeTrue();
                    ColorMath.Contrast(t, b).Should().BeGreaterThanOrEqualTo(4.5, $"{text} on {background} for {color} in {mode} mode");
                }
            }
        }
    }
}
