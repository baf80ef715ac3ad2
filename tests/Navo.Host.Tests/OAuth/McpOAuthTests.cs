using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.Client;
using Navo.Host.Tests.Mcp;
using Navo.Host.Tests.Support;
using Navo.Testing;

namespace Navo.Host.Tests.OAuth;

/// <summary>
/// Connecting an assistant to <c>/mcp</c> by signing in: the official MCP C# client finds Navo's authorization server
/// from the 401, registers, sends the person to consent, redeems the code with PKCE and calls the tools, against the
/// host and its database.
/// </summary>
public sealed class McpOAuthTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private readonly OAuthFlow _flow = new(factory);

    [Fact]
    public async Task The_official_client_connects_by_registration_consent_and_pkce_and_calls_a_tool_as_the_person()
    {
        var person = await _flow.PersonAsync();
        var consentPages = new List<string>();
        var http = factory.CreateClient();
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(OAuthFlow.Mcp),
            TransportMode = HttpTransportMode.StreamableHttp,
            OAuth = new ClientOAuthOptions
            {
                RedirectUri = new Uri(OAuthFlow.RedirectUri),
                DynamicClientRegistration = new DynamicClientRegistrationOptions { ClientName = "Casa Assistant" },
                AuthorizationCallbackHandler = async (context, _) =>
                {
                    var url = context.AuthorizationUri.PathAndQuery;
                    consentPages.Add(await (await person.GetAsync(url)).Content.ReadAsStringAsync());
                    var answer = await OAuthFlow.ConsentAsync(person, url, "editor");
                    return new AuthorizationResult
                    {
                        Code = OAuthFlow.Returned(answer, "code"),
                        State = OAuthFlow.Returned(answer, "state"),
                        Iss = OAuthFlow.Returned(answer, "iss"),
                    };
                },
            },
        }, http, ownsHttpClient: true);

        await using var client = await McpClient.CreateAsync(transport);
        var tools = await client.ListToolsAsync();
        var drafted = await client.CallAsync("generate_site", new { description = "Casa Lume is a candle shop in Porto.", businessName = "Casa Lume" });

        consentPages.Should().ContainSingle().Which.Should().Contain("Connect Casa Assistant to Navo?").And.Contain("returning to http://127.0.0.1:8765");
        tools.Select(t => t.Name).Should().Contain(["generate_site", "edit_site", "list_projects"]);
        drafted.IsError.Should().BeFalse(drafted.Text());
        var projects = await person.GetFromJsonAsync<JsonElement>("/api/v1/projects");
        projects.EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Equal("Casa Lume");
    }

    [Fact]
    public async Task Without_credentials_mcp_answers_401_naming_the_resource_metadata_which_names_this_server()
    {
        var response = await _flow.ListToolsAsync(null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var challenge = response.Headers.WwwAuthenticate.Should().ContainSingle().Subject;
        challenge.Scheme.Should().Be("Bearer");
        challenge.Parameter.Should().Be("resource_metadata=\"http://localhost/.well-known/oauth-protected-resource\"");
        var resource = await _flow.Anonymous.GetFromJsonAsync<JsonElement>("/.well-known/oauth-protected-resource");
        resource.GetProperty("resource").GetString().Should().Be(OAuthFlow.Mcp);
        resource.GetProperty("authorization_servers").EnumerateArray().Select(s => s.GetString()).Should().Equal("http://localhost/");
        var server = await _flow.Anonymous.GetFromJsonAsync<JsonElement>("/.well-known/oauth-authorization-server");
        server.GetProperty("issuer").GetString().Should().Be("http://localhost/");
        server.GetProperty("registration_endpoint").GetString().Should().Be("http://localhost/oauth/register");
        server.GetProperty("authorization_endpoint").GetString().Should().Be("http://localhost/oauth/authorize");
        server.GetProperty("token_endpoint").GetString().Should().Be("http://localhost/oauth/token");
        server.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(s => s.GetString()).Should().Equal("S256");
        server.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(s => s.GetString()).Should().Equal("none");
    }

    [Fact]
    public async Task A_viewers_token_reads_but_cannot_edit_and_a_viewer_cannot_grant_more_than_viewer()
    {
        var owner = await _flow.PersonAsync();
        var created = await (await owner.PostAsJsonAsync("/api/v1/projects", new { description = "Casa Lume is a candle shop in Porto.", businessName = "Casa Lume" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var viewer = await _flow.PersonAsync(await owner.InviteAsync("viewer"));
        var clientId = await _flow.RegisterAsync();
        var before = await _flow.RowsAsync();

        var tooMuch = await OAuthFlow.ConsentAsync(viewer, OAuthFlow.AuthorizeUrl(clientId, OAuthFlow.Pkce().Challenge), role: "editor");

        tooMuch.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _flow.RowsAsync()).Should().Be(before);
        var (_, tokens) = await _flow.TokensAsync(viewer, role: "viewer");
        await using var client = await _flow.ConnectAsync(tokens.GetProperty("access_token").GetString()!);
        var opened = await client.CallAsync("open_project", new { name = "Casa Lume" });
        var edit = await client.CallAsync("edit_site", new { operations = new[] { new { op = "set_text", section = "hero", field = "headline", value = "Not allowed" } } });

        opened.IsError.Should().BeFalse(opened.Text());
        edit.IsError.Should().BeTrue();
        edit.Text().Should().Be(Navo.Agent.Functions.RoleFilter.ReadOnlyRefusal);
        (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{created.GetProperty("id").GetGuid()}")).GetProperty("version").GetInt64()
            .Should().Be(created.GetProperty("version").GetInt64());
        var audit = await owner.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=200");
        audit.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("outcome").GetString()))
            .Should().Contain(("tool.edit_site", "denied")).And.Contain(("oauth.consent", "ok"));
    }

    [Fact]
    public async Task An_owner_who_grants_viewer_gets_a_viewers_token()
    {
        var owner = await _flow.PersonAsync();
        var (_, tokens) = await _flow.TokensAsync(owner, role: "viewer");
        await using var client = await _flow.ConnectAsync(tokens.GetProperty("access_token").GetString()!);

        var drafted = await client.CallAsync("generate_site", new { description = "A bakery in Lyon.", businessName = "Pain Doré" });

        drafted.Text().Should().Be(Navo.Agent.Functions.RoleFilter.ReadOnlyRefusal);
        (await owner.GetFromJsonAsync<JsonElement>("/api/v1/projects")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Another_workspaces_projects_are_invisible_to_a_token()
    {
        var owner = await _flow.PersonAsync();
        await owner.PostAsJsonAsync("/api/v1/projects", new { description = "Casa Lume is a candle shop in Porto.", businessName = "Casa Lume" });
        var stranger = await _flow.PersonAsync();
        var (_, tokens) = await _flow.TokensAsync(stranger);
        await using var client = await _flow.ConnectAsync(tokens.GetProperty("access_token").GetString()!);

        var listed = await client.CallAsync("list_projects");
        var opened = await client.CallAsync("open_project", new { name = "Casa Lume" });

        listed.Text().Should().NotContain("Casa Lume");
        opened.Text().Should().NotContain("Casa Lume is open");
        (await client.ListResourcesAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_revoked_token_stops_at_once()
    {
        var person = await _flow.PersonAsync();
        var (clientId, tokens) = await _flow.TokensAsync(person);
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        (await _flow.ListToolsAsync(accessToken)).StatusCode.Should().Be(HttpStatusCode.OK);

        var revoked = await _flow.Anonymous.PostAsync("/oauth/revoke",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = accessToken, ["client_id"] = clientId }));

        revoked.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _flow.ListToolsAsync(accessToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_member_removed_from_the_workspace_loses_the_token_and_cannot_refresh_it()
    {
        var owner = await _flow.PersonAsync();
        var editor = await _flow.PersonAsync(await owner.InviteAsync("editor"));
        var editorId = (await editor.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userId").GetGuid();
        var (clientId, tokens) = await _flow.TokensAsync(editor);
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        (await _flow.ListToolsAsync(accessToken)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await owner.DeleteAsync($"/api/v1/workspace/members/{editorId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await _flow.ListToolsAsync(accessToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var refresh = await _flow.Anonymous.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
        }));
        refresh.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Be("invalid_grant");
        // Revoked, not merely refused while they are out: being invited back does not bring the grant back.
        (await _flow.TokensOfAsync(clientId)).Should().NotBeEmpty().And.OnlyContain(t => t.Status == "revoked");
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_that_works()
    {
        var person = await _flow.PersonAsync();
        var (clientId, tokens) = await _flow.TokensAsync(person);

        var refresh = await _flow.Anonymous.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
        }));

        refresh.StatusCode.Should().Be(HttpStatusCode.OK);
        var renewed = (await refresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        (await _flow.ListToolsAsync(renewed)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_is_refused_by_the_host_under_another_name_since_it_was_issued_for_this_mcp()
    {
        var person = await _flow.PersonAsync();
        var (_, tokens) = await _flow.TokensAsync(person);
        var accessToken = tokens.GetProperty("access_token").GetString()!;

        var here = await _flow.ListToolsAsync(accessToken);
        var elsewhere = await _flow.ListToolsAsync(accessToken, host: "assistant-proxy.example");

        here.StatusCode.Should().Be(HttpStatusCode.OK);
        elsewhere.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        elsewhere.Headers.WwwAuthenticate.Single().Parameter.Should().Contain("resource_metadata=\"http://assistant-proxy.example/.well-known/oauth-protected-resource\"");
    }

    [Fact]
    public async Task Deleting_the_workspace_of_its_only_member_erases_their_grants_and_tokens()
    {
        var person = await _flow.PersonAsync();
        var me = await person.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var (clientId, _) = await _flow.TokensAsync(person);
        (await _flow.TokensOfAsync(clientId)).Should().HaveCount(3);

        var deleted = await person.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/tenant")
        {
            Content = JsonContent.Create(new { confirm = me.GetProperty("workspace").GetProperty("name").GetString() }),
        });

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _flow.TokensOfAsync(clientId)).Should().BeEmpty();
    }
}
