using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

/// <summary>
/// Dot segments in every disguise, sent byte for byte as written to Kestrel, on live sites (under <c>/s/</c> and on
/// a site's own host), previews and the image library: no answer is ever a file from outside the site — not the
/// host's data folder, its key ring, nor the machine's files — and none is a 500.
/// </summary>
public abstract class PathTraversalTests(KestrelHostFactory factory)
{
    private const string Sentinel = "NAVO-SENTINEL-OUTSIDE-THE-SITE";

    public static TheoryData<string> Disguises() =>
    [
        "../../../../../../etc/passwd",
        "..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
        "%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "%252e%252e/%252e%252e/%252e%252e/etc/passwd",
        "%252e%252e%252f%252e%252e%252fetc%252fpasswd",
        "..\\..\\..\\..\\..\\..\\etc\\passwd",
        "..%5c..%5c..%5c..%5c..%5c..%5cetc%5cpasswd",
        "%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "%c0%ae%c0%ae%c0%af%c0%ae%c0%ae%c0%afetc%c0%afpasswd",
        "%e0%80%ae%e0%80%ae/%e0%80%ae%e0%80%ae/etc/passwd",
        "%c1%9c..%c1%9c..%c1%9cetc%c1%9cpasswd",
        "....//....//....//etc/passwd",
        "..;/..;/..;/etc/passwd",
        ".%00./.%00./etc/passwd",
        "images/../../../../../../etc/passwd",
        "_navo/../../../sentinel.txt",
        "%2e%2e/%2e%2e/%2e%2e/sentinel.txt",
        "..%2f..%2f..%2fsentinel.txt",
        "..%2f..%2f..%2fsites%2fse%2fntinel",
        "..%2f..%2f..%2fkeys%2f",
        "%2fetc%2fpasswd",
        "/etc/passwd",
        "file:///etc/passwd",
    ];

    [Theory]
    [MemberData(nameof(Disguises))]
    public async Task No_disguise_of_dot_segments_reaches_a_file_outside_the_site(string disguise)
    {
        var (slug, projectId) = await SiteAsync();
        PlantSentinels();

        foreach (var prefix in new[] { $"/s/{slug}/", $"/preview/{projectId}/", $"/preview/{projectId}/v/1/", $"/api/v1/projects/{projectId}/assets/{new string('a', 64)}/", $"/s/{slug}/images/" })
        {
            await ShouldStayInsideAsync(prefix + disguise, host: null);
        }

        // On a site's own host every path is the site's.
        await ShouldStayInsideAsync("/" + disguise, host: $"{slug}.navo.test");
    }

    [Fact]
    public async Task The_site_s_own_pages_still_answer()
    {
        var (slug, projectId) = await SiteAsync();

        (await SendAsync($"/s/{slug}/", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendAsync($"/preview/{projectId}/", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendAsync("/", $"{slug}.navo.test")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task ShouldStayInsideAsync(string path, string? host)
    {
        var response = await SendAsync(path, host);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().BeLessThan(500, $"{path} on {host ?? "the studio's host"}");
        body.Should().NotContain(Sentinel, path).And.NotContain("root:", path).And.NotContain("<key ", path)
            .And.NotContain("Exception", path);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            // What normalises to an address of Navo's answers that address: a page of this site, the studio's own pages.
            response.Content.Headers.ContentType!.MediaType.Should().BeOneOf("text/html", "application/json");
        }
    }

    /// <summary>The path exactly as written: no dot segments removed and nothing unescaped on the way out.</summary>
    private async Task<HttpResponseMessage> SendAsync(string path, string? host)
    {
        var uri = new Uri($"http://127.0.0.1:{factory.Port}{path}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        uri.PathAndQuery.Should().Be(path, "the client sends the path as written; only the server may normalise it");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return await factory.Owner.SendAsync(request);
    }

    private string? _slug;
    private Guid _projectId;

    private async Task<(string Slug, Guid ProjectId)> SiteAsync()
    {
        if (_slug is null)
        {
            var created = await (await factory.Owner.PostAsJsonAsync("/api/v1/projects", new { description = "Dotty Books is a bookshop in Lagos." })).Content.ReadFromJsonAsync<JsonElement>();
            _projectId = created.GetProperty("id").GetGuid();
            var live = await (await factory.Owner.PostAsync($"/api/v1/projects/{_projectId}/publish", null)).Content.ReadFromJsonAsync<JsonElement>();
            _slug = live.GetProperty("live").GetProperty("slug").GetString()!;
        }

        return (_slug, _projectId);
    }

    /// <summary>Files a traversal would aim at: beside the published files, in the data folder, and where a stored file's key would put them.</summary>
    private void PlantSentinels()
    {
        Directory.CreateDirectory(Path.Combine(factory.DataPath, "sites", "se"));
        File.WriteAllText(Path.Combine(factory.DataPath, "sentinel.txt"), Sentinel);
        File.WriteAllText(Path.Combine(factory.DataPath, "sites", "sentinel.txt"), Sentinel);
        File.WriteAllText(Path.Combine(factory.DataPath, "sites", "se", "ntinel"), Sentinel);
    }
}

public sealed class PathTraversalInTestingTests(KestrelHostFactory factory) : PathTraversalTests(factory), IClassFixture<KestrelHostFactory>;

public sealed class PathTraversalInDevelopmentTests(DevelopmentKestrelHostFactory factory) : PathTraversalTests(factory), IClassFixture<DevelopmentKestrelHostFactory>;
