using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

/// <summary>With the local client: taking a site offline is asked in its own words, and a yes does exactly that.</summary>
public sealed class ChatApprovalWordingTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private readonly HttpClient _client = factory.Owner;

    private async Task<string> SayAsync(Guid conversation, string text) =>
        (await (await _client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("reply").GetProperty("text").GetString()!;

    [Fact]
    public async Task A_yes_to_taking_the_site_offline_unpublishes_it_and_never_publishes()
    {
        var conversation = (await (await _client.PostAsync("/api/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await SayAsync(conversation, "Build a site for Onda Azul, a surf school in Peniche");
        await SayAsync(conversation, "publish it");
        await SayAsync(conversation, "yes");
        (await _client.GetAsync("/s/onda-azul/")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await SayAsync(conversation, "take the site offline")).Should().Be("Take Onda Azul offline? Visitors will see that it is gone until you publish again. Reply yes or no.");
        (await SayAsync(conversation, "yes")).Should().StartWith("The site is offline");

        (await _client.GetAsync("/s/onda-azul/")).StatusCode.Should().Be(HttpStatusCode.Gone);
        (await SayAsync(conversation, "put the previous version live again")).Should().Be("Put the previously published version live again? Reply yes or no.");
    }
}
