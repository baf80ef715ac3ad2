using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Navo.E2E.Tests.Support;
using Navo.Testing;

namespace Navo.E2E.Tests;

/// <summary>
/// Issue 16's "must show" for suggestions, on the host listening on a real port: a live site gets visits through its
/// own endpoint, "how can I improve it?" lists suggestions with operations, and "apply the first one" makes one new
/// version whose diff is those operations.
/// </summary>
public sealed class SuggestionsLoopTests(StudioHost host) : IClassFixture<StudioHost>
{
    [Fact]
    public async Task Visits_then_how_can_I_improve_it_then_apply_the_first_one_makes_one_version_with_its_diff_and_marks_it_applied()
    {
        using var owner = new HttpClient { BaseAddress = host.Address };
        using var visitor = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.Address };
        await owner.SignInAsync(TestAccounts.NewEmail("suggestions"));
        var id = (await (await owner.PostAsJsonAsync("/api/v1/projects", new { description = "Maré Alta is a seafood restaurant in Peniche serving grilled sardines." }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await owner.PostAsync($"/api/v1/projects/{id}/operations", new StringContent(
            """{"operations":[{"op":"set_text","section":"hero","field":"ctaText","value":"Click here"}]}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var slug = (await (await owner.PostAsync($"/api/v1/projects/{id}/publish", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("live").GetProperty("slug").GetString()!;
        for (var person = 0; person < 50; person++)
        {
            (await SendAsync(visitor, slug, """{"k":"v","p":"/","w":390}""", person)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        (await SendAsync(visitor, slug, """{"k":"c","t":"hero","p":"/","w":390}""", 0)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await CountedAsync(owner, id, visitors: 50);
        var conversation = (await (await owner.PostAsJsonAsync("/api/v1/conversations", new { projectId = id })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var listed = await SayAsync(owner, conversation, id, "how can I improve it?");
        var suggestions = (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/suggestions")).GetProperty("suggestions").EnumerateArray().ToList();
        var before = await VersionAsync(owner, id);
        var applied = await SayAsync(owner, conversation, id, "apply the first one");
        var after = await VersionAsync(owner, id);

        listed.Should().Contain("\n1. Change the button \"Click here\" to ").And.Contain("Your button says \"Click here\" and 2% of visitors click it.");
        suggestions.Should().NotBeEmpty();
        var first = suggestions[0];
        var operation = first.GetProperty("operations").EnumerateArray().Should().ContainSingle().Subject;
        operation.GetProperty("op").GetString().Should().Be("set_text");
        applied.Should().StartWith("Suggestion 1: ");
        after.Should().Be(before + 1);
        var diff = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/diff?from={before}&to={after}");
        diff.GetProperty("changes").EnumerateArray().Select(c => c.GetString()).Should().Equal($"The main button now reads “{operation.GetProperty("value").GetString()}”");
        (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/suggestions")).GetProperty("suggestions").EnumerateArray()
            .Should().NotContain(s => s.GetProperty("id").GetGuid() == first.GetProperty("id").GetGuid(), "an applied suggestion is no longer open");
        var rates = (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/analytics?period=7d")).GetProperty("suggestions");
        rates.GetProperty("applied").GetInt64().Should().Be(1);
        rates.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "weak_button").GetProperty("applied").GetInt64().Should().Be(1);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string slug, string json, int person)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/s/{slug}/_navo/event") { Content = new StringContent(json, Encoding.UTF8, "text/plain") };
        request.Headers.TryAddWithoutValidation("User-Agent", $"Mozilla/5.0 (Linux; Android 15; person {person}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36");
        return await client.SendAsync(request);
    }

    /// <summary>Waits for the host's writer (once a second) to have counted the visitors.</summary>
    private static async Task CountedAsync(HttpClient owner, Guid id, long visitors)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/analytics?period=7d")).GetProperty("visitors").GetInt64() == visitors)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The host did not count {visitors} visitors within 10 seconds.");
    }

    private static async Task<string> SayAsync(HttpClient client, Guid conversation, Guid projectId, string text)
    {
        var reply = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text, context = new { projectId } });
        reply.StatusCode.Should().Be(HttpStatusCode.OK, await reply.Content.ReadAsStringAsync());
        return (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetProperty("text").GetString()!;
    }

    private static async Task<long> VersionAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("version").GetInt64();
}
