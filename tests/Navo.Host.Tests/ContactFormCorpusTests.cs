using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

/// <summary>
/// A live site's contact form fed what probing the running host found answering 500 (with a stack trace in the log):
/// every malformed post gets a 4xx HTML page, never JSON and never a stack trace, and nothing is stored. Run in
/// Development and in Production.
/// </summary>
public abstract class ContactFormCorpusTests<THost>(THost factory) : IClassFixture<THost>
    where THost : ContactFormHost
{
    private readonly HttpClient _client = factory.Owner;

    private async Task<string> PublishedSiteAsync()
    {
        var id = (await (await _client.PostAsJsonAsync("/api/v1/projects", new { description = "Corpus Flowers is a florist in Braga." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var live = (await (await _client.PostAsync($"/api/v1/projects/{id}/publish", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live");
        return live.GetProperty("slug").GetString()!;
    }

    private static string Form(params (string Key, string Value)[] fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    private static readonly (string, string)[] Good = [("name", "Ana"), ("email", "ana@example.com"), ("message", "Hello")];

    private static HttpContent Urlencoded(string body) => new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");

    private static HttpContent Multipart(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private const string Part = "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAna\r\n";

    public static TheoryData<string> Corpus() =>
    [
        "a NUL byte in the name", "a NUL byte in the e-mail address", "a NUL byte in the message", "a NUL byte in the honeypot",
        "more than 1,024 fields", "a key over 2,048 characters", "a value over the form's limit", "multipart without a boundary",
        "truncated multipart", "multipart with a part over the limit", "broken percent-encoding", "JSON instead of a form",
    ];

    private static HttpContent Body(string name) => name switch
    {
        "a NUL byte in the name" => Urlencoded(Form(("name", "A\0na"), ("email", "ana@example.com"), ("message", "Hello"))),
        "a NUL byte in the e-mail address" => Urlencoded(Form(("name", "Ana"), ("email", "ana@example.com\0"), ("message", "Hello"))),
        "a NUL byte in the message" => Urlencoded(Form(("name", "Ana"), ("email", "ana@example.com"), ("message", "Hel\0lo"))),
        "a NUL byte in the honeypot" => Urlencoded(Form([.. Good, ("website", "\0")])),
        "more than 1,024 fields" => Urlencoded(Form([.. Good, .. Enumerable.Range(0, 1100).Select(i => ($"f{i}", "1"))])),
        "a key over 2,048 characters" => Urlencoded(Form([.. Good, (new string('k', 3000), "1")])),
        "a value over the form's limit" => Urlencoded(Form(("name", "Ana"), ("email", "ana@example.com"), ("message", new string('m', 15_000)))),
        "multipart without a boundary" => Multipart("multipart/form-data", Part + "--b--\r\n"),
        "truncated multipart" => Multipart("multipart/form-data; boundary=b", Part + "--b\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nana@exa"),
        "multipart with a part over the limit" => Multipart("multipart/form-data; boundary=b",
            "--b\r\nContent-Disposition: form-data; name=\"message\"\r\n" + new string('h', 15_000) + "\r\n\r\nHi\r\n--b--\r\n"),
        "broken percent-encoding" => Urlencoded("name=%E0%A4%A&email=%ZZ&message=%"),
        "JSON instead of a form" => new StringContent("""{"name":"Ana","email":"ana@example.com","message":"Hello"}""", Encoding.UTF8, "application/json"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_malformed_contact_post_gets_a_4xx_page_and_stores_nothing(string name)
    {
        var slug = await PublishedSiteAsync();
        var before = await LeadCountAsync();

        var response = await _client.PostAsync($"/s/{slug}/_navo/form", Body(name));

        await ShouldBeAPageAsync(response, name);
        (await LeadCountAsync()).Should().Be(before, $"nothing is stored for {name}");
    }

    [Fact]
    public async Task A_contact_post_whose_body_arrives_too_slowly_gets_408()
    {
        var slug = await PublishedSiteAsync();
        var before = await LeadCountAsync();
        var body = Form(Good);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_client.BaseAddress!.Host, _client.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST /s/{slug}/_navo/form HTTP/1.1\r\nHost: {_client.BaseAddress.Authority}\r\n"
            + $"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {body.Length}\r\n\r\n{body[..6]}";

        // The first bytes, then nothing: a visitor on a stalled line, or someone holding connections open.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var answer = await RawConnection.ReadAnswerAsync(stream).WaitAsync(TimeSpan.FromSeconds(30));

        answer.Should().StartWith("HTTP/1.1 408 ");
        answer.Should().Contain("Content-Type: text/html").And.Contain("<h1>").And.Contain("Corpus Flowers").And.NotContain("Exception");
        (await LeadCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_good_contact_post_still_arrives()
    {
        var slug = await PublishedSiteAsync();
        var before = await LeadCountAsync();

        var response = await _client.PostAsync($"/s/{slug}/_navo/form", Urlencoded(Form(Good)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await LeadCountAsync()).Should().Be(before + 1);
    }

    private static async Task ShouldBeAPageAsync(HttpResponseMessage response, string name)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().BeInRange(400, 499, $"{name}: {text}");
        response.Content.Headers.ContentType?.MediaType.Should().Be("text/html", $"{name} answers a page a visitor can read, not JSON");
        text.Should().Contain("<h1>").And.NotContain("Exception").And.NotContain("   at ");
        text.Should().Contain("Corpus Flowers", "the page wears the site's name").And.Contain("--accent:", "and its stylesheet")
            .And.Contain("href=\"../\"", "and leads back to it");
    }

    private async Task<long> LeadCountAsync()
    {
        await using var command = factory.Database.DataSource.CreateCommand("select count(*) from navo_leads");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>
/// The host on Kestrel (the in-memory test server cannot send half a body and wait), giving up on a form that has not
/// arrived in full after two seconds (the default is ten).
/// </summary>
public abstract class ContactFormHost : KestrelHostFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Navo:Sites:FormReadSeconds", "2");
        // Every post of the corpus comes from one (absent) address.
        builder.UseSetting("Navo:Sites:FormsPerMinute", "10000");
    }
}

/// <summary>The contact-form host in Development, the mode <c>./build.sh run</c> uses.</summary>
public sealed class DevelopmentContactFormHost : ContactFormHost
{
    protected override string EnvironmentName => "Development";
}

/// <summary>The contact-form host in Production.</summary>
public sealed class ProductionContactFormHost : ContactFormHost
{
    protected override string EnvironmentName => "Production";
}

/// <summary>The corpus against the host in Development.</summary>
public sealed class ContactFormCorpusTestsInDevelopment(DevelopmentContactFormHost factory) : ContactFormCorpusTests<DevelopmentContactFormHost>(factory);

/// <summary>The corpus against the host in Production.</summary>
public sealed class ContactFormCorpusTestsInProduction(ProductionContactFormHost factory) : ContactFormCorpusTests<ProductionContactFormHost>(factory);
