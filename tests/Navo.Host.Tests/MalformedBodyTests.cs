using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

/// <summary>
/// Every endpoint that reads a body, fed broken JSON, wrong types, nulls, huge strings, control and text-direction
/// characters and an oversized body: a 4xx with problem details every time, never a 500, never a stack trace, and
/// nothing written anywhere. Run in every environment the host starts in: the framework reports an unreadable body
/// differently in Development (by throwing), which once turned each of these into a 500 there.
/// </summary>
public abstract class MalformedBodyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : NavoHostFactory
{
    private HttpClient _owner = null!;
    private Guid _project;
    private Guid _conversation;
    private Guid _member;

    public async Task InitializeAsync()
    {
        // Bearer only, no session cookie: a body that does not name a refresh token has nothing to sign out of.
        var owner = _owner = await factory.SignUpAsync(options: new() { HandleCookies = false });
        _conversation = (await (await owner.PostAsync("/api/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        _project = (await (await owner.PostAsJsonAsync("/api/v1/projects", new { description = "Corpus Café is a café in Lisbon." })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        (await owner.PostAsync($"/api/v1/projects/{_project}/publish", null)).EnsureSuccessStatusCode();
        var member = await factory.MemberAsync("viewer", owner);
        _member = (await member.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userId").GetGuid();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Each endpoint with the properties it reads, so every body reaches the endpoint's own checks.</summary>
    public static TheoryData<string, string, string[]> Endpoints() => new()
    {
        { "POST", "/api/v1/auth/register", ["email", "password", "workspace", "invitation"] },
        { "POST", "/api/v1/auth/login", ["email", "password", "workspace"] },
        { "POST", "/api/v1/auth/refresh", ["refreshToken"] },
        { "POST", "/api/v1/auth/logout", ["refreshToken"] },
        { "POST", "/api/v1/auth/forgot-password", ["email"] },
        { "POST", "/api/v1/auth/reset-password", ["token", "password"] },
        { "POST", "/api/v1/projects", ["description", "businessName", "industry"] },
        { "POST", "/api/v1/projects/{project}/operations", ["operations"] },
        { "POST", "/api/v1/projects/{project}/revert", ["version"] },
        { "POST", "/api/v1/projects/{project}/rollback", ["version"] },
        { "PUT", "/api/v1/projects/{project}/slug", ["slug"] },
        { "POST", "/api/v1/projects/{project}/domains", ["domain"] },
        { "POST", "/api/v1/conversations/{conversation}/messages", ["text", "clientMessageId", "context"] },
        { "PUT", "/api/v1/workspace/members/{member}", ["role"] },
        { "POST", "/api/v1/workspace/invitations", ["role"] },
        { "POST", "/api/v1/workspace/api-keys", ["name", "role"] },
        { "POST", "/api/v1/invitations/accept", ["invitation"] },
    };

    private static string Every(string[] properties, Func<string, JsonNode?> value)
    {
        var body = new JsonObject();
        foreach (var property in properties)
        {
            body[property] = value(property);
        }

        return body.ToJsonString();
    }

    private static IEnumerable<(string Name, string Body)> Corpus(string[] properties)
    {
        yield return ("broken JSON", "{\"email\": ");
        yield return ("not JSON", "email=rosa@example.com&password=x");
        yield return ("an array", "[1, 2, 3]");
        yield return ("a string", "\"hello\"");
        yield return ("null", "null");
        yield return ("an empty object", "{}");
        yield return ("an unknown property", Every([.. properties, "isAdmin"], _ => true));
        yield return ("wrong types", Every(properties, _ => 12345));
        yield return ("objects everywhere", Every(properties, _ => new JsonObject { ["$where"] = "1 == 1" }));
        yield return ("nulls", Every(properties, _ => null));
        yield return ("huge strings", Every(properties, _ => new string('x', 9_000)));
        yield return ("control characters", Every(properties, p => $"Rosa\u0000\u0007\u001b[31m bakery {p}@example.com"));
        yield return ("text-direction overrides", Every(properties, p => $"Rosa \u202Egnirts\u202C {p}@example.com"));
        yield return ("operations with hidden characters", """{"operations":[{"op":"set_text","section":"hero","field":"headline","value":"Fresh\u0000bread\u202E"}]}""");
        yield return ("deep nesting", new string('[', 5_000) + new string(']', 5_000));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Malformed_bodies_get_a_4xx_problem_and_write_nothing(string method, string path, string[] properties)
    {
        var url = path.Replace("{project}", _project.ToString(), StringComparison.Ordinal)
            .Replace("{conversation}", _conversation.ToString(), StringComparison.Ordinal)
            .Replace("{member}", _member.ToString(), StringComparison.Ordinal);
        var before = await RowCountsAsync();

        foreach (var (name, body) in Corpus(properties))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

            var response = await _owner.SendAsync(request);

            var text = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).Should().BeInRange(400, 499, $"{name} on {method} {path}: {text}");
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", $"{name} on {method} {path}");
            text.Should().NotContain("   at ", "no stack trace leaves the server").And.NotContain("Exception");
        }

        (await RowCountsAsync()).Should().Equal(before, $"nothing is written by {method} {path}");
    }

    [Fact]
    public async Task A_body_over_256_KB_is_refused_with_413()
    {
        var before = await RowCountsAsync();
        using var content = new StringContent(JsonSerializer.Serialize(new { description = new string('x', 300_000) }), Encoding.UTF8, "application/json");

        var response = await _owner.PostAsync("/api/v1/projects", content);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await RowCountsAsync()).Should().Equal(before);
    }

    /// <summary>Rows in every table a request could write to.</summary>
    private async Task<long[]> RowCountsAsync()
    {
        string[] tables = ["mt_events", "mt_streams", "navo_tenants", "navo_accounts", "navo_members", "navo_tokens", "navo_api_keys",
            "navo_site_domains", "navo_live_sites", "navo_leads", "navo_audit"];
        var counts = new long[tables.Length];
        for (var i = 0; i < tables.Length; i++)
        {
            await using var command = factory.Database.DataSource.CreateCommand($"select count(*) from {tables[i]}");
            counts[i] = (long)(await command.ExecuteScalarAsync())!;
        }

        return counts;
    }
}

/// <summary>The corpus in Development, the mode <c>./build.sh run</c> uses.</summary>
public sealed class MalformedBodyTestsInDevelopment(DevelopmentHostFactory factory) : MalformedBodyTests<DevelopmentHostFactory>(factory);

/// <summary>The corpus in Production.</summary>
public sealed class MalformedBodyTestsInProduction(ProductionHostFactory factory) : MalformedBodyTests<ProductionHostFactory>(factory);
