using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Navo.Host.Tests.Support;
using Navo.Testing;

namespace Navo.Host.Tests;

/// <summary>
/// Messages that are not requests, through the chat API in each environment the host runs in: a clear answer, no
/// change to the site, never a server error. (Text-direction control characters are refused earlier, with 400
/// problem details: MalformedBodyTests.)
/// </summary>
public sealed class ChatBadInputTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private static readonly string[] Messages =
    [
        "🎂🎂🎂🔥",
        "<script>alert('x')</script><img src=x onerror=alert(1)>",
        "مرحبا، أريد تغيير لون الموقع",
        "hola quiero cambiar el color de mi página por favor",
        "'; DROP TABLE projects; --",
        new string('a', 3999),
        string.Concat(Enumerable.Repeat("we love baking bread and cakes for everyone ", 90)),
    ];

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    [InlineData("Production")]
    public async Task A_message_that_is_not_a_request_gets_an_answer_and_leaves_the_site_as_it_was(string environment)
    {
        using var host = factory.WithWebHostBuilder(b => b.UseEnvironment(environment));
        var client = host.CreateClient();
        await client.SignInAsync(TestAccounts.NewEmail("bad-input"));
        var conversation = (await (await client.PostAsync("/api/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var drafted = await SayAsync(client, conversation, "Crumbs is a bakery in Leeds");
        var project = drafted.GetProperty("projectId").GetGuid();
        var version = drafted.GetProperty("version").GetInt64();

        foreach (var message in Messages)
        {
            var reply = await SayAsync(client, conversation, message);

            reply.GetProperty("reply").GetProperty("text").GetString().Should().NotBeNullOrWhiteSpace(message);
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}")).GetProperty("version").GetInt64().Should().Be(version, message);
        }
    }

    private static async Task<JsonElement> SayAsync(HttpClient client, Guid conversation, string text)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
