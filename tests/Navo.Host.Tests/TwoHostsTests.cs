using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.EventStore;
using Navo.EventStore.Embedded;
using Navo.Host.Suggestions;
using Navo.Host.Tests.Support;
using Navo.Testing;
using Npgsql;

namespace Navo.Host.Tests;

/// <summary>
/// Two real host processes on one PostgreSQL and one data folder, as behind a load balancer: both serve every route, one
/// leads the background jobs and the other takes over within seconds of a kill -9, and a rolling restart of both under
/// steady traffic (chat turns streamed as server-sent events among it) fails no request.
/// </summary>
public sealed class TwoHostsTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("navo-two-hosts-").FullName;
    private readonly string _signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private EmbeddedPostgres _cluster = null!;

    private string DataPath => Path.Combine(_folder, "data");

    public async Task InitializeAsync()
    {
        _cluster = await EmbeddedPostgres.StartAsync(Path.Combine(_folder, "cluster"), durable: false);
        await _cluster.CreateDatabaseAsync("navo");
        Directory.CreateDirectory(DataPath);
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAsync(immediate: true);
        Directory.Delete(_cluster.Root, recursive: true);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_jobs_run_on_one_host_and_a_kill_9_of_it_hands_them_to_the_other_within_seconds()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var first = await StartHostAsync("navo-first", "--Navo:Suggestions:Daily", "true");
        (await PollAsync(() => LeaderAsync(), leader => leader == "navo-first")).Should().Be("navo-first");
        (await PollAsync(() => DailyRoundDoneAsync(), day => day == today)).Should().Be(today, "the leader ran today's round at once");

        await using var second = await StartHostAsync("navo-second", "--Navo:Suggestions:Daily", "true");
        await ExecuteAsync("delete from navo_job_runs where job = $1", DailySuggestions.Job);
        // Five of the standby's tries later: it has not taken the lead, nor run the round the leader looks at hourly.
        await Task.Delay(TimeSpan.FromSeconds(5));
        (await LeaderAsync()).Should().Be("navo-first");
        (await DailyRoundDoneAsync()).Should().BeNull("only the leader runs the round");

        var handOver = Stopwatch.StartNew();
        await first.KillAsync();
        (await PollAsync(() => LeaderAsync(), leader => leader == "navo-second")).Should().Be("navo-second");
        var led = handOver.Elapsed;
        (await PollAsync(() => DailyRoundDoneAsync(), day => day == today)).Should().Be(today, "the new leader runs the round at once");
        var ran = handOver.Elapsed;
        output.WriteLine($"kill -9 of the leader: the other host led after {led.TotalSeconds:F1} s and ran the round after {ran.TotalSeconds:F1} s");
        ran.Should().BeLessThan(Within);

        await second.StopAsync();
        (await LeaderAsync()).Should().BeNull("a host that stops frees the lead at once");
    }

    [Fact]
    public async Task A_rolling_restart_of_both_hosts_under_steady_traffic_fails_no_request()
    {
        var hosts = new[] { await StartHostAsync("navo-first"), await StartHostAsync("navo-second") };
        var all = new List<HostProcess>(hosts);
        var balancer = new Balancer(hosts.Select(h => h.Address).ToArray());
        try
        {
            var email = TestAccounts.NewEmail();
            var token = await SignUpAsync(balancer, email);
            var project = await SendAsync(balancer, token, HttpMethod.Post, "/api/v1/projects", new { description = "Casa do Pão is a bakery in Braga.", businessName = "Casa do Pão" });
            var id = project.GetProperty("id").GetGuid();
            var live = await SendAsync(balancer, token, HttpMethod.Post, $"/api/v1/projects/{id}/publish", null);
            var page = new Uri(live.GetProperty("live").GetProperty("url").GetString()!).AbsolutePath;
            var conversations = new Guid[4];
            for (var i = 0; i < conversations.Length; i++)
            {
                conversations[i] = (await SendAsync(balancer, token, HttpMethod.Post, "/api/v1/conversations", null)).GetProperty("id").GetGuid();
            }

            using var stop = new CancellationTokenSource();
            var traffic = new Traffic(balancer, token, id, page, conversations);
            var workers = Enumerable.Range(0, conversations.Length).Select(worker => Task.Run(() => traffic.RunAsync(worker, stop.Token))).ToArray();
            await Task.Delay(TimeSpan.FromSeconds(3));
            for (var i = 0; i < hosts.Length; i++)
            {
                var stopping = Stopwatch.StartNew();
                await hosts[i].StopAsync();
                output.WriteLine($"host {i + 1} stopped (SIGTERM) in {stopping.Elapsed.TotalSeconds:F1} s");
                await hosts[i].DisposeAsync();
                hosts[i] = await StartHostAsync(i == 0 ? "navo-first" : "navo-second");
                all.Add(hosts[i]);
                balancer.Replace(i, hosts[i].Address);
                await Task.Delay(TimeSpan.FromSeconds(3));
            }

            await stop.CancelAsync();
            await Task.WhenAll(workers);
            output.WriteLine($"rolling restart of two hosts: {traffic.Summary}");
            if (traffic.Failures.Count > 0)
            {
                foreach (var (host, n) in all.Select((h, n) => (h, n)))
                {
                    foreach (var line in host.Output.Where(l => l.Contains("WRN", StringComparison.Ordinal) || l.Contains("ERR", StringComparison.Ordinal) || l.Contains("arn", StringComparison.Ordinal) || l.Contains("xception", StringComparison.Ordinal)))
                    {
                        output.WriteLine($"host process {n + 1}: {line}");
                    }
                }
            }

            traffic.Failures.Should().BeEmpty();
            traffic.Completed.Should().BeGreaterThan(40, "traffic kept flowing through both restarts");
            traffic.Turns.Should().BeGreaterThan(0, "chat turns streamed as server-sent events were among it");
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private Task<HostProcess> StartHostAsync(string name, params string[] arguments)
    {
        var connection = new NpgsqlConnectionStringBuilder(_cluster.ConnectionStringFor("navo")) { ApplicationName = name }.ConnectionString;
        return HostProcess.StartAsync(DataPath, [
            "--ConnectionStrings:Navo", connection,
            "--Navo:Auth:SigningKey", _signingKey,
            "--Navo:LeaderCheckSeconds", "1",
            "--Navo:Suggestions:Daily", "false",
            "--Navo:Limits:AuthPerMinute", "10000",
            "--Navo:Limits:ChatPerMinute", "10000",
            .. arguments]);
    }

    /// <summary>The application name of the session that holds the jobs' leadership lock, or null when none does.</summary>
    private async Task<string?> LeaderAsync()
    {
        await using var connection = new NpgsqlConnection(_cluster.ConnectionStringFor("navo"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and l.classid = $1 and l.objid = $2 and l.objsubid = 1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = (uint)(JobLeadership.LeaderLock >>> 32), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid });
        command.Parameters.Add(new NpgsqlParameter { Value = (uint)(JobLeadership.LeaderLock & 0xffffffff), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid });
        return await command.ExecuteScalarAsync() as string;
    }

    private async Task<DateOnly?> DailyRoundDoneAsync()
    {
        await using var connection = new NpgsqlConnection(_cluster.ConnectionStringFor("navo"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select last_day from navo_job_runs where job = $1", connection) { Parameters = { new() { Value = DailySuggestions.Job } } };
        return await command.ExecuteScalarAsync() is DateOnly day ? day : null;
    }

    private async Task ExecuteAsync(string sql, object value)
    {
        await using var connection = new NpgsqlConnection(_cluster.ConnectionStringFor("navo"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = value } } };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + Within;
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            value = await read();
        }

        return value;
    }

    private static async Task<string> SignUpAsync(Balancer balancer, string email)
    {
        using var response = await balancer.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register")
        {
            Content = JsonContent.Create(new { email, password = TestAccounts.Password }),
        }, CancellationToken.None);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<JsonElement> SendAsync(Balancer balancer, string token, HttpMethod method, string path, object? body)
    {
        using var response = await balancer.SendAsync(() => Traffic.Request(method, path, token, body), CancellationToken.None);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
