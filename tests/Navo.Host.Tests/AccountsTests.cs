using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Navo.Host.Identity;
using Navo.Host.Tests.Support;
using Navo.Testing;

namespace Navo.Host.Tests;

/// <summary>Every way in and out: register, sign in, lockout, refresh rotation, sessions, sign-out, password reset.</summary>
public sealed class AccountsTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().NotContain("   at ", "no stack trace leaves the server");
    }

    [Fact]
    public async Task Registering_makes_a_workspace_the_user_owns_and_answers_tokens_and_a_session_cookie()
    {
        var client = factory.CreateClient();
        var email = TestAccounts.NewEmail();

        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = TestAccounts.Password, workspace = "Rosa's Bakery" });

        registered.StatusCode.Should().Be(HttpStatusCode.Created);
        var tokens = await JsonAsync(registered);
        tokens.GetProperty("expiresIn").GetInt32().Should().Be(900);
        tokens.GetProperty("refreshToken").GetString().Should().StartWith("nvr_");
        var cookie = registered.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("navo_session=", StringComparison.Ordinal));
        cookie.Should().Contain("httponly").And.Contain("samesite=lax");

        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        var body = await JsonAsync(await client.SendAsync(me));
        body.GetProperty("email").GetString().Should().Be(email);
        body.GetProperty("workspace").GetProperty("name").GetString().Should().Be("Rosa's Bakery");
        body.GetProperty("workspace").GetProperty("role").GetString().Should().Be("owner");
    }

    [Fact]
    public async Task The_session_cookie_alone_signs_the_studio_in_and_sign_out_ends_it()
    {
        var client = factory.CreateClient(new() { HandleCookies = true });
        await client.PostAsJsonAsync("/api/v1/auth/register", new { email = TestAccounts.NewEmail(), password = TestAccounts.Password });

        (await client.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await ShouldBeProblemAsync(await client.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("not-an-email", TestAccounts.Password, HttpStatusCode.BadRequest)]
    [InlineData("short@example.com", "short", HttpStatusCode.BadRequest)]
    [InlineData("", TestAccounts.Password, HttpStatusCode.BadRequest)]
    [InlineData("same@example.com", "same@example.com", HttpStatusCode.BadRequest)]
    public async Task Bad_registrations_are_refused_with_a_reason_and_create_nothing(string email, string password, HttpStatusCode status)
    {
        var client = factory.CreateClient();

        await ShouldBeProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password }), status);

        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_address_registers_once()
    {
        var email = TestAccounts.NewEmail();
        await factory.CreateClient().SignInAsync(email);

        await ShouldBeProblemAsync(await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = email.ToUpperInvariant(), password = TestAccounts.Password }),
            HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Wrong_passwords_and_unknown_addresses_get_the_same_answer_and_five_lock_the_account()
    {
        var email = TestAccounts.NewEmail();
        await factory.CreateClient().SignInAsync(email);
        var client = factory.CreateClient();

        var unknown = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = TestAccounts.NewEmail(), password = "whatever-it-is" });
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "not the password" });
        await ShouldBeProblemAsync(unknown, HttpStatusCode.Unauthorized);
        (await JsonAsync(unknown)).GetProperty("detail").GetString().Should().Be((await JsonAsync(wrong)).GetProperty("detail").GetString());

        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "not the password" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var locking = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "not the password" });
        await ShouldBeProblemAsync(locking, HttpStatusCode.TooManyRequests);
        locking.Headers.RetryAfter!.Delta!.Value.TotalMinutes.Should().BeApproximately(15, 0.1);
        var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestAccounts.Password });
        await ShouldBeProblemAsync(right, HttpStatusCode.TooManyRequests);
        (await JsonAsync(right)).GetProperty("detail").GetString().Should().Contain("locked");
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_a_reused_one_ends_the_whole_family()
    {
        var client = factory.CreateClient();
        var first = await client.SignInAsync(TestAccounts.NewEmail());
        var firstRefresh = first.GetProperty("refreshToken").GetString();

        var rotated = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = firstRefresh });
        rotated.StatusCode.Should().Be(HttpStatusCode.OK);
        var second = await JsonAsync(rotated);
        second.GetProperty("refreshToken").GetString().Should().NotBe(firstRefresh);
        using (var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me"))
        {
            me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", second.GetProperty("accessToken").GetString());
            (await client.SendAsync(me)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // The first token comes back (stolen and replayed): refused, and the newer one dies with it.
        await ShouldBeProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = firstRefresh }), HttpStatusCode.Unauthorized);
        await ShouldBeProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = second.GetProperty("refreshToken").GetString() }), HttpStatusCode.Unauthorized);
        await ShouldBeProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "nvr_made-up" }), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_with_a_refresh_token_revokes_it()
    {
        var client = factory.CreateClient();
        var tokens = await client.SignInAsync(TestAccounts.NewEmail());

        (await client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = tokens.GetProperty("refreshToken").GetString() })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await ShouldBeProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() }), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("Bearer not.a.jwt")]
    [InlineData("Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxIiwidGlkIjoiZGVtbyJ9.")]
    [InlineData("ApiKey nvk_unknown")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Requests_without_valid_credentials_get_401_with_problem_details(string authorization)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.GetAsync("/api/v1/projects");

        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var owner = factory.CreateClient();
        var tokens = await owner.SignInAsync(TestAccounts.NewEmail());
        var forged = tokens.GetProperty("accessToken").GetString()!;
        forged = forged[..^4] + (forged[^4] == 'A' ? "BBBB" : "AAAA");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        await ShouldBeProblemAsync(await client.GetAsync("/api/v1/projects"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_password_reset_link_works_once_within_the_hour_and_ends_every_session()
    {
        var outbox = new Outbox();
        using var host = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IPasswordResetSender>(outbox)));
        var email = TestAccounts.NewEmail();
        var client = host.CreateClient();
        var old = await client.SignInAsync(email);

        (await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = TestAccounts.NewEmail() })).StatusCode
            .Should().Be(HttpStatusCode.Accepted, "the answer does not tell who has an account");
        var token = outbox.Sent.Single(m => m.Email == email).Token;

        await ShouldBeProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/reset-password", new { token, password = "short" }), HttpStatusCode.BadRequest);
        (await client.PostAsJsonAsync("/api/v1/auth/reset-password", new { token, password = "a brand new password" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await ShouldBeProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/reset-password", new { token, password = "yet another password" }), HttpStatusCode.BadRequest);

        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestAccounts.Password })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "a brand new password" })).StatusCode.Should().Be(HttpStatusCode.OK);
        await ShouldBeProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = old.GetProperty("refreshToken").GetString() }), HttpStatusCode.Unauthorized);
    }

    private sealed class Outbox : IPasswordResetSender
    {
        public List<(string Email, string Token)> Sent { get; } = [];

        public Task SendAsync(string email, string token, CancellationToken cancellationToken)
        {
            lock (Sent)
            {
                Sent.Add((email, token));
            }

            return Task.CompletedTask;
        }
    }
}
