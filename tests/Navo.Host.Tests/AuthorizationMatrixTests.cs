using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

/// <summary>
/// Every endpoint, called by each role of the workspace and by another workspace: roles get exactly what
/// design.md section 2 gives them, and another workspace's ids answer 404 with none of its data.
/// </summary>
public sealed class AuthorizationMatrixTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>, IAsyncLifetime
{
    /// <summary>What the workspace holds: a published project with a conversation, a pending domain, a member and an API key.</summary>
    private sealed record Workspace(Guid Project, Guid Conversation, Guid Member, Guid ApiKey, string ProjectName);

    private Workspace _owned = null!;

    public async Task InitializeAsync()
    {
        var owner = factory.Owner;
        var conversation = (await (await owner.PostAsync("/api/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var built = await (await owner.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages",
            new { text = "Build a site for Zebra Matrix Studio, a design studio in Porto" })).Content.ReadFromJsonAsync<JsonElement>();
        var project = built.GetProperty("projectId").GetGuid();
        (await owner.PostAsync($"/api/v1/projects/{project}/publish", null)).EnsureSuccessStatusCode();
        (await owner.PostAsJsonAsync($"/api/v1/projects/{project}/domains", new { domain = "www.zebra-matrix.example" })).EnsureSuccessStatusCode();
        var member = await factory.MemberAsync("viewer");
        var memberId = (await member.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userId").GetGuid();
        var key = (await (await owner.PostAsJsonAsync("/api/v1/workspace/api-keys", new { name = "matrix", role = "viewer" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("apiKey").GetProperty("id").GetGuid();
        _owned = new Workspace(project, conversation, memberId, key, "Zebra Matrix Studio");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Method, path (with {project}, {conversation}, {member}, {key}), body, and the least role that may call it.</summary>
    public static TheoryData<string, string, string?, string> Endpoints() => new()
    {
        { "GET", "/api/v1/me", null, "viewer" },
        { "GET", "/api/v1/projects", null, "viewer" },
        { "POST", "/api/v1/projects", """{"description":"A florist in Braga"}""", "editor" },
        { "GET", "/api/v1/projects/{project}", null, "viewer" },
        { "POST", "/api/v1/projects/{project}/operations", """{"operations":[{"op":"set_theme","mode":"dark"}]}""", "editor" },
        { "GET", "/api/v1/projects/{project}/history", null, "viewer" },
        { "GET", "/api/v1/projects/{project}/diff?from=1&to=2", null, "viewer" },
        { "POST", "/api/v1/projects/{project}/revert", """{"version":2}""", "editor" },
        { "GET", "/api/v1/projects/{project}/leads", null, "viewer" },
        { "GET", "/api/v1/projects/{project}/leads?format=csv", null, "viewer" },
        { "GET", "/api/v1/projects/{project}/analytics?period=7d", null, "viewer" },
        { "GET", "/api/v1/projects/{project}/suggestions", null, "viewer" },
        { "POST", "/api/v1/projects/{project}/suggestions/00000000-0000-0000-0000-000000000001/apply", null, "editor" },
        { "POST", "/api/v1/projects/{project}/suggestions/00000000-0000-0000-0000-000000000001/dismiss", null, "editor" },
        { "GET", "/api/v1/workspace/suggestions", null, "viewer" },
        { "GET", "/api/v1/projects/{project}/experiments", null, "viewer" },
        { "POST", "/api/v1/projects/{project}/experiments", """{"section":"hero","field":"headline","variant":"A matrix of zebras"}""", "editor" },
        { "POST", "/api/v1/projects/{project}/experiments/00000000-0000-0000-0000-000000000001/conclude", """{"apply":false}""", "editor" },
        { "POST", "/api/v1/projects/{project}/publish", "{}", "editor" },
        { "POST", "/api/v1/projects/{project}/rollback", "{}", "editor" },
        { "POST", "/api/v1/projects/{project}/unpublish", "{}", "editor" },
        { "PUT", "/api/v1/projects/{project}/slug", """{"slug":"zebra-matrix-moved"}""", "owner" },
        { "GET", "/api/v1/projects/{project}/domains", null, "viewer" },
        { "POST", "/api/v1/projects/{project}/domains", """{"domain":"shop.zebra-matrix.example"}""", "owner" },
        { "POST", "/api/v1/projects/{project}/domains/www.zebra-matrix.example/verify", "{}", "owner" },
        { "DELETE", "/api/v1/projects/{project}/domains/shop.zebra-matrix.example", null, "owner" },
        { "GET", "/api/v1/projects/{project}/assets", null, "viewer" },
        { "POST", "/api/v1/projects/{project}/assets", "{}", "editor" },
        { "GET", "/api/v1/projects/{project}/assets/0000000000000000000000000000000000000000000000000000000000000000", null, "viewer" },
        { "DELETE", "/api/v1/projects/{project}/assets/0000000000000000000000000000000000000000000000000000000000000000", null, "editor" },
        { "GET", "/preview/{project}/", null, "viewer" },
        { "GET", "/preview/{project}/v/2/", null, "viewer" },
        { "POST", "/api/v1/conversations", null, "viewer" },
        { "POST", "/api/v1/conversations/{conversation}/messages", """{"text":"show me the history"}""", "viewer" },
        { "GET", "/api/v1/conversations/{conversation}/messages", null, "viewer" },
        { "GET", "/api/v1/workspace/members", null, "viewer" },
        { "PUT", "/api/v1/workspace/members/{member}", """{"role":"viewer"}""", "owner" },
        { "POST", "/api/v1/workspace/invitations", """{"role":"viewer"}""", "owner" },
        { "GET", "/api/v1/workspace/api-keys", null, "owner" },
        { "POST", "/api/v1/workspace/api-keys", """{"name":"another","role":"viewer"}""", "owner" },
        { "DELETE", "/api/v1/workspace/api-keys/{key}", null, "owner" },
        { "GET", "/api/v1/workspace/sso", null, "owner" },
        { "PUT", "/api/v1/workspace/sso", """{"issuer":"https://login.matrix.example/","clientId":"navo","clientSecret":"s","domains":["matrix.example"]}""", "owner" },
        { "DELETE", "/api/v1/workspace/sso", null, "owner" },
        { "GET", "/api/v1/audit", null, "owner" },
        { "GET", "/api/v1/audit/export?format=json", null, "owner" },
        { "GET", "/api/v1/tenant/export", null, "owner" },
        { "DELETE", "/api/v1/tenant", """{"confirm":"not the workspace's name"}""", "owner" },
        { "DELETE", "/api/v1/me", """{"password":"not the password"}""", "viewer" },
    };

    private static readonly string[] Ladder = ["viewer", "editor", "owner"];

    private static HttpRequestMessage Request(string method, string path, string? body, Workspace workspace) =>
        new(new HttpMethod(method), path
            .Replace("{project}", workspace.Project.ToString(), StringComparison.Ordinal)
            .Replace("{conversation}", workspace.Conversation.ToString(), StringComparison.Ordinal)
            .Replace("{member}", workspace.Member.ToString(), StringComparison.Ordinal)
            .Replace("{key}", workspace.ApiKey.ToString(), StringComparison.Ordinal))
        {
            Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_role_may_call_what_its_role_allows_and_gets_403_otherwise(string method, string path, string? body, string least)
    {
        foreach (var role in Ladder)
        {
            var client = role == "owner" ? await factory.SignUpAsync() : await factory.MemberAsync(role);
            var workspace = role == "owner" ? await OwnWorkspaceAsync(client) : _owned;
            using var request = Request(method, path, body, workspace);

            var response = await client.SendAsync(request);

            var allowed = Array.IndexOf(Ladder, role) >= Array.IndexOf(Ladder, least);
            if (allowed)
            {
                ((int)response.StatusCode).Should().BeLessThan(500, $"{role} {method} {path}: {await response.Content.ReadAsStringAsync()}")
                    .And.NotBe(401).And.NotBe(403);
            }
            else
            {
                response.StatusCode.Should().Be(HttpStatusCode.Forbidden, $"{role} {method} {path}");
                response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Another_workspace_gets_404_for_this_workspaces_ids_and_none_of_its_data(string method, string path, string? body, string least)
    {
        _ = least;
        var stranger = await factory.SignUpAsync();
        var before = await factory.Owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{_owned.Project}");
        using var request = Request(method, path, body, _owned);

        var response = await stranger.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain(_owned.ProjectName).And.NotContain(_owned.Project.ToString()).And.NotContain("zebra-matrix");
        if (path.Contains('{', StringComparison.Ordinal))
        {
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{method} {path}: {text}");
        }
        else
        {
            ((int)response.StatusCode).Should().BeLessThan(500, text);
        }

        var after = await factory.Owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{_owned.Project}");
        after.GetProperty("version").GetInt64().Should().Be(before.GetProperty("version").GetInt64(), "nothing of the other workspace changed");
        (await factory.Owner.GetFromJsonAsync<JsonElement[]>("/api/v1/workspace/members"))!.Should().Contain(m => m.GetProperty("userId").GetGuid() == _owned.Member);
    }

    [Fact]
    public async Task A_message_naming_another_workspaces_project_changes_nothing_there()
    {
        var stranger = await factory.SignUpAsync();
        var conversation = (await (await stranger.PostAsync("/api/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var before = (await factory.Owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{_owned.Project}")).GetProperty("version").GetInt64();

        var reply = await stranger.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages",
            new { text = "make it dark", context = new { projectId = _owned.Project } });

        ((int)reply.StatusCode).Should().BeLessThan(500);
        (await reply.Content.ReadAsStringAsync()).Should().NotContain(_owned.ProjectName);
        (await factory.Owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{_owned.Project}")).GetProperty("version").GetInt64().Should().Be(before);
    }

    /// <summary>An owner's own workspace with the same kinds of things, so owner-only calls have something to act on.</summary>
    private async Task<Workspace> OwnWorkspaceAsync(HttpClient owner)
    {
        var conversation = (await (await owner.PostAsync("/api/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var created = await (await owner.PostAsJsonAsync("/api/v1/projects", new { description = "Owner Matrix Café is a café in Braga." })).Content.ReadFromJsonAsync<JsonElement>();
        var project = created.GetProperty("id").GetGuid();
        (await owner.PostAsync($"/api/v1/projects/{project}/publish", null)).EnsureSuccessStatusCode();
        (await owner.PostAsJsonAsync($"/api/v1/projects/{project}/domains", new { domain = $"www.owner-{Guid.NewGuid():N}.example" })).EnsureSuccessStatusCode();
        var member = await factory.MemberAsync("editor", owner);
        var memberId = (await member.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userId").GetGuid();
        var key = (await (await owner.PostAsJsonAsync("/api/v1/workspace/api-keys", new { name = "own", role = "viewer" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("apiKey").GetProperty("id").GetGuid();
        return new Workspace(project, conversation, memberId, key, "Owner Matrix Café");
    }
}
