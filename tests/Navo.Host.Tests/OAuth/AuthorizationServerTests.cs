using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests.OAuth;

/// <summary>
/// What Navo's authorization server refuses, step by step as an assistant (or an attacker posing as one) would take
/// them: each refusal with its status, and nothing stored by it.
/// </summary>
public sealed class AuthorizationServerTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private readonly OAuthFlow _flow = new(factory);

    [Theory]
    [InlineData("http://assistant.example/callback")]
    [InlineData("http://127.0.0.1.assistant.example/callback")]
    [InlineData("https://assistant.example/callback#fragment")]
    [InlineData("javascript:alert(1)")]
    [InlineData("callback")]
    public async Task Registration_refuses_a_redirect_uri_that_is_neither_https_nor_loopback_and_stores_nothing(string redirectUri)
    {
        var before = await _flow.RowsAsync();

        var response = await _flow.RegisterAsync(new { redirect_uris = new[] { redirectUri }, client_name = "Sneaky" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Be("invalid_redirect_uri");
        (await _flow.RowsAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("https://assistant.example/callback")]
    [InlineData("http://localhost:4711/callback")]
    [InlineData("http://[::1]:4711/callback")]
    public async Task Registration_takes_https_and_loopback_redirect_uris_for_a_public_client(string redirectUri)
    {
        var response = await _flow.RegisterAsync(new { redirect_uris = new[] { redirectUri }, token_endpoint_auth_method = "client_secret_post" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var client = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.GetProperty("client_id").GetString().Should().StartWith("mcp_");
        client.GetProperty("token_endpoint_auth_method").GetString().Should().Be("none");
        client.TryGetProperty("client_secret", out _).Should().BeFalse();
        client.GetProperty("redirect_uris").EnumerateArray().Select(u => u.GetString()).Should().Equal(redirectUri);
    }

    [Fact]
    public async Task A_redirect_uri_the_client_did_not_register_is_refused_without_redirecting_there()
    {
        var person = await _flow.PersonAsync();
        var clientId = await _flow.RegisterAsync();
        var before = await _flow.RowsAsync();

        var response = await person.GetAsync(OAuthFlow.AuthorizeUrl(clientId, OAuthFlow.Pkce().Challenge, redirectUri: "http://127.0.0.1:8765/elsewhere"));

        await RefusedHereAsync(response, "invalid_request");
        (await _flow.RowsAsync()).Should().Be(before);
    }

    /// <summary>
    /// A request OpenIddict refuses before it has trusted the redirect URI is answered here, never sent on: 400 with
    /// problem details, no consent page, no redirect.
    /// </summary>
    private static async Task RefusedHereAsync(HttpResponseMessage response, string error)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Location.Should().BeNull();
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("error").GetString().Should().Be(error);
        problem.GetProperty("detail").GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData(null, "S256")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "plain")]
    public async Task An_authorization_request_without_an_s256_challenge_is_refused_before_consent(string? challenge, string method)
    {
        var person = await _flow.PersonAsync();
        var clientId = await _flow.RegisterAsync();
        var before = await _flow.RowsAsync();

        var response = await person.GetAsync(OAuthFlow.AuthorizeUrl(clientId, challenge, method: method));

        await RefusedHereAsync(response, "invalid_request");
        (await _flow.RowsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task An_authorization_request_without_a_redirect_uri_is_refused_here_and_stores_nothing()
    {
        var person = await _flow.PersonAsync();
        var clientId = await _flow.RegisterAsync();
        var before = await _flow.RowsAsync();
        var withoutRedirect = System.Text.RegularExpressions.Regex.Replace(OAuthFlow.AuthorizeUrl(clientId, OAuthFlow.Pkce().Challenge), @"&?redirect_uri=[^&]*", string.Empty);

        var response = await person.GetAsync(withoutRedirect);

        await RefusedHereAsync(response, "invalid_request");
        (await _flow.RowsAsync()).Should().Be(before);
    }

    [Theory]
    // OpenIddict refuses a resource the client was not permitted at registration (only this host's /mcp) first.
    [InlineData("http://localhost/api/v1", "invalid_request")]
    [InlineData("https://elsewhere.example/mcp", "invalid_request")]
    [InlineData(null, "invalid_target")]
    public async Task An_authorization_request_for_another_resource_or_none_is_refused(string? resource, string error)
    {
        var person = await _flow.PersonAsync();
        var clientId = await _flow.RegisterAsync();
        var before = await _flow.RowsAsync();

        var response = await person.GetAsync(OAuthFlow.AuthorizeUrl(clientId, OAuthFlow.Pkce().Challenge, resource));

        await RefusedHereAsync(response, error);
        (await _flow.RowsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_wrong_or_missing_code_verifier_is_refused_and_no_token_is_issued()
    {
        var person = await _flow.PersonAsync();
        var clientId = await _flow.RegisterAsync();
        var code = OAuthFlow.Returned(await OAuthFlow.ConsentAsync(person, OAuthFlow.AuthorizeUrl(clientId, OAuthFlow.Pkce().Challenge)), "code")!;

        var wrong = await _flow.RedeemAsync(clientId, code, OAuthFlow.Pkce().Verifier);
        var missing = await _flow.RedeemAsync(clientId, code, verifier: null);

        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Be("invalid_grant");
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Be("invalid_request");
        (await _flow.TokensOfAsync(clientId)).Select(t => t.Type).Should().Equal(OAuthFlow.Code);
    }

    [Fact]
    public async Task A_code_redeemed_for_another_redirect_uri_is_refused()
    {
        var person = await _flow.PersonAsync();
        var registered = await _flow.RegisterAsync(new
        {
            redirect_uris = new[] { OAuthFlow.RedirectUri, "http://127.0.0.1:8765/other" }, grant_types = new[] { "authorization_code", "refresh_token" },
        });
        var clientId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client_id").GetString()!;
        var (verifier, challenge) = OAuthFlow.Pkce();
        var code = OAuthFlow.Returned(await OAuthFlow.ConsentAsync(person, OAuthFlow.AuthorizeUrl(clientId, challenge)), "code")!;

        var response = await _flow.RedeemAsync(clientId, code, verifier, redirectUri: "http://127.0.0.1:8765/other");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Be("invalid_grant");
        (await _flow.TokensOfAsync(clientId)).Select(t => t.Type).Should().Equal(OAuthFlow.Code);
    }

    [Fact]
    public async Task A_code_used_twice_is_refused_and_the_tokens_it_gave_stop_working()
    {
        var person = await _flow.PersonAsync();
        var clientId = await _flow.RegisterAsync();
        var (verifier, challenge) = OAuthFlow.Pkce();
        var code = OAuthFlow.Returned(await OAuthFlow.ConsentAsync(person, OAuthFlow.AuthorizeUrl(clientId, challenge)), "code")!;
        var first = await (await _flow.RedeemAsync(clientId, code, verifier)).Content.ReadFromJsonAsync<JsonElement>();
        var accessToken = first.GetProperty("access_token").GetString()!;
        (await _flow.ListToolsAsync(accessToken)).StatusCode.Should().Be(HttpStatusCode.OK);

        var again = await _flow.RedeemAsync(clientId, code, verifier);

        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Be("invalid_grant");
        (await _flow.ListToolsAsync(accessToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _flow.TokensOfAsync(clientId)).Where(t => t.Type != OAuthFlow.Code).Should().OnlyContain(t => t.Status == "revoked").And.HaveCount(2);
    }

    [Fact]
    public async Task A_declined_consent_returns_access_denied_and_issues_nothing()
    {
        var person = await _flow.PersonAsync();
        var clientId = await _flow.RegisterAsync();

        var answer = await OAuthFlow.ConsentAsync(person, OAuthFlow.AuthorizeUrl(clientId, OAuthFlow.Pkce().Challenge), decision: "deny");

        OAuthFlow.Returned(answer, "error").Should().Be("access_denied");
        OAuthFlow.Returned(answer, "code").Should().BeNull();
        (await _flow.TokensOfAsync(clientId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in_and_back_to_the_same_request()
    {
        var clientId = await _flow.RegisterAsync();
        var url = OAuthFlow.AuthorizeUrl(clientId, OAuthFlow.Pkce().Challenge);

        var response = await _flow.Anonymous.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/signin?next=" + Uri.EscapeDataString(url));
    }

    [Fact]
    public async Task The_consent_page_shows_the_clients_own_name_as_text_and_cannot_be_framed()
    {
        var person = await _flow.PersonAsync();
        var registered = await _flow.RegisterAsync(new
        {
            redirect_uris = new[] { OAuthFlow.RedirectUri }, client_name = "<script>alert(1)</script> Helper", grant_types = new[] { "authorization_code", "refresh_token" },
        });
        var clientId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client_id").GetString()!;

        var page = await person.GetAsync(OAuthFlow.AuthorizeUrl(clientId, OAuthFlow.Pkce().Challenge));

        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("Connect &lt;script&gt;alert(1)&lt;/script&gt; Helper to Navo?").And.NotContain("<script>");
        page.Headers.GetValues("Content-Security-Policy").Single().Should()
            .Be("default-src 'none'; style-src 'self'; form-action 'self' http://127.0.0.1:8765; base-uri 'none'; frame-ancestors 'none'");
        page.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
    }
}
