using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.Client;
using Navo.Host.Tests.Mcp;
using Navo.Host.Tests.Support;

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
        challenge.Parameter.Should().Contain("resource_metadata=\"http://localhost/.well-known/oauth-protected-resource\"");
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
}
