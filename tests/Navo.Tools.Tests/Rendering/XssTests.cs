using AngleSharp.Html.Parser;
using Navo.Tools.Rendering;
using Navo.Tools.Sites;

namespace Navo.Tools.Tests.Rendering;

/// <summary>
/// Hostile text in every field and hostile links in every link field never yield an executable element or
/// attribute: checked by parsing the output as a browser would.
/// </summary>
public sealed class XssTests
{
    // From the OWASP XSS filter evasion cheat sheet, plus a few of our own.
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>",
        "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=javascript:alert('XSS')>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
        "<IMG SRC=# onmouseover=\"alert('xxs')\">",
        "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
        "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
        "<IMG SRC=\"jav\tascript:alert('XSS');\">",
        "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
        "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
        "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
        "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
        "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
        "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
        "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
        "<svg/onload=alert('XSS')>",
        "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
        "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
        "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
        "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
        "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "</style><script>alert(1)</script>",
        "<details open ontoggle=alert(1)>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "{{constructor.constructor('alert(1)')()}}",
    ];

    public static readonly string[] HostileLinks =
    [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
        "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "javascript&colon;alert(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "VBScript:msgbox(1)", "//evil.example/x", "\\\\evil.example",
        "/\\evil.example", "\u0000javascript:alert(1)", "jav&#x09;ascript:alert(1)", "javascript\u2028:alert(1)",
    ];

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
