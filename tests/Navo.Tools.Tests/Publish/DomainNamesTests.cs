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

    [Theory]
    [InlineData("rosas-bakery", null)]
    [InlineData("cafe-2", null)]
    [InlineData("studio", "reserved")]
    [InlineData("preview", "reserved")]
    [InlineData("-rosas", "single hyphens")]
    [InlineData("rosas--bakery", "single hyphens")]
    [InlineData("Rosas", "lower-case")]
    [InlineData("ro", "3 to 60")]
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
