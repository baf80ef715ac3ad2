using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

public sealed class ProjectsApiTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Creating_a_project_answers_201_and_it_reads_back_with_its_version_as_ETag()
    {
        var created = await _client.PostAsJsonAsync("/api/v1/projects", new { name = "Rosa's Bakery", description = "Sourdough in Porto" });

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        body.GetProperty("name").GetString().Should().Be("Rosa's Bakery");
        body.GetProperty("version").GetInt64().Should().Be(1);
        created.Headers.Location!.ToString().Should().Be($"/api/v1/projects/{id}");

        var read = await _client.GetAsync($"/api/v1/projects/{id}");
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        read.Headers.ETag!.Tag.Should().Be("\"1\"");
        var project = await read.Content.ReadFromJsonAsync<JsonElement>();
        project.GetProperty("name").GetString().Should().Be("Rosa's Bakery");
        project.GetProperty("description").GetString().Should().Be("Sourdough in Porto");
        project.GetProperty("version").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task A_matching_If_None_Match_answers_304()
    {
        var created = await _client.PostAsJsonAsync("/api/v1/projects", new { name = "Cached" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/projects/{id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"1\"");
        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task An_unknown_project_answers_404_problem_details()
    {
        var response = await _client.GetAsync($"/api/v1/projects/{Guid.NewGuid()}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().Should().Be("Project not found.");
    }

    [Theory]
    [InlineData("{\"name\":\"\"}", "Give the project a name.")]
    [InlineData("{\"name\":\"   \"}", "Give the project a name.")]
    [InlineData("{}", "Give the project a name.")]
    [InlineData("{\"name\":\"bad\\u0007name\"}", "The name cannot contain control characters.")]
    public async Task An_invalid_name_answers_400_with_the_reason_and_writes_nothing(string json, string reason)
    {
        var before = await EventCountAsync();

        var response = await PostRawAsync(json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("name")[0].GetString().Should().Be(reason);
        (await EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task An_over_long_name_or_description_answers_400_and_writes_nothing()
    {
        var before = await EventCountAsync();

        var longName = await _client.PostAsJsonAsync("/api/v1/projects", new { name = new string('n', 101) });
        var longDescription = await _client.PostAsJsonAsync("/api/v1/projects", new { name = "ok", description = new string('d', 2001) });

        longName.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        longDescription.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await longDescription.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("description")[0].GetString()
            .Should().Be("The description can be at most 2000 characters.");
        (await EventCountAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("{\"name\":")]
    [InlineData("not json")]
    [InlineData("{\"name\": 42}")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task A_malformed_body_answers_400_problem_details_without_a_stack_trace(string json)
    {
        var before = await EventCountAsync();

        var response = await PostRawAsync(json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain(" at Navo.").And.NotContain("Exception");
        (await EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Health_answers_healthy_when_the_database_answers()
    {
        var response = await _client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    private Task<HttpResponseMessage> PostRawAsync(string json) =>
        _client.PostAsync("/api/v1/projects", new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<long> EventCountAsync()
    {
        await using var command = factory.Database.DataSource.CreateCommand("select count(*) from mt_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
