using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;
using Navo.Testing;
using Navo.Tools.Assets;

namespace Navo.Host.Tests;

/// <summary>
/// Uploads Navo must refuse (a false extension, too many pixels, a decompression bomb, not an image, too big, a GIF):
/// a clear 422 and nothing stored, in Development (the mode <c>./build.sh run</c> uses) and in Production.
/// </summary>
public abstract class ImageRefusalTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : NavoHostFactory
{
    private readonly HttpClient _client = factory.Owner;

    public static TheoryData<string, string, string, string> Refused() => new()
    {
        { "false extension", "photo.png", "image/png", "says it is a PNG but holds a JPEG image" },
        { "60 megapixels", "huge.jpg", "image/jpeg", "(60 megapixels); Navo takes up to 40 megapixels" },
        { "decompression bomb", "bomb.png", "image/png", "so it was not opened" },
        { "not an image", "menu.jpg", "image/jpeg", "That file is not an image Navo can read" },
        { "over 15 MB", "big.jpg", "image/jpeg", "images can be at most 15 MB" },
        { "a GIF", "anim.gif", "image/gif", "Navo takes JPEG, PNG and WebP images" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Refused_files_get_a_clear_422_and_nothing_is_stored(string what, string fileName, string contentType, string reason)
    {
        var project = (await (await _client.PostAsJsonAsync("/api/v1/projects", new { description = "Kiln Corner is a pottery studio in Stroud." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var bytes = what switch
        {
            "false extension" => TestImages.Jpeg(300, 200),
            "60 megapixels" => TestImages.Jpeg(10_000, 6_000, quality: 40),
            "decompression bomb" => TestImages.Bomb(),
            "not an image" => "Soup of the day: leek and potato"u8.ToArray(),
            "over 15 MB" => [.. TestImages.Jpeg(100, 100), .. new byte[ImageProcessor.MaxBytes]],
            _ => TestImages.Gif(40, 40),
        };
        var files = Directory.GetFiles(factory.DataPath, "*", SearchOption.AllDirectories).Length;

        var response = await _client.UploadImageAsync(project, bytes, fileName, contentType);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, what);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain(reason);
        (await _client.GetFromJsonAsync<JsonElement[]>($"/api/v1/projects/{project}/assets")).Should().BeEmpty();
        Directory.GetFiles(factory.DataPath, "*", SearchOption.AllDirectories).Length.Should().Be(files, "nothing was written to storage");
    }
}

public sealed class ImageRefusalTestsInDevelopment(DevelopmentHostFactory factory) : ImageRefusalTests<DevelopmentHostFactory>(factory);

public sealed class ImageRefusalTestsInProduction(ProductionHostFactory factory) : ImageRefusalTests<ProductionHostFactory>(factory);
