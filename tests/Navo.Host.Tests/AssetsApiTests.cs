using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Navo.Host.Tests.Support;
using Navo.Testing;

namespace Navo.Host.Tests;

/// <summary>The image library over HTTP: upload, list, read, delete, refusals, roles, tenancy, and images on live pages.</summary>
public sealed class AssetsApiTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private readonly HttpClient _client = factory.Owner;

    private async Task<Guid> DraftAsync(string description) =>
        (await (await _client.PostAsJsonAsync("/api/v1/projects", new { description })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid project, byte[] bytes, string fileName, string contentType) =>
        client.UploadImageAsync(project, bytes, fileName, contentType);

    private async Task<JsonElement[]> ListAsync(Guid project) => (await _client.GetFromJsonAsync<JsonElement[]>($"/api/v1/projects/{project}/assets"))!;

    private async Task<HttpResponseMessage> OperateAsync(Guid id, string operations) =>
        await _client.PostAsync($"/api/v1/projects/{id}/operations", new StringContent($$"""{"operations":{{operations}}}""", Encoding.UTF8, "application/json"));

    [Fact]
    public async Task An_upload_is_stored_once_by_its_hash_listed_read_served_and_deleted()
    {
        var project = await DraftAsync("Bloom Room is a florist in Bath.");
        var photo = TestImages.Jpeg(1500, 1000);

        var created = await UploadAsync(_client, project, photo, "bouquet.jpg", "image/jpeg");

        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var asset = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = asset.GetProperty("id").GetString()!;
        id.Should().Be(Convert.ToHexStringLower(SHA256.HashData(photo)));
        created.Headers.Location!.ToString().Should().Be($"/api/v1/projects/{project}/assets/{id}");
        (asset.GetProperty("width").GetInt32(), asset.GetProperty("height").GetInt32(), asset.GetProperty("format").GetString()).Should().Be((1500, 1000, "jpeg"));
        asset.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("name").GetString()).Should().Equal(
            "1500.webp", "1500.jpg", "1280.webp", "1280.jpg", "640.webp", "640.jpg", "320.webp", "320.jpg");

        var again = await UploadAsync(_client, project, photo, "same-again.jpg", "image/jpeg");
        again.StatusCode.Should().Be(HttpStatusCode.OK, "the same bytes are the same image");
        (await ListAsync(project)).Select(a => a.GetProperty("id").GetString()).Should().Equal(id);
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/assets/{id}")).GetProperty("fileName").GetString().Should().Be("bouquet.jpg");

        var file = await _client.GetAsync($"/api/v1/projects/{project}/assets/{id}/640.webp");
        file.StatusCode.Should().Be(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.Should().Be("image/webp");
        TestImages.Read(await file.Content.ReadAsByteArrayAsync(), 0, 0).Width.Should().Be(640);

        (await _client.DeleteAsync($"/api/v1/projects/{project}/assets/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await ListAsync(project)).Should().BeEmpty();
        (await _client.GetAsync($"/api/v1/projects/{project}/assets/{id}/640.webp")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_photo_with_a_GPS_position_is_served_with_no_EXIF_or_GPS_in_any_copy()
    {
        var project = await DraftAsync("Salt and Pine is a café in Oban.");
        var photo = TestImages.Jpeg(2000, 1500, gps: true);
        TestImages.Fields(photo).Should().Contain("exif-ifd3-GPSLatitude");

        var asset = await (await UploadAsync(_client, project, photo, "IMG_0042.JPG", "image/jpeg")).Content.ReadFromJsonAsync<JsonElement>();

        foreach (var variant in asset.GetProperty("variants").EnumerateArray())
        {
            var bytes = await _client.GetByteArrayAsync(variant.GetProperty("url").GetString());
            TestImages.HasMetadata(bytes).Should().BeFalse($"{variant.GetProperty("name").GetString()} must carry no metadata");
        }
    }

    [Fact]
    public async Task A_sideways_photo_is_stored_upright()
    {
        var project = await DraftAsync("Tall Tales is a bookshop in Hay.");

        var asset = await (await UploadAsync(_client, project, TestImages.Jpeg(800, 400, orientation: 6), "shelf.jpg", "image/jpeg")).Content.ReadFromJsonAsync<JsonElement>();

        (asset.GetProperty("width").GetInt32(), asset.GetProperty("height").GetInt32()).Should().Be((400, 800));
        var largest = await _client.GetByteArrayAsync(asset.GetProperty("variants")[1].GetProperty("url").GetString());
        TestImages.Read(largest, 0.5, 0.1).Should().Match<(int Width, int Height, double[] Pixel)>(r => r.Width == 400 && r.Height == 800 && r.Pixel[0] > 150);
    }

    [Fact]
    public async Task Viewers_may_look_but_not_upload_or_delete_and_another_workspace_sees_nothing()
    {
        var project = await DraftAsync("North Light is a photography studio in Hull.");
        var id = (await (await UploadAsync(_client, project, TestImages.Png(400, 300), "logo.png", "image/png")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var viewer = await factory.MemberAsync("viewer");
        var stranger = await factory.SignUpAsync();

        (await viewer.GetFromJsonAsync<JsonElement[]>($"/api/v1/projects/{project}/assets")).Should().ContainSingle();
        (await UploadAsync(viewer, project, TestImages.Png(10, 10), "x.png", "image/png")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await viewer.DeleteAsync($"/api/v1/projects/{project}/assets/{id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await stranger.GetAsync($"/api/v1/projects/{project}/assets")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/v1/projects/{project}/assets/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/v1/projects/{project}/assets/{id}/320.webp")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.DeleteAsync($"/api/v1/projects/{project}/assets/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await UploadAsync(stranger, project, TestImages.Png(10, 10), "x.png", "image/png")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var strangerProject = (await (await stranger.PostAsJsonAsync("/api/v1/projects", new { description = "Elsewhere is a bakery in York." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var borrowed = await stranger.PostAsync($"/api/v1/projects/{strangerProject}/operations",
            new StringContent($$"""{"operations":[{"op":"set_image","section":"hero","image":"{{id}}","alt":"x"}]}""", Encoding.UTF8, "application/json"));
        borrowed.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "another workspace's image is not in this project's library");
        (await ListAsync(project)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_hero_photo_needs_its_alt_text_to_publish_and_goes_live_with_srcset_width_height_and_a_year_of_caching()
    {
        var project = await DraftAsync("Harbour Bakes is a bakery in Whitby.");
        var id = (await (await UploadAsync(_client, project, TestImages.Jpeg(2400, 1600, gps: true), "front.jpg", "image/jpeg")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        (await OperateAsync(project, $$"""[{"op":"set_image","section":"hero","image":"{{id}}"}]""")).StatusCode.Should().Be(HttpStatusCode.OK);
        var preview = await _client.GetStringAsync($"/preview/{project}/");
        preview.Should().Contain($"/api/v1/projects/{project}/assets/{id}/640.jpg");

        var refused = await _client.PostAsync($"/api/v1/projects/{project}/publish", null);
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().StartWith("Before the site goes live, say what the main photo shows");
        (await _client.DeleteAsync($"/api/v1/projects/{project}/assets/{id}")).StatusCode.Should().Be(HttpStatusCode.Conflict, "the site shows it");

        (await OperateAsync(project, """[{"op":"set_image","section":"hero","alt":"Our shop front on the harbour"}]""")).StatusCode.Should().Be(HttpStatusCode.OK);
        var published = await _client.PostAsync($"/api/v1/projects/{project}/publish", null);
        published.StatusCode.Should().Be(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var url = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("url").GetString()!;

        var live = await _client.GetAsync(url);
        live.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("img-src 'self' data:");
        var img = new HtmlParser().ParseDocument(await live.Content.ReadAsStringAsync()).QuerySelector("section[data-type=hero] img")!;
        img.GetAttribute("srcset").Should().Contain($"_navo/img/{id}/1920.jpg 1920w");
        (img.GetAttribute("width"), img.GetAttribute("height"), img.GetAttribute("alt")).Should().Be(("1920", "1280", "Our shop front on the harbour"));
        img.HasAttribute("loading").Should().BeFalse();

        var image = await _client.GetAsync(url + img.GetAttribute("src"));
        image.StatusCode.Should().Be(HttpStatusCode.OK);
        image.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        image.Headers.CacheControl!.ToString().Should().Be("public, max-age=31536000, immutable");
        TestImages.HasMetadata(await image.Content.ReadAsByteArrayAsync()).Should().BeFalse();
        (await _client.GetAsync(url + $"_navo/img/{id}/1920.webp")).Content.Headers.ContentType!.MediaType.Should().Be("image/webp");
    }
}
