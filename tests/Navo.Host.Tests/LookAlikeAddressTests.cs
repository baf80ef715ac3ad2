using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

/// <summary>
/// Unicode look-alikes of a site's address (Cyrillic а for a, full-width letters, mixed scripts, an internationalised
/// name that imitates a Latin one) are refused or read as the plain name they stand for, so no site can take an
/// address that passes for another's; a refused change writes nothing.
/// </summary>
public abstract class LookAlikeAddressTests(NavoHostFactory factory)
{
    private async Task<Guid> PublishedAsync(string description) => (await PublishedSiteAsync(description)).Id;

    private async Task<(Guid Id, string Slug)> PublishedSiteAsync(string description)
    {
        var created = await (await factory.Owner.PostAsJsonAsync("/api/v1/projects", new { description })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var published = await factory.Owner.PostAsync($"/api/v1/projects/{id}/publish", null);
        published.EnsureSuccessStatusCode();
        return (id, (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("slug").GetString()!);
    }

    public static TheoryData<string, string> LookAlikeSlugs() => new()
    {
        { "a Cyrillic а", "lookalike-b\u0430kery" },
        { "a Cyrillic о", "l\u043eokalike-bakery" },
        { "full-width letters", "\uff4c\uff4f\uff4f\uff4b\uff41\uff4c\uff49\uff4b\uff45-bakery" },
        { "the Kelvin sign for k", "looka\u212Alike-bakery" },
        { "a dotted capital I", "lookal\u0130ke-bakery" },
        { "a Greek ο", "lo\u03bfkalike-bakery" },
        { "a zero-width joiner", "lookalike\u200d-bakery" },
        { "a soft hyphen", "lookalike\u00ad-bakery" },
        { "an encoded name", "xn--lookalike-bakery" },
        { "percent-encoded Cyrillic", "lookalike-b%D0%B0kery" },
    };

    [Theory]
    [MemberData(nameof(LookAlikeSlugs))]
    public async Task A_look_alike_address_is_refused_and_the_real_one_keeps_its_site(string name, string slug)
    {
        var (_, realSlug) = await PublishedSiteAsync("Lookalike Bakery is a bakery in Viseu.");
        var other = await PublishedAsync("Imposter Crafts is a craft shop in Viseu.");
        var before = await factory.Database.SettledFingerprintAsync();

        var response = await factory.Owner.PutAsJsonAsync($"/api/v1/projects/{other}/slug", new { slug });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, name);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("lower-case letters, digits and single hyphens");
        (await factory.Database.FingerprintAsync()).Should().Equal(before, $"nothing is written for {name}");
        (await factory.Owner.GetStringAsync($"/s/{realSlug}/")).Should().Contain("Lookalike Bakery");
    }

    [Fact]
    public async Task A_look_alike_address_in_a_request_finds_no_site()
    {
        var (_, slug) = await PublishedSiteAsync("Homoglyph Tea is a tea room in Tomar.");
        slug.Should().Be("homoglyph-tea");
        (await factory.Owner.GetAsync($"/s/{slug}/")).StatusCode.Should().Be(HttpStatusCode.OK);

        foreach (var path in new[] { "/s/homoglyph-te%D0%B0/", "/s/%EF%BD%88omoglyph-tea/" })
        {
            var response = await factory.Owner.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, path);
            (await response.Content.ReadAsStringAsync()).Should().NotContain("Homoglyph Tea", path);
        }

        // Host names arrive in ASCII: the encoded form of a look-alike is its own name, and no slug can be one.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "xn--homoglyph-te-5ij.navo.test";
        (await (await factory.Owner.SendAsync(request)).Content.ReadAsStringAsync()).Should().NotContain("Homoglyph Tea");
    }

    public static TheoryData<string> LookAlikeDomains() =>
    [
        "www.r\u043esas-bakery.com",
        "\u0430\u0440\u0440\u04cf\u0435.com",
        "xn--80ak6aa92e.com",
        "pa\u03b3pal.com",
        "shop.\u043c\u043e\u0441kva.ru",
    ];

    [Theory]
    [MemberData(nameof(LookAlikeDomains))]
    public async Task A_look_alike_domain_is_refused_and_nothing_is_written(string domain)
    {
        var id = await PublishedAsync("Mirror Glass is a glazier in Leiria.");
        var before = await factory.Database.SettledFingerprintAsync();

        var response = await factory.Owner.PostAsJsonAsync($"/api/v1/projects/{id}/domains", new { domain });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, domain);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("mixes alphabets");
        (await factory.Database.FingerprintAsync()).Should().Equal(before);
    }

    [Fact]
    public async Task A_full_width_domain_is_the_same_domain_so_a_second_site_cannot_take_it()
    {
        var first = await PublishedAsync("Wide Letters is a print shop in Beja.");
        var second = await PublishedAsync("Narrow Letters is a print shop in Beja.");
        var added = await factory.Owner.PostAsJsonAsync($"/api/v1/projects/{first}/domains", new { domain = "www.wide-letters.example" });
        added.StatusCode.Should().Be(HttpStatusCode.Created);
        (await factory.Owner.PostAsync($"/api/v1/projects/{first}/domains/www.wide-letters.example/verify", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var before = await factory.Database.SettledFingerprintAsync();

        var fullWidth = await factory.Owner.PostAsJsonAsync($"/api/v1/projects/{second}/domains",
            new { domain = "www.\uff57\uff49\uff44\uff45-letters.example" });

        fullWidth.StatusCode.Should().Be(HttpStatusCode.Conflict, "it reads as the plain name, which another site holds");
        (await fullWidth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Be("www.wide-letters.example is already connected to another site.");
        (await factory.Database.FingerprintAsync()).Should().Equal(before);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "www.wide-letters.example";
        (await (await factory.Owner.SendAsync(request)).Content.ReadAsStringAsync()).Should().Contain("Wide Letters");
    }
}

public sealed class LookAlikeAddressInTestingTests(NavoHostFactory factory) : LookAlikeAddressTests(factory), IClassFixture<NavoHostFactory>;

public sealed class LookAlikeAddressInDevelopmentTests(DevelopmentHostFactory factory) : LookAlikeAddressTests(factory), IClassFixture<DevelopmentHostFactory>;
