using Navo.Tools.Publish;
using Navo.Tools.Sites;

namespace Navo.Tools.Tests.Publish;

public sealed class DomainNamesTests
{
    [Theory]
    [InlineData("www.rosas-bakery.com", "www.rosas-bakery.com")]
    [InlineData("  WWW.Rosas-Bakery.COM. ", "www.rosas-bakery.com")]
    [InlineData("https://shop.rosas.pt/menu?x=1", "shop.rosas.pt")]
    [InlineData("pão.example", "xn--po-sia.example")]
    public void A_domain_is_read_into_its_ascii_host_name(string typed, string host)
    {
        DomainNames.TryRead(typed, "navo.site", out var read).Should().BeNull();
        read.Should().Be(host);
    }

    [Theory]
    [InlineData("", "Say which domain")]
    [InlineData("localhost", "not an address")]
    [InlineData("192.168.0.10", "not an address")]
    [InlineData("http://[::1]/", "not an address")]
    [InlineData("shop", "not a domain name")]
    [InlineData("under_score.example", "not a domain name")]
    [InlineData("a..example", "not a domain name")]
    [InlineData("files.internal", "local name")]
    [InlineData("nas.local", "local name")]
    [InlineData("navo.site", "come with the site")]
    [InlineData("rosas.navo.site", "come with the site")]
    [InlineData("https://shop.example:8443/", "domain alone")]
    [InlineData("javascript:alert(1)//x.example", "not a domain name")]
    public void Anything_but_a_public_domain_name_is_refused_with_a_reason(string typed, string reason)
    {
        DomainNames.TryRead(typed, "navo.site", out var host).Should().Contain(reason);
        host.Should().BeEmpty();
    }

    /// <summary>Names that would pass for another site's (Latin letters imitated by Cyrillic or Greek ones, or mixed with them).</summary>
    [Theory]
    [InlineData("r\u043esas.com")] // Cyrillic о in a Latin word
    [InlineData("www.r\u043esas-bakery.com")]
    [InlineData("\u0430\u0440\u0440\u04cf\u0435.com")] // аррӏе: wholly Cyrillic, every letter a Latin look-alike
    [InlineData("\u03bf\u03c1\u03c4\u03bf.com")] // ορτο: wholly Greek look-alikes
    [InlineData("pa\u03b3pal.com")] // Greek γ for y
    [InlineData("\u043c\u043e\u0441kva.ru")] // Cyrillic and Latin in one label
    [InlineData("xn--80ak6aa92e.com")] // аррӏе typed as its ASCII form
    [InlineData("\u24e1osas.com")] // ⓡ, a circled letter
    [InlineData("\U0001d42bosas.com")] // 𝐫, a mathematical letter
    [InlineData("\u211cosas.com")] // ℜ
    public void A_look_alike_domain_is_refused(string typed)
    {
        DomainNames.TryRead(typed, "navo.site", out var host).Should().Contain("mixes alphabets");
        host.Should().BeEmpty();
    }

    /// <summary>Full-width letters are the same letters: they are read as plain ASCII, so they name the same domain.</summary>
    [Theory]
    [InlineData("\uff52\uff4f\uff53\uff41\uff53.com", "rosas.com")]
    [InlineData("ROSAS.\uff43\uff4f\uff4d", "rosas.com")]
    [InlineData("\uff32\uff2f\uff33\uff21\uff33\u3002com", "rosas.com")] // capitals and an ideographic full stop
    [InlineData("\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444", "xn--e1afmkfd.xn--p1ai")] // пример.рф: a Cyrillic name in its own right
    [InlineData("\u4f8b\u3048.jp", "xn--r8jz45g.jp")]
    public void Full_width_letters_are_normalised_and_single_script_names_are_kept(string typed, string host)
    {
        DomainNames.TryRead(typed, "navo.site", out var read).Should().BeNull();
        read.Should().Be(host);
    }

    [Theory]
    [InlineData("rosas-bakery", null)]
    [InlineData("cafe-2", null)]
    [InlineData("studio", "reserved")]
    [InlineData("preview", "reserved")]
    [InlineData("-rosas", "single hyphens")]
    [InlineData("rosas--bakery", "single hyphens")]
    [InlineData("Rosas", "lower-case")]
    [InlineData("ro", "3 to 60")]
    [InlineData("r\u043esas", "lower-case")] // Cyrillic о
    [InlineData("\uff52\uff4f\uff53\uff41\uff53", "lower-case")] // full-width
    [InlineData("xn--rsas-bakery", "single hyphens")] // no address can look like an encoded name
    public void Addresses_are_short_lower_case_words_navo_does_not_keep(string slug, string? reason)
    {
        var problem = Slugs.Problem(slug);
        if (reason is null)
        {
            problem.Should().BeNull();
        }
        else
        {
            problem.Should().Contain(reason);
        }
    }
}
