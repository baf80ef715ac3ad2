using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

public sealed class LeadsTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private readonly HttpClient _client = factory.Owner;

    private async Task<(Guid Id, string Slug)> PublishedSiteAsync(string description)
    {
        var id = (await (await _client.PostAsJsonAsync("/api/v1/projects", new { description })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var live = (await (await _client.PostAsync($"/api/v1/projects/{id}/publish", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live");
        return (id, live.GetProperty("slug").GetString()!);
    }

    private Task<HttpResponseMessage> SubmitAsync(string slug, string? name, string? email, string? message, string? website = null)
    {
        var fields = new Dictionary<string, string>();
        foreach (var (key, value) in new[] { ("name", name), ("email", email), ("message", message), ("website", website) })
        {
            if (value is not null)
            {
                fields[key] = value;
            }
        }

        return _client.PostAsync($"/s/{slug}/_navo/form", new FormUrlEncodedContent(fields));
    }

    private async Task<JsonElement> LeadsAsync(Guid id) => await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/leads");

    [Theory]
    [InlineData("Ana", null, "Hello", "Your e-mail address is needed so we can reply.")]
    [InlineData("Ana", "not-an-email", "Hello", "That e-mail address does not look right.")]
    [InlineData(null, "ana@example.com", "Hello", "Your name is needed.")]
    [InlineData("LONG", "ana@example.com", "Hello", "Your name can be at most 200 characters.")]
    [InlineData("Ana", "ana@example.com", "<script>alert(1)</script>", "Your message contains something that is not allowed.")]
    public async Task A_bad_contact_post_gets_400_and_stores_nothing(string? name, string? email, string? message, string reason)
    {
        var (id, slug) = await PublishedSiteAsync("Horta Verde is a shop in Évora selling vegetables.");

        var response = await SubmitAsync(slug, name == "LONG" ? new string('n', 5000) : name, email, message);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(reason.Replace("'", "&#x27;", StringComparison.Ordinal).Split(' ')[0]);
        (await LeadsAsync(id)).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_good_post_is_listed_escaped_and_exported_and_a_bot_is_thanked_but_not_stored()
    {
        var (id, slug) = await PublishedSiteAsync("Casa do Pão is a bakery in Viseu.");

        (await SubmitAsync(slug, "Bot", "bot@example.com", "Buy now", website: "http://spam.example")).StatusCode.Should().Be(HttpStatusCode.OK);
        var sent = await SubmitAsync(slug, "Ana Silva", "ana@example.com", "Do you bake <b>rye</b>? =1+1");
        sent.StatusCode.Should().Be(HttpStatusCode.OK);
        (await sent.Content.ReadAsStringAsync()).Should().Contain("Your message was sent.");

        var response = await _client.GetAsync($"/api/v1/projects/{id}/leads");
        // The text travels as JSON data that no browser may take for a page: it is shown escaped by whoever renders it.
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        var leads = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        leads.GetArrayLength().Should().Be(1);
        leads[0].GetProperty("message").GetString().Should().Be("Do you bake <b>rye</b>? =1+1");

        var csv = await _client.GetStringAsync($"/api/v1/projects/{id}/leads?format=csv");
        csv.Should().Contain("received,name,email,message").And.Contain("Ana Silva").And.Contain("ana@example.com");
    }

    [Fact]
    public async Task Asking_for_new_messages_in_a_conversation_lists_them()
    {
        var (id, slug) = await PublishedSiteAsync("Bolo Rei is a bakery in Aveiro.");
        (await SubmitAsync(slug, "Rui Costa", "rui@example.com", "Can I order a cake for Saturday?")).EnsureSuccessStatusCode();
        var conversation = (await (await _client.PostAsync("/api/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var reply = await (await _client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages",
            new { text = "any new messages from the site?", context = new { projectId = id } })).Content.ReadFromJsonAsync<JsonElement>();

        reply.GetProperty("reply").GetProperty("text").GetString().Should().StartWith("1 message from the site.").And.Contain("Rui Costa <rui@example.com>: Can I order a cake for Saturday?");
    }

    [Fact]
    public async Task Forms_of_unknown_or_offline_sites_answer_404()
    {
        var (id, slug) = await PublishedSiteAsync("Mar e Sol is a shop in Lagos.");
        await _client.PostAsync($"/api/v1/projects/{id}/unpublish", null);

        (await SubmitAsync(slug, "Ana", "ana@example.com", "Hi")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await SubmitAsync("no-such-site", "Ana", "ana@example.com", "Hi")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.GetAsync($"/api/v1/projects/{Guid.NewGuid()}/leads")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

/// <summary>A host of its own, so that its rate limiter counts only these posts.</summary>
public sealed class LeadThrottlingTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    [Fact]
    public async Task Too_many_posts_from_one_address_get_429_with_Retry_After()
    {
        var client = factory.Owner;
        var id = (await (await client.PostAsJsonAsync("/api/v1/projects", new { description = "Flood Bakery is a bakery in Leiria." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var slug = (await (await client.PostAsync($"/api/v1/projects/{id}/publish", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("slug").GetString();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 12; i++)
        {
            last = await client.PostAsync($"/s/{slug}/_navo/form", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Ana", ["email"] = "ana@example.com", ["message"] = $"Hello {i}" }));
            statuses.Add(last.StatusCode);
        }

        statuses.Take(10).Should().OnlyContain(s => s == HttpStatusCode.OK);
        statuses.Skip(10).Should().OnlyContain(s => s == HttpStatusCode.TooManyRequests);
        last!.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(60));
    }
}
