using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

/// <summary>The operations endpoint takes set_name, set_hours and add_section with content, like edit_site.</summary>
public sealed class NewOperationsApiTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private readonly HttpClient _client = factory.Owner;

    private async Task<Guid> DraftAsync(string description) =>
        (await (await _client.PostAsJsonAsync("/api/v1/projects", new { description })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    private async Task<HttpResponseMessage> OperateAsync(Guid id, string operations) =>
        await _client.PostAsync($"/api/v1/projects/{id}/operations", new StringContent($$"""{"operations":{{operations}}}""", Encoding.UTF8, "application/json"));

    private static IEnumerable<JsonElement> Sections(JsonElement project) =>
        project.GetProperty("site").GetProperty("pages")[0].GetProperty("sections").EnumerateArray();

    [Fact]
    public async Task Name_hours_and_a_price_list_each_make_one_version()
    {
        var id = await DraftAsync("Sunrise Bakery is a bakery in Leeds.");

        var response = await OperateAsync(id, """
            [{"op":"set_name","name":"Crumbs"},
             {"op":"set_hours","hours":[{"days":"Mon-Fri","opens":"08:00","closes":"16:00"},{"days":"Sun","text":"Closed"}]},
             {"op":"add_section","type":"pricing","items":[{"name":"Sourdough","price":"£4"},{"name":"Bread club","price":"£15","period":"month"}]}]
            """);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var project = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.Headers.ETag!.Tag.Should().Be("\"5\"");
        (project.GetProperty("name").GetString(), project.GetProperty("site").GetProperty("name").GetString()).Should().Be(("Crumbs", "Crumbs"));
        var hours = Sections(project).Single(s => s.GetProperty("type").GetString() == "hours");
        hours.GetProperty("items").GetArrayLength().Should().Be(2);
        Sections(project).Single(s => s.GetProperty("type").GetString() == "pricing").GetProperty("items")[1].GetProperty("period").GetString().Should().Be("month");
        (await _client.GetFromJsonAsync<JsonElement>("/api/v1/projects")).EnumerateArray().Should().Contain(p => p.GetProperty("name").GetString() == "Crumbs");
        var history = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/history");
        history.EnumerateArray().Take(3).Select(h => h.GetProperty("type").GetString()).Should().Equal("section_added", "section_added", "site_renamed");
        (await _client.GetStringAsync($"/preview/{id}/")).Should().Contain("<th scope=\"row\">Mon-Fri</th>");
    }

    [Fact]
    public async Task Nonsense_hours_are_422_with_the_reason_and_the_operation_and_nothing_is_written()
    {
        var id = await DraftAsync("Casa Doce is a bakery in Braga.");

        var response = await OperateAsync(id, """[{"op":"set_name","name":"Doce"},{"op":"set_hours","hours":[{"days":"Mon","opens":"9am","closes":"17:00"}]}]""");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Be("Times are written as 24-hour HH:mm, like 09:00 or 17:30: '9am' is not one.");
        problem.GetProperty("operation").GetInt32().Should().Be(1);
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("version").GetInt64().Should().Be(2);
    }

    [Fact]
    public async Task Content_that_does_not_fit_its_section_is_422()
    {
        var id = await DraftAsync("Casa Rio is a restaurant in Coimbra.");

        var response = await OperateAsync(id, """[{"op":"add_section","type":"pricing","items":[{"name":"Soup","colour":"red"}]}]""");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().StartWith("An item of a pricing section has no colour.");
    }
}
