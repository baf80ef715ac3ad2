using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

/// <summary>HEAD once answered 405 where GET worked: link checkers and uptime monitors saw the pages as broken.</summary>
public sealed class HeadRequestTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    [Fact]
    public async Task HEAD_answers_like_GET_without_405_on_the_landing_page_the_studio_live_sites_and_previews()
    {
        var client = factory.Owner;
        var id = (await (await client.PostAsJsonAsync("/api/v1/projects", new { description = "Head Start is a bakery in Faro." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var slug = (await (await client.PostAsync($"/api/v1/projects/{id}/publish", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("slug").GetString();

        foreach (var path in new[] { "/", "/studio", "/signin", "/navo.css", $"/s/{slug}/", $"/preview/{id}/" })
        {
            var get = await client.GetAsync(path);
            var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            get.StatusCode.Should().Be(HttpStatusCode.OK, path);
            head.StatusCode.Should().Be(HttpStatusCode.OK, $"HEAD {path} answers as GET does");
            head.Content.Headers.ContentType?.MediaType.Should().Be(get.Content.Headers.ContentType?.MediaType, path);
        }

        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/s/no-such-site/"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
