using System.Text.Json;
using AngleSharp.Html.Parser;
using Navo.Tools.Rendering;
using Navo.Tools.Sites;

namespace Navo.Tools.Tests.Rendering;

public sealed class ImageRenderingTests
{
    private static readonly string Shop = new('a', 64);
    private static readonly string Counter = new('c', 64);

    private static Site WithImages()
    {
        var site = SampleSites.Bakery().Site;
        var page = site.Pages[0];
        var gallery = new Section("sgal1", "gallery", new Dictionary<string, string> { ["title"] = "Inside" },
            [new SectionItem(new Dictionary<string, string> { ["caption"] = "The counter" }, [], Image: new ImageRef(Counter, "Loaves on the counter", 1000, 750))]);
        var sections = page.Sections.Select(s => s.Type == "hero" ? s with { Image = new ImageRef(Shop, "Our shop front", 4000, 3000) } : s).ToList();
        sections.Insert(sections.Count - 1, gallery);
        return site.WithPage(page with { Sections = sections }) with { Logo = new ImageRef(new string('b', 64), "Rosa's logo", 300, 100) };
    }

    [Fact]
    public void The_hero_photo_is_a_picture_with_webp_and_jpeg_srcsets_width_and_height_and_is_not_lazy()
    {
        var site = WithImages();
        var html = SiteRenderer.RenderPage(site, site.Pages[0], RenderOptions.Live);
        var document = new HtmlParser().ParseDocument(html);

        var hero = document.QuerySelector("section[data-type=hero] picture")!;
        hero.QuerySelector("source")!.GetAttribute("type").Should().Be("image/webp");
        hero.QuerySelector("source")!.GetAttribute("srcset").Should().Be(
            $"_navo/img/{Shop}/320.webp 320w, _navo/img/{Shop}/640.webp 640w, _navo/img/{Shop}/1280.webp 1280w, _navo/img/{Shop}/1920.webp 1920w");
        var img = hero.QuerySelector("img")!;
        img.GetAttribute("src").Should().Be($"_navo/img/{Shop}/640.jpg");
        img.GetAttribute("srcset").Should().Contain($"_navo/img/{Shop}/1920.jpg 1920w");
        img.GetAttribute("sizes").Should().NotBeNullOrEmpty();
        (img.GetAttribute("width"), img.GetAttribute("height")).Should().Be(("1920", "1440"));
        img.GetAttribute("alt").Should().Be("Our shop front");
        img.HasAttribute("loading").Should().BeFalse("the hero is above the fold");
    }

    [Fact]
    public void Gallery_photos_load_lazily_at_no_more_than_their_own_width_and_the_logo_sits_in_the_header()
    {
        var site = WithImages();
        var document = new HtmlParser().ParseDocument(SiteRenderer.RenderPage(site, site.Pages[0], RenderOptions.Live));

        var photo = document.QuerySelector("section[data-type=gallery] img")!;
        photo.GetAttribute("loading").Should().Be("lazy");
        photo.GetAttribute("srcset").Should().Be($"_navo/img/{Counter}/320.jpg 320w, _navo/img/{Counter}/640.jpg 640w, _navo/img/{Counter}/1000.jpg 1000w");
        (photo.GetAttribute("width"), photo.GetAttribute("height")).Should().Be(("1000", "750"));
        document.QuerySelector("header a.brand img")!.GetAttribute("alt").Should().Be("Rosa's logo");
    }

    [Fact]
    public void Previews_fetch_images_from_the_project_library()
    {
        var site = WithImages();
        var html = SiteRenderer.RenderPage(site, site.Pages[0], new RenderOptions("/preview/p/v/3", ImageBase: "/api/v1/projects/p/assets"));

        html.Should().Contain($"src=\"/api/v1/projects/p/assets/{Shop}/640.jpg\"");
    }

    [Fact]
    public void A_site_with_images_round_trips_through_json_and_validates()
    {
        var site = WithImages();
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var again = JsonSerializer.Deserialize<Site>(JsonSerializer.Serialize(site, options), options)!;

        again.Logo.Should().Be(site.Logo);
        again.Pages[0].Sections.Single(s => s.Type == "hero").Image.Should().Be(new ImageRef(Shop, "Our shop front", 4000, 3000));
        again.Pages[0].Sections.Single(s => s.Type == "gallery").Items[0].Image!.Alt.Should().Be("Loaves on the counter");
        SiteValidator.Validate(again).Should().BeEmpty();
        SiteImages.All(again).Select(i => i.Where).Should().Equal("the logo", "the main photo", "photo 1 of the gallery");
    }
    /// <summary>Alt text (the hero's, a gallery photo's, the logo's) and captions through the XSS corpus: each stays the attribute's or the caption's text.</summary>
    [Fact]
    public void Hostile_alt_text_and_captions_stay_text()
    {
        foreach (var payload in XssTests.Payloads)
        {
            var site = WithImages();
            var page = site.Pages[0];
            var sections = page.Sections.Select(s => s with
            {
                Image = s.Image is { } image ? image with { Alt = payload } : null,
                Items = [.. s.Items.Select(i => i with
                {
                    Image = i.Image is { } image ? image with { Alt = payload } : null,
                    Fields = s.Type == "gallery" ? new Dictionary<string, string> { ["caption"] = payload } : i.Fields,
                })],
            }).ToList();
            site = site.WithPage(page with { Sections = sections }) with { Logo = site.Logo! with { Alt = payload } };

            foreach (var options in new[] { RenderOptions.Live, new RenderOptions("/preview/x", ImageBase: "/api/v1/projects/x/assets") })
            {
                var document = new HtmlParser().ParseDocument(SiteRenderer.RenderPage(site, site.Pages[0], options));

                document.QuerySelectorAll("iframe, object, embed, svg[onload], details[ontoggle], math, meta[http-equiv], base").Should().BeEmpty(payload);
                document.QuerySelectorAll("script").Where(s => !(s.GetAttribute("src")?.EndsWith("_navo/a.js", StringComparison.Ordinal) == true && s.TextContent.Length == 0)).Should().BeEmpty(
                    $"a live page runs Navo's visit counter and nothing else ({payload})");
                document.All.SelectMany(e => e.Attributes).Should().OnlyContain(a => !a.Name.StartsWith("on", StringComparison.Ordinal), payload);
                var images = document.QuerySelectorAll("img");
                images.Should().HaveCount(3, $"the hero, the gallery photo and the logo, no more ({payload})");
                images.Should().OnlyContain(img => img.GetAttribute("alt") == payload, payload);
                document.QuerySelector("section[data-type=gallery] figcaption")?.TextContent.Should().Be(payload);
            }
        }
    }
}
