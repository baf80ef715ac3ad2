using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

public sealed class ProjectsApiTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private const string Bakery = "Rosa's Bakery is a bakery in Porto. We bake sourdough bread, croissants and custard tarts.";
    private readonly HttpClient _client = factory.Owner;

    private async Task<JsonElement> GenerateAsync(string description = Bakery)
    {
        var created = await _client.PostAsJsonAsync("/api/v1/projects", new { description });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        return await created.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Generating_answers_201_with_the_drafted_site_and_it_reads_back_with_its_version_as_ETag()
    {
        var created = await _client.PostAsJsonAsync("/api/v1/projects", new { description = Bakery });

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.ETag!.Tag.Should().Be("\"2\"", "project_created and site_generated are versions 1 and 2");
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        body.GetProperty("name").GetString().Should().Be("Rosa's Bakery");
        body.GetProperty("slug").GetString().Should().Be("rosa-s-bakery");
        body.GetProperty("published").GetBoolean().Should().BeFalse();
        body.GetProperty("site").GetProperty("theme").GetProperty("mode").GetString().Should().BeOneOf("light", "dark");
        created.Headers.Location!.ToString().Should().Be($"/api/v1/projects/{id}");

        var read = await _client.GetAsync($"/api/v1/projects/{id}");
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        read.Headers.ETag!.Tag.Should().Be("\"2\"");
        (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("site").GetProperty("pages")[0]
            .GetProperty("sections")[0].GetProperty("type").GetString().Should().Be("hero");

        var list = await _client.GetFromJsonAsync<JsonElement>("/api/v1/projects");
        list.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).Should().Contain(id);
    }

    [Fact]
    public async Task A_matching_If_None_Match_answers_304()
    {
        var id = (await GenerateAsync()).GetProperty("id").GetGuid();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/projects/{id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"2\"");
        (await _client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task An_unknown_project_answers_404_problem_details_everywhere()
    {
        var id = Guid.NewGuid();
        foreach (var response in new[]
        {
            await _client.GetAsync($"/api/v1/projects/{id}"),
            await _client.GetAsync($"/api/v1/projects/{id}/history"),
            await _client.GetAsync($"/api/v1/projects/{id}/diff?from=1&to=2"),
            await _client.PostAsJsonAsync($"/api/v1/projects/{id}/operations", new { operations = new[] { new { op = "undo" } } }),
            await _client.PostAsJsonAsync($"/api/v1/projects/{id}/revert", new { version = 1 }),
            await _client.GetAsync($"/preview/{id}/"),
        })
        {
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }
    }

    [Theory]
    [InlineData("{\"description\":\"\"}", "description", "Describe the business in a sentence or two.")]
    [InlineData("{}", "description", "Describe the business in a sentence or two.")]
    [InlineData("{\"description\":\"a bakery\",\"businessName\":\"bad\\u0007name\"}", "businessName", "The business name cannot contain control or text-direction characters.")]
    public async Task An_invalid_request_answers_400_with_the_reason_and_writes_nothing(string json, string field, string reason)
    {
        var before = await EventCountAsync();

        var response = await PostRawAsync("/api/v1/projects", json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty(field)[0].GetString().Should().Be(reason);
        (await EventCountAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("{\"description\":")]
    [InlineData("not json")]
    [InlineData("{\"description\": 42}")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task A_malformed_body_answers_400_problem_details_without_a_stack_trace(string json)
    {
        var before = await EventCountAsync();

        var response = await PostRawAsync("/api/v1/projects", json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().NotContain(" at Navo.").And.NotContain("Exception");
        (await EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Operations_with_the_current_If_Match_make_a_new_version()
    {
        var id = (await GenerateAsync()).GetProperty("id").GetGuid();

        var response = await EditAsync(id, "\"2\"", """[{"op":"set_text","section":"hero","field":"headline","value":"Fresh bread daily"},{"op":"set_theme","mode":"dark"}]""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.Should().Be("\"4\"");
        var site = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("site");
        site.GetProperty("theme").GetProperty("mode").GetString().Should().Be("dark");
        site.GetProperty("pages")[0].GetProperty("sections")[0].GetProperty("fields").GetProperty("headline").GetString().Should().Be("Fresh bread daily");
    }

    [Theory]
    [InlineData("""[{"op":"set_text","section":"pricing","field":"title","value":"x"}]""", 0, "There is no pricing section on this site.")]
    [InlineData("""[{"op":"set_theme","mode":"dark"},{"op":"set_text","section":"hero","field":"title","value":"x"}]""", 1, "A hero has no title.")]
    [InlineData("""[{"op":"explode"}]""", 0, "Operation 1 ('explode') is missing an argument, has one of the wrong type, or is not an operation Navo knows.")]
    [InlineData("""[{"op":"set_text","section":"hero","field":"headline"}]""", 0, "Operation 1 ('set_text') is missing an argument, has one of the wrong type, or is not an operation Navo knows.")]
    [InlineData("""[{"section":"hero"}]""", 0, "Operation 1 has no 'op' saying what to do.")]
    [InlineData("""[]""", 0, "Say what to change: send at least one operation.")]
    public async Task An_invalid_operation_answers_422_naming_it_and_writes_nothing(string operations, int failing, string reason)
    {
        var id = (await GenerateAsync()).GetProperty("id").GetGuid();
        var before = await EventCountAsync();

        var response = await EditAsync(id, "\"2\"", operations);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("operation").GetInt32().Should().Be(failing);
        problem.GetProperty("detail").GetString().Should().Be(reason);
        (await EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_stale_If_Match_answers_412()
    {
        var id = (await GenerateAsync()).GetProperty("id").GetGuid();

        var response = await EditAsync(id, "\"1\"", """[{"op":"set_theme","mode":"dark"}]""");

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentVersion").GetInt64().Should().Be(2);
    }

    [Fact]
    public async Task Ten_parallel_edits_with_the_same_If_Match_one_succeeds_and_nine_get_412()
    {
        var id = (await GenerateAsync()).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            EditAsync(id, "\"2\"", $$"""[{"op":"set_text","section":"hero","field":"headline","value":"Attempt {{i}}"}]""")));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed).Should().Be(9);
        (await _client.GetAsync($"/api/v1/projects/{id}")).Headers.ETag!.Tag.Should().Be("\"3\"");
    }

    [Fact]
    public async Task History_diff_and_revert_work_across_versions()
    {
        var id = (await GenerateAsync()).GetProperty("id").GetGuid();
        (await EditAsync(id, "\"2\"", """[{"op":"set_text","section":"hero","field":"headline","value":"Fresh bread daily"}]""")).EnsureSuccessStatusCode();
        (await EditAsync(id, "\"3\"", """[{"op":"add_section","type":"pricing","after":"hero"}]""")).EnsureSuccessStatusCode();

        var history = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/history");
        history.EnumerateArray().Select(h => h.GetProperty("summary").GetString()).Should().Equal(
            "Added a price list", "Changed the headline", "Drafted the site for Rosa's Bakery", "Created the project \"Rosa's Bakery\"");

        var diff = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/diff?from=2&to=4");
        var changes = diff.GetProperty("changes").EnumerateArray().Select(c => c.GetString()).ToList();
        changes.Should().Contain("The headline now reads \u201cFresh bread daily\u201d");
        changes.Should().Contain("Added a price list after the main banner");
        diff.GetProperty("text").EnumerateArray().Should().Contain(l => l.GetProperty("kind").GetString() == "added" && l.GetProperty("text").GetString() == "Fresh bread daily");

        var reverted = await _client.PostAsJsonAsync($"/api/v1/projects/{id}/revert", new { version = 2 });
        reverted.StatusCode.Should().Be(HttpStatusCode.OK);
        var atTwo = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/diff?from=2&to=5");
        atTwo.GetProperty("changes").GetArrayLength().Should().Be(0, "version 5 is exactly version 2 again");
    }

    [Fact]
    public async Task The_preview_shows_the_newest_version_or_any_earlier_one_under_a_strict_policy()
    {
        var id = (await GenerateAsync()).GetProperty("id").GetGuid();
        (await EditAsync(id, "\"2\"", """[{"op":"set_text","section":"hero","field":"headline","value":"Fresh <b>bread</b> daily"}]""")).EnsureSuccessStatusCode();

        var latest = await _client.GetAsync($"/preview/{id}/");
        latest.StatusCode.Should().Be(HttpStatusCode.OK);
        latest.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        latest.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("default-src 'none'");
        (await latest.Content.ReadAsStringAsync()).Should().Contain("Fresh &lt;b&gt;bread&lt;/b&gt; daily");

        var earlier = await _client.GetStringAsync($"/preview/{id}/v/2/");
        earlier.Should().NotContain("Fresh &lt;b&gt;bread").And.Contain("Rosa&#x27;s Bakery");
        (await _client.GetAsync($"/preview/{id}/v/2/nowhere")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.GetAsync($"/preview/{id}/v/99/")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Health_answers_healthy_when_the_database_answers()
    {
        var response = await _client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    private async Task<HttpResponseMessage> EditAsync(Guid id, string ifMatch, string operations)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{id}/operations")
        {
            Content = new StringContent($"{{\"operations\":{operations}}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await _client.SendAsync(request);
    }

    private Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        _client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<long> EventCountAsync()
    {
        await using var command = factory.Database.DataSource.CreateCommand("select count(*) from mt_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
