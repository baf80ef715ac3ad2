using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Apis;
using Navo.Host.Tests.Support;
using Navo.Tools.Rendering;
using Navo.Tools.Sites;

namespace Navo.Host.Tests;

/// <summary>Where a live site answers: relative links, the owner's choice of address, and connected domains.</summary>
public sealed class SiteAddressTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await factory.SignUpAsync(options: new() { AllowAutoRedirect = false });

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(Guid Id, Site Site)> PublishedAsync(string description)
    {
        var created = await (await _client.PostAsJsonAsync("/api/v1/projects", new { description })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        (await _client.PostAsync($"/api/v1/projects/{id}/publish", null)).EnsureSuccessStatusCode();
        var site = (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("site");
        return (id, site.Deserialize<Site>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, HttpClient? client = null, string? host = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return await (client ?? _client).SendAsync(request);
    }

    /// <summary>Whether <paramref name="host"/>'s home page is the site (an unmapped host gets Navo's own landing page).</summary>
    private async Task<bool> ServesTheSiteAsync(string host, string business) =>
        (await (await SendAsync(HttpMethod.Get, "/", host: host)).Content.ReadAsStringAsync()).Contains(business, StringComparison.Ordinal);

    [Fact]
    public async Task Live_pages_link_relatively_so_every_address_serves_the_same_bytes()
    {
        var (id, _) = await PublishedAsync("Quinta Verde is a restaurant in Évora.");
        using (var addPage = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{id}/operations")
        {
            Content = JsonContent.Create(new { operations = new object[] { new { op = "add_page", title = "Wines" } } }),
        })
        {
            (await _client.SendAsync(addPage)).EnsureSuccessStatusCode();
        }

        (await _client.PostAsync($"/api/v1/projects/{id}/publish", null)).EnsureSuccessStatusCode();

        var home = await _client.GetStringAsync("/s/quinta-verde/");
        home.Should().Contain("href=\"./\"").And.Contain("href=\"./wines\"").And.Contain("action=\"_navo/form\"").And.NotContain("/s/quinta-verde");
        var wines = await _client.GetAsync(new Uri(new Uri("http://localhost/s/quinta-verde/"), "./wines"));
        wines.StatusCode.Should().Be(HttpStatusCode.OK);
        var onSubdomain = await SendAsync(HttpMethod.Get, "/wines", host: "quinta-verde.navo.test");
        (await _client.GetStringAsync("/s/quinta-verde/wines")).Should().Be(await onSubdomain.Content.ReadAsStringAsync());

        // Relative links need the home page to end in a slash and other pages not to.
        var bare = await _client.GetAsync("/s/quinta-verde");
        bare.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        new Uri(new Uri("http://localhost/s/quinta-verde"), bare.Headers.Location!).AbsolutePath.Should().Be("/s/quinta-verde/");
        var slashed = await _client.GetAsync("/s/quinta-verde/wines/");
        slashed.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        new Uri(new Uri("http://localhost/s/quinta-verde/wines/"), slashed.Headers.Location!).AbsolutePath.Should().Be("/s/quinta-verde/wines");
    }

    [Fact]
    public async Task The_owner_moves_a_live_site_to_a_new_address_and_the_old_one_is_freed()
    {
        var (id, site) = await PublishedAsync("Pedra Alta is a climbing gym in Sintra.");
        var etag = (await _client.GetAsync("/s/pedra-alta/")).Headers.ETag!.Tag;

        var moved = await SendAsync(HttpMethod.Put, $"/api/v1/projects/{id}/slug", new { slug = "pedra-alta-sintra" });

        moved.StatusCode.Should().Be(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString().Should().Be("/s/pedra-alta-sintra/");
        var live = await _client.GetAsync("/s/pedra-alta-sintra/");
        live.StatusCode.Should().Be(HttpStatusCode.OK);
        live.Headers.ETag!.Tag.Should().Be(etag, "the pages are the same files under any address");
        (await live.Content.ReadAsStringAsync()).Should().Be(SiteRenderer.RenderPage(site, site.Pages[0], RenderOptions.Live));
        (await _client.GetAsync("/s/pedra-alta/")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("slug").GetString().Should().Be("pedra-alta-sintra");

        // Republishing and rolling back keep the chosen address; the history says what happened.
        (await (await _client.PostAsync($"/api/v1/projects/{id}/publish", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("live").GetProperty("slug").GetString().Should().Be("pedra-alta-sintra");
        (await (await _client.PostAsJsonAsync($"/api/v1/projects/{id}/rollback", new { version = 2 })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("live").GetProperty("slug").GetString().Should().Be("pedra-alta-sintra");
        (await _client.GetFromJsonAsync<JsonElement[]>($"/api/v1/projects/{id}/history"))!
            .Select(e => e.GetProperty("summary").GetString()).Should().Contain("Moved the site's address to /s/pedra-alta-sintra/");

        // The freed address can be taken by another site.
        var (other, _) = await PublishedAsync("Pedra Alta is a climbing gym in Sintra.");
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{other}")).GetProperty("slug").GetString().Should().Be("pedra-alta");
    }

    [Theory]
    [InlineData("studio", HttpStatusCode.UnprocessableEntity, "reserved")]
    [InlineData("api", HttpStatusCode.UnprocessableEntity, "reserved")]
    [InlineData("Bad Slug!", HttpStatusCode.UnprocessableEntity, "lower-case letters")]
    [InlineData("ab", HttpStatusCode.UnprocessableEntity, "3 to 60")]
    [InlineData("taken-bakery", HttpStatusCode.Conflict, "Another site already uses /s/taken-bakery/")]
    public async Task Reserved_malformed_and_taken_addresses_are_refused_and_nothing_changes(string slug, HttpStatusCode status, string reason)
    {
        await PublishedAsync("Taken Bakery is a bakery in Porto.");
        var (id, _) = await PublishedAsync("Free Florist is a flower shop in Porto.");
        var before = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");

        var response = await SendAsync(HttpMethod.Put, $"/api/v1/projects/{id}/slug", new { slug });

        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain(reason);
        var after = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        after.GetProperty("version").GetInt64().Should().Be(before.GetProperty("version").GetInt64());
        after.GetProperty("slug").GetString().Should().Be(before.GetProperty("slug").GetString());
    }

    [Theory]
    [InlineData("editor")]
    [InlineData("viewer")]
    public async Task Only_the_owner_changes_where_a_site_answers(string role)
    {
        var (id, _) = await PublishedAsync("Role Check Café is a café in Aveiro.");
        var member = await factory.MemberAsync(role, _client);

        (await SendAsync(HttpMethod.Put, $"/api/v1/projects/{id}/slug", new { slug = "someone-elses" }, member)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await SendAsync(HttpMethod.Post, $"/api/v1/projects/{id}/domains", new { domain = "www.role-check.example" }, member)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await member.GetFromJsonAsync<JsonElement[]>($"/api/v1/projects/{id}/domains")).Should().BeEmpty("members read what owners change");
        (await _client.GetFromJsonAsync<JsonElement[]>($"/api/v1/projects/{id}/domains")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_connected_domain_serves_the_site_once_verified_and_stops_when_removed()
    {
        var (id, site) = await PublishedAsync("Lumiar Photo is a photography studio in Lisbon.");

        var added = await SendAsync(HttpMethod.Post, $"/api/v1/projects/{id}/domains", new { domain = "https://WWW.Lumiar-Photo.example/" });

        added.StatusCode.Should().Be(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var domain = await added.Content.ReadFromJsonAsync<JsonElement>();
        domain.GetProperty("host").GetString().Should().Be("www.lumiar-photo.example");
        domain.GetProperty("verified").GetBoolean().Should().BeFalse();
        domain.GetProperty("instructions").GetString().Should().Contain("CNAME").And.Contain("lumiar-photo.navo.test");
        (await ServesTheSiteAsync("www.lumiar-photo.example", "Lumiar Photo")).Should().BeFalse("it is not verified yet");

        var verified = await SendAsync(HttpMethod.Post, $"/api/v1/projects/{id}/domains/www.lumiar-photo.example/verify");

        verified.StatusCode.Should().Be(HttpStatusCode.OK, await verified.Content.ReadAsStringAsync());
        (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verified").GetBoolean().Should().BeTrue();
        var home = await SendAsync(HttpMethod.Get, "/", host: "www.lumiar-photo.example");
        home.StatusCode.Should().Be(HttpStatusCode.OK);
        (await home.Content.ReadAsStringAsync()).Should().Be(SiteRenderer.RenderPage(site, site.Pages[0], RenderOptions.Live));
        home.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("default-src 'none'");
        (await SendAsync(HttpMethod.Get, "/s/taken-elsewhere/", host: "www.lumiar-photo.example")).StatusCode
            .Should().Be(HttpStatusCode.NotFound, "a domain serves its own site only");
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/history")).EnumerateArray()
            .Select(e => e.GetProperty("summary").GetString()).Should().Contain("Connected www.lumiar-photo.example");

        // Another site cannot take a verified domain.
        var (other, _) = await PublishedAsync("Copycat Photo is a photography studio in Lisbon.");
        (await SendAsync(HttpMethod.Post, $"/api/v1/projects/{other}/domains", new { domain = "www.lumiar-photo.example" })).StatusCode
            .Should().Be(HttpStatusCode.Conflict);

        (await SendAsync(HttpMethod.Delete, $"/api/v1/projects/{id}/domains/www.lumiar-photo.example")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await ServesTheSiteAsync("www.lumiar-photo.example", "Lumiar Photo")).Should().BeFalse();
        (await _client.GetFromJsonAsync<JsonElement[]>($"/api/v1/projects/{id}/domains")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_domain_that_points_elsewhere_is_not_verified()
    {
        var (id, _) = await PublishedAsync("Elsewhere Yoga is a yoga studio in Cascais.");
        (await SendAsync(HttpMethod.Post, $"/api/v1/projects/{id}/domains", new { domain = "www.elsewhere.example" })).EnsureSuccessStatusCode();

        var verify = await SendAsync(HttpMethod.Post, $"/api/v1/projects/{id}/domains/www.elsewhere.example/verify");

        verify.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await verify.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("not as Navo").And.Contain("CNAME");
        (await _client.GetFromJsonAsync<JsonElement[]>($"/api/v1/projects/{id}/domains"))!.Single().GetProperty("verified").GetBoolean().Should().BeFalse();
        (await ServesTheSiteAsync("www.elsewhere.example", "Elsewhere Yoga")).Should().BeFalse();
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("10.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("intranet")]
    [InlineData("printer.local")]
    [InlineData("shop.navo.test")]
    [InlineData("bad_host!.example")]
    [InlineData("ftp://files.example/")]
    public async Task Addresses_local_names_and_navos_own_domain_cannot_be_connected(string domain)
    {
        var (id, _) = await PublishedAsync("Bad Domain Books is a bookshop in Coimbra.");

        var response = await SendAsync(HttpMethod.Post, $"/api/v1/projects/{id}/domains", new { domain });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await _client.GetFromJsonAsync<JsonElement[]>($"/api/v1/projects/{id}/domains")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.5", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", true)]
    public void The_verification_request_only_goes_to_public_addresses(string address, bool allowed) =>
        DomainVerifier.IsPublic(IPAddress.Parse(address)).Should().Be(allowed);
}
