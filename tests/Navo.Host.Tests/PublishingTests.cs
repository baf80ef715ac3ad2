using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Navo.Host.Tests.Support;
using Navo.Tools.Rendering;
using Navo.Tools.Sites;

namespace Navo.Host.Tests;

public sealed class PublishingTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private readonly HttpClient _client = factory.Owner;

    private async Task<(Guid Id, Site Site)> GenerateAsync(string description)
    {
        var created = await (await _client.PostAsJsonAsync("/api/v1/projects", new { description })).Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetGuid(), created.GetProperty("site").Deserialize<Site>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!);
    }

    private async Task<JsonElement> PostAsync(string path, object? body = null)
    {
        var response = await _client.PostAsJsonAsync(path, body ?? new { });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_live_page_is_the_published_version_rendered_for_its_address_with_strict_headers()
    {
        var (id, site) = await GenerateAsync("Lumen Studio is a photography studio in Faro. We do portraits and weddings.");

        var published = await PostAsync($"/api/v1/projects/{id}/publish");

        var url = published.GetProperty("live").GetProperty("url").GetString()!;
        url.Should().Be("/s/lumen-studio/");
        var live = await _client.GetAsync(url);
        live.StatusCode.Should().Be(HttpStatusCode.OK);
        (await live.Content.ReadAsStringAsync()).Should().Be(SiteRenderer.RenderPage(site, site.Pages[0], RenderOptions.Live));
        live.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("default-src 'none'");
        live.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        live.Headers.GetValues("Referrer-Policy").Single().Should().Be("strict-origin-when-cross-origin");
        live.Headers.CacheControl!.Public.Should().BeTrue();

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.TryAddWithoutValidation("If-None-Match", live.Headers.ETag!.Tag);
        (await _client.SendAsync(again)).StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("published").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task The_live_site_leaves_out_sample_reviews_team_members_and_figures_that_the_preview_marks()
    {
        var (id, site) = await GenerateAsync("Harbour Lights is an estate agent in Whitby: sales and lettings.");
        var sampleTexts = site.Pages.SelectMany(p => p.Sections).SelectMany(s => s.Items.Where(i => i.Sample).SelectMany(i => i.Fields.Values))
            .Where(t => t.Length > 3).ToList();
        site.Pages.SelectMany(p => p.Sections).Where(s => s.HasSample).Select(s => s.Type).Should().Contain(["testimonials", "team", "stats"],
            "the estate agents' pack drafts reviews, a team and figures, none of which the owner gave");
        sampleTexts.Should().NotBeEmpty();

        var version = (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("version").GetInt64();
        var preview = await _client.GetStringAsync($"/preview/{id}/v/{version}/");
        preview.Should().Contain("Sample — replace with your own");

        var published = await PostAsync($"/api/v1/projects/{id}/publish");
        var live = await _client.GetStringAsync(published.GetProperty("live").GetProperty("url").GetString()!);
        live.Should().NotContain("Sample — replace with your own").And.NotContain("data-type=\"testimonials\"")
            .And.NotContain("data-type=\"team\"").And.NotContain("data-type=\"stats\"");
        foreach (var text in sampleTexts)
        {
            live.Should().NotContain(SiteRenderer.E(text), "sample content never reaches the live site");
        }

        live.Should().Contain("Harbour Lights").And.Contain("Whitby");
    }

    [Fact]
    public async Task Republishing_rollback_and_unpublish_move_what_is_live()
    {
        var (id, _) = await GenerateAsync("Casa Limão is a restaurant in Tavira serving grilled fish.");
        await PostAsync($"/api/v1/projects/{id}/publish");
        using (var edit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{id}/operations")
        {
            Content = new StringContent("""{"operations":[{"op":"set_text","section":"hero","field":"headline","value":"Fish, fire and friends"}]}""", Encoding.UTF8, "application/json"),
        })
        {
            (await _client.SendAsync(edit)).EnsureSuccessStatusCode();
        }

        var second = await PostAsync($"/api/v1/projects/{id}/publish");
        var url = second.GetProperty("live").GetProperty("url").GetString()!;
        (await _client.GetStringAsync(url)).Should().Contain("Fish, fire and friends");

        var rolledBack = await PostAsync($"/api/v1/projects/{id}/rollback");
        rolledBack.GetProperty("live").GetProperty("version").GetInt64().Should().Be(2);
        (await _client.GetStringAsync(url)).Should().NotContain("Fish, fire and friends");

        await PostAsync($"/api/v1/projects/{id}/unpublish");
        var gone = await _client.GetAsync(url);
        gone.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await gone.Content.ReadAsStringAsync()).Should().Contain("This site is offline");
    }

    [Fact]
    public async Task A_live_site_also_answers_on_its_own_subdomain_and_compresses()
    {
        var (id, site) = await GenerateAsync("Onda Surf is a shop in Peniche selling surfboards.");
        await PostAsync($"/api/v1/projects/{id}/publish");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "onda-surf.navo.test";
        request.Headers.AcceptEncoding.ParseAdd("br");
        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().Equal("br");
        await using var brotli = new System.IO.Compression.BrotliStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        (await new StreamReader(brotli).ReadToEndAsync()).Should().Be(SiteRenderer.RenderPage(site, site.Pages[0], RenderOptions.Live));
    }

    [Fact]
    public async Task Slugs_are_unique_and_unknown_addresses_get_a_friendly_404()
    {
        var (first, _) = await GenerateAsync("Twin Bakery is a bakery in Braga.");
        var (second, _) = await GenerateAsync("Twin Bakery is a bakery in Braga.");

        (await PostAsync($"/api/v1/projects/{first}/publish")).GetProperty("live").GetProperty("slug").GetString().Should().Be("twin-bakery");
        (await PostAsync($"/api/v1/projects/{second}/publish")).GetProperty("live").GetProperty("slug").GetString().Should().Be("twin-bakery-2");

        var missing = await _client.GetAsync("/s/no-such-site/");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).Should().Contain("There is no site at this address.");
        (await _client.PostAsJsonAsync($"/api/v1/projects/{first}/rollback", new { version = 99 })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }
}
