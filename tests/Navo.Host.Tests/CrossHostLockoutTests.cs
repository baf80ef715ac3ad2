using System.Net;
using System.Net.Http.Json;
using Navo.Host.Tests.Support;
using Navo.Testing;

namespace Navo.Host.Tests;

/// <summary>
/// Two hosts on one database, as behind a load balancer: the limits that protect an account (wrong passwords in a row,
/// the lockout they bring) are kept in PostgreSQL, so spreading the guesses over hosts gains an attacker nothing.
/// </summary>
public sealed class CrossHostLockoutTests(NavoHostFactory first) : IClassFixture<NavoHostFactory>, IAsyncLifetime
{
    private PeerHostFactory _second = null!;

    public Task InitializeAsync()
    {
        _second = new PeerHostFactory(first);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _second.DisposeAsync();

    [Fact]
    public async Task Wrong_passwords_spread_over_two_hosts_lock_the_account_on_both()
    {
        var email = TestAccounts.NewEmail();
        await first.CreateClient().SignInAsync(email);
        var hostA = first.CreateClient();
        var hostB = _second.CreateClient();

        // Four wrong passwords, two through each host: each host alone has seen fewer than the five that lock.
        foreach (var host in new[] { hostA, hostB, hostA, hostB })
        {
            (await host.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "not the password" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var fifth = await hostA.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "not the password" });
        fifth.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the fifth wrong password in a row locks, whichever host saw the others");
        fifth.Headers.RetryAfter!.Delta!.Value.TotalMinutes.Should().BeApproximately(15, 0.1);

        var right = await hostB.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestAccounts.Password });
        right.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the other host keeps the lock too, even for the right password");
        right.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await right.Content.ReadAsStringAsync()).Should().Contain("locked");
        await using var command = first.Database.DataSource.CreateCommand("select failed_logins, locked_until > now() from navo_accounts where lower(email) = lower($1)");
        command.Parameters.AddWithValue(email);
        await using var row = await command.ExecuteReaderAsync();
        (await row.ReadAsync()).Should().BeTrue();
        row.GetInt32(0).Should().Be(0, "the count starts again after a lockout");
        row.GetBoolean(1).Should().BeTrue();
    }

    [Fact]
    public async Task A_sign_in_through_one_host_is_honoured_by_the_other()
    {
        var hostA = first.CreateClient();
        await hostA.SignInAsync(TestAccounts.NewEmail());
        var created = await hostA.PostAsJsonAsync("/api/v1/projects", new { description = "Forno Velho is a pizzeria in Coimbra." });
        created.StatusCode.Should().Be(HttpStatusCode.Created);

        var hostB = _second.CreateClient();
        hostB.DefaultRequestHeaders.Authorization = hostA.DefaultRequestHeaders.Authorization;
        (await hostB.GetAsync(created.Headers.Location)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
