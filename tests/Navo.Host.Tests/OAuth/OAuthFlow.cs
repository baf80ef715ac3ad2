using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using ModelContextProtocol.Client;
using Navo.EventStore;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests.OAuth;

/// <summary>
/// An assistant's side of Navo's OAuth by hand, step by step as the MCP client takes them (registration, PKCE, the
/// person's consent in their browser session, the code's redemption), so that each step can be done wrong on purpose.
/// </summary>
internal sealed class OAuthFlow(NavoHostFactory factory)
{
    public const string RedirectUri = "http://127.0.0.1:8765/callback";
    public const string Mcp = "http://localhost/mcp";

    /// <summary>How OpenIddict names the kinds of token it stores.</summary>
    public const string Code = "urn:openiddict:params:oauth:token-type:authorization_code";
    public const string Access = "urn:openiddict:params:oauth:token-type:access_token";
    public const string Refresh = "urn:openiddict:params:oauth:token-type:refresh_token";

    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    /// <summary>A client with no credentials, which shows redirects rather than following them.</summary>
    public HttpClient Anonymous { get; } = factory.CreateClient(NoRedirects);

    /// <summary>A person signed in to the studio (the session cookie only, as a browser has), owner of a new workspace or invited.</summary>
    public async Task<HttpClient> PersonAsync(string? invitation = null)
    {
        var person = await factory.SignUpAsync(invitation, NoRedirects);
        person.DefaultRequestHeaders.Authorization = null;
        return person;
    }

    public async Task<HttpResponseMessage> RegisterAsync(object metadata) => await Anonymous.PostAsJsonAsync("/oauth/register", metadata);

    public async Task<string> RegisterAsync(string redirectUri = RedirectUri)
    {
        var response = await RegisterAsync(new { redirect_uris = new[] { redirectUri }, client_name = "Test Assistant", grant_types = new[] { "authorization_code", "refresh_token" } });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client_id").GetString()!;
    }

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string clientId, string? challenge, string? resource = Mcp, string redirectUri = RedirectUri, string method = "S256")
    {
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["scope"] = "mcp offline_access", ["state"] = "st-123",
        };
        if (challenge is not null)
        {
            query["code_challenge"] = challenge;
            query["code_challenge_method"] = method;
        }

        if (resource is not null)
        {
            query["resource"] = resource;
        }

        return QueryHelpers.AddQueryString("/oauth/authorize", query);
    }

    /// <summary>The person opens the consent page and answers it; the answer (a redirect to the client) is returned.</summary>
    public static async Task<HttpResponseMessage> ConsentAsync(HttpClient person, string authorizeUrl, string role = "editor", string decision = "allow")
    {
        var page = await person.GetAsync(authorizeUrl);
        page.StatusCode.Should().Be(HttpStatusCode.OK, await page.Content.ReadAsStringAsync());
        var form = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), authorizeUrl).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        form["navo_decision"] = decision;
        form["navo_role"] = role;
        return await person.PostAsync("/oauth/authorize", new FormUrlEncodedContent(form));
    }

    /// <summary>The <paramref name="name"/> parameter of a redirect to the client.</summary>
    public static string? Returned(HttpResponseMessage redirect, string name)
    {
        redirect.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = redirect.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).Should().Be(RedirectUri);
        return QueryHelpers.ParseQuery(location.Query).TryGetValue(name, out var value) ? value.ToString() : null;
    }

    public async Task<HttpResponseMessage> RedeemAsync(string clientId, string code, string? verifier, string redirectUri = RedirectUri, string? resource = Mcp)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code, ["redirect_uri"] = redirectUri };
        if (verifier is not null)
        {
            form["code_verifier"] = verifier;
        }

        if (resource is not null)
        {
            form["resource"] = resource;
        }

        return await Anonymous.PostAsync("/oauth/token", new FormUrlEncodedContent(form));
    }

    /// <summary>The whole flow for <paramref name="person"/> granting <paramref name="role"/>: the token answer.</summary>
    public async Task<(string ClientId, JsonElement Tokens)> TokensAsync(HttpClient person, string role = "editor")
    {
        var clientId = await RegisterAsync();
        var (verifier, challenge) = Pkce();
        var code = Returned(await ConsentAsync(person, AuthorizeUrl(clientId, challenge), role), "code")!;
        var response = await RedeemAsync(clientId, code, verifier);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (clientId, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>The official MCP client on <c>/mcp</c> with <paramref name="accessToken"/>.</summary>
    public async Task<McpClient> ConnectAsync(string accessToken, string host = "localhost")
    {
        var http = factory.CreateClient();
        http.BaseAddress = new Uri($"http://{host}/");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress, "mcp"), TransportMode = HttpTransportMode.StreamableHttp }, http, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }

    /// <summary>A plain <c>tools/list</c> on <c>/mcp</c> with <paramref name="accessToken"/>: the status tells whether the token is accepted.</summary>
    public async Task<HttpResponseMessage> ListToolsAsync(string? accessToken, string host = "localhost")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://{host}/mcp")
        {
            Content = JsonContent.Create(new { jsonrpc = "2.0", id = 1, method = "tools/list" }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await Anonymous.SendAsync(request);
    }

    /// <summary>How many rows the authorization server keeps, by kind: the "nothing written" of a refusal.</summary>
    public async Task<(long Applications, long Authorizations, long Tokens)> RowsAsync()
    {
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        return (await connection.ScalarAsync<long>("select count(*) from navo_oauth_applications", default),
            await connection.ScalarAsync<long>("select count(*) from navo_oauth_authorizations", default),
            await connection.ScalarAsync<long>("select count(*) from navo_oauth_tokens", default));
    }

    /// <summary>The stored tokens of <paramref name="clientId"/>: type and status, oldest first.</summary>
    public async Task<List<(string Type, string Status)>> TokensOfAsync(string clientId)
    {
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        return await connection.ListAsync(
            """
            select t.type, t.status from navo_oauth_tokens t join navo_oauth_applications a on a.id = t.application_id
            where a.client_id = $1 order by t.creation_date, t.id
            """, r => (r.GetString(0), r.GetString(1)), default, clientId);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
