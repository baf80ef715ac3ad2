using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

/// <summary>
/// Clients that attack the connection rather than the body, against Kestrel as it runs: headers dribbled a byte at a
/// time (slowloris), a body dribbled slowly, headers and cookies past every limit. Each is cut off or refused with a
/// 4xx (never a 500), the host keeps answering everyone else, and nothing is stored.
/// </summary>
public abstract class SlowAndBloatedClientTests(SlowClientHost factory)
{
    private static readonly string Register = """{"email":"slow@example.com","password":"correct horse battery"}""";

    [Fact]
    public async Task Headers_dribbled_a_byte_at_a_time_are_cut_off_with_408_and_nothing_is_stored()
    {
        var before = await factory.Database.SettledFingerprintAsync();
        var clock = Stopwatch.StartNew();

        var (answer, dribbledAll) = await DribbleAsync(
            $"POST /api/v1/auth/register HTTP/1.1\r\nHost: 127.0.0.1:{factory.Port}\r\nContent-Type: application/json\r\n"
            + $"Content-Length: {Register.Length}\r\nX-Slow: {new string('a', 400)}\r\n\r\n{Register}");

        answer.Should().StartWith("HTTP/1.1 408 ", "Kestrel gives up on headers that take longer than two seconds");
        dribbledAll.Should().BeFalse("the connection was closed long before the headers were complete");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(25), "the host is set to two seconds (Kestrel's own default is thirty)");
        (await factory.Database.FingerprintAsync()).Should().Equal(before);
    }

    [Fact]
    public async Task A_body_dribbled_slower_than_the_minimum_rate_is_cut_off_with_408_and_nothing_is_stored()
    {
        var before = await factory.Database.SettledFingerprintAsync();
        var head = $"POST /api/v1/auth/register HTTP/1.1\r\nHost: 127.0.0.1:{factory.Port}\r\nContent-Type: application/json\r\n"
            + $"Content-Length: {Register.Length}\r\n\r\n";

        var (answer, dribbledAll) = await DribbleAsync(Register, head);

        answer.Should().StartWith("HTTP/1.1 408 ", "the body arrived at 4 bytes a second, under the 100 the host asks for after its grace");
        answer.Should().NotContain("Exception").And.NotContain("   at ");
        dribbledAll.Should().BeFalse();
        (await factory.Database.FingerprintAsync()).Should().Equal(before);
    }

    [Fact]
    public async Task A_hundred_slow_connections_do_not_keep_anyone_else_waiting_and_are_all_closed()
    {
        var slow = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 100; i++)
            {
                var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, factory.Port);
                await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: 127.0.0.1:{factory.Port}\r\nX-Slow: a"));
                slow.Add(tcp);
            }

            var clock = Stopwatch.StartNew();
            var health = await factory.CreateClient().GetAsync("/health/live");
            health.StatusCode.Should().Be(HttpStatusCode.OK);
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "slow clients hold a connection each, not the server");

            // Each slow connection gets its 408 and is closed: none is held open for whoever sent it.
            var answers = await Task.WhenAll(slow.Select(tcp => RawConnection.ReadAnswerAsync(tcp.GetStream()).WaitAsync(TimeSpan.FromSeconds(60))));
            answers.Should().OnlyContain(answer => answer.StartsWith("HTTP/1.1 408 ", StringComparison.Ordinal));
        }
        finally
        {
            slow.ForEach(tcp => tcp.Dispose());
        }
    }

    public static TheoryData<string, int> Bloated() => new()
    {
        { "a 40 KB cookie", 431 },
        { "a 40 KB session cookie", 431 },
        { "150 headers", 431 },
        { "a 40 KB header", 431 },
        { "a 10 KB path", 414 },
        { "a 10 KB query string", 414 },
    };

    [Theory]
    [MemberData(nameof(Bloated))]
    public async Task Headers_and_cookies_past_the_limits_are_refused_before_anything_runs(string name, int status)
    {
        var owner = factory.Owner;
        var before = await factory.Database.SettledFingerprintAsync();
        var path = name switch
        {
            "a 10 KB path" => "/api/v1/projects/" + new string('a', 10 * 1024),
            "a 10 KB query string" => "/api/v1/projects?q=" + new string('a', 10 * 1024),
            _ => "/api/v1/projects",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { description = "Bloated Bakes is a bakery in Faro." }) };
        switch (name)
        {
            case "a 40 KB cookie":
                request.Headers.Add("Cookie", "junk=" + new string('c', 40 * 1024));
                break;
            case "a 40 KB session cookie":
                request.Headers.Add("Cookie", "navo_session=" + new string('c', 40 * 1024));
                break;
            case "150 headers":
                for (var i = 0; i < 150; i++)
                {
                    request.Headers.Add($"X-Many-{i}", "1");
                }

                break;
            case "a 40 KB header":
                request.Headers.Add("X-Large", new string('h', 40 * 1024));
                break;
        }

        var response = await owner.SendAsync(request);

        ((int)response.StatusCode).Should().Be(status, name);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("Exception");
        (await factory.Database.FingerprintAsync()).Should().Equal(before, $"nothing is stored for {name}");
    }

    public static TheoryData<string> LargeButAllowed() => ["a 30 KB session cookie", "a 30 KB bearer token", "a 30 KB API key", "a 30 KB cookie of another name"];

    /// <summary>Under the limits, a huge credential reaches Navo, which refuses it as it would any wrong one: 401, not 500.</summary>
    [Theory]
    [MemberData(nameof(LargeButAllowed))]
    public async Task A_huge_credential_under_the_limits_is_refused_as_not_signed_in(string name)
    {
        var before = await factory.Database.SettledFingerprintAsync();
        var huge = new string('x', 30 * 1024);
        using var anonymous = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/projects") { Content = JsonContent.Create(new { description = "Huge Hats is a hat shop in Tavira." }) };
        switch (name)
        {
            case "a 30 KB session cookie":
                request.Headers.Add("Cookie", "navo_session=nvs_" + huge);
                break;
            case "a 30 KB bearer token":
                request.Headers.Add("Authorization", "Bearer " + huge);
                break;
            case "a 30 KB API key":
                request.Headers.Add("X-Api-Key", "nvk_" + huge);
                break;
            default:
                request.Headers.Add("Cookie", "other=" + huge);
                break;
        }

        var response = await anonymous.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, name);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await factory.Database.FingerprintAsync()).Should().Equal(before);
    }

    /// <summary>
    /// Sends <paramref name="head"/> at once and then <paramref name="dribble"/> one byte every quarter second (4 bytes a
    /// second), while reading what the server answers; whether every byte went out before the server closed.
    /// </summary>
    private async Task<(string Answer, bool DribbledAll)> DribbleAsync(string dribble, string head = "")
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, factory.Port);
        var stream = tcp.GetStream();
        var answer = RawConnection.ReadAnswerAsync(stream);
        var dribbledAll = true;
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            foreach (var b in Encoding.ASCII.GetBytes(dribble))
            {
                if (answer.IsCompleted)
                {
                    dribbledAll = false;
                    break;
                }

                await stream.WriteAsync(new[] { b });
                await Task.Delay(250);
            }
        }
        catch (IOException)
        {
            dribbledAll = false;
        }

        return (await answer.WaitAsync(TimeSpan.FromSeconds(60)), dribbledAll);
    }
}

public sealed class SlowAndBloatedClientInTestingTests(SlowClientHost factory) : SlowAndBloatedClientTests(factory), IClassFixture<SlowClientHost>;

public sealed class SlowAndBloatedClientInDevelopmentTests(DevelopmentSlowClientHost factory) : SlowAndBloatedClientTests(factory), IClassFixture<DevelopmentSlowClientHost>;

/// <summary>The host on Kestrel with its connection limits tightened, so that a slow client is cut off within seconds.</summary>
public class SlowClientHost : KestrelHostFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Navo:Limits:Connections:RequestHeadersSeconds", "2");
        builder.UseSetting("Navo:Limits:Connections:MinBodyBytesPerSecond", "100");
        builder.UseSetting("Navo:Limits:Connections:BodyGraceSeconds", "2");
    }
}

/// <summary><see cref="SlowClientHost"/> in Development, as <c>./build.sh run</c> starts it.</summary>
public sealed class DevelopmentSlowClientHost : SlowClientHost
{
    protected override string EnvironmentName => "Development";
}
