using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.EventStore.Embedded;
using Navo.Host.Tests.Support;
using Navo.Testing;

namespace Navo.Host.Tests;

/// <summary>
/// A host whose PostgreSQL stops and comes back (a cluster of this class's own, so that stopping it disturbs no other
/// test): 503 with Retry-After instead of 500, a page for visitors, /health saying why, the host's own pages still
/// answering under a dotted Host header, and service back by itself, with nothing stale served from memory.
/// </summary>
public sealed class DatabaseOutageTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("navo-outage-").FullName;
    private EmbeddedPostgres? _cluster;
    private PeerHostFactory? _host;
    private HttpClient _owner = null!;
    private HttpClient _anonymous = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task StartAsync(string environment)
    {
        _cluster = await EmbeddedPostgres.StartAsync(Path.Combine(_folder, "cluster"), durable: false);
        await _cluster.CreateDatabaseAsync("navo");
        if (environment == "Production")
        {
            // A Production host changes no schema: as on a server, it is applied before the host starts.
            await using var dataSource = Navo.EventStore.EventStoreDataSource.Create(_cluster.ConnectionStringFor("navo"));
            await using var store = new Navo.EventStore.PostgresEventStore(dataSource, Navo.Host.Database.NavoDatabase.StoreOptions());
            await store.MigrateAsync();
        }

        _host = new PeerHostFactory(_cluster.ConnectionStringFor("navo"), Path.Combine(_folder, "data"), environment);
        _owner = _host.CreateClient();
        _anonymous = _host.CreateClient();
        await _owner.SignInAsync(TestAccounts.NewEmail());
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.StopAsync(immediate: true);
            Directory.Delete(_cluster.Root, recursive: true);
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task With_the_database_stopped_calls_answer_503_and_the_host_recovers_by_itself_when_it_returns(string environment)
    {
        await StartAsync(environment);
        var created = await (await _owner.PostAsJsonAsync("/api/v1/projects", new { description = "Farol Azul is a guest house in Sagres." })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var url = (await (await _owner.PostAsJsonAsync($"/api/v1/projects/{id}/publish", new { })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("url").GetString()!;
        var page = await _owner.GetStringAsync(url);
        foreach (var path in new[] { "/health", "/studio", "/signin" })
        {
            (await GetAsync(path, host: "studio.example.com")).StatusCode.Should().Be(HttpStatusCode.OK, $"{path} answers under any host name");
        }

        await StopDatabaseAsync();

        var api = await _owner.GetAsync("/api/v1/projects");
        api.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        api.Headers.RetryAfter!.Delta.Should().BePositive();
        api.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().Should().Be(503);
        problem.GetProperty("detail").GetString().Should().Contain("database").And.NotContain("127.0.0.1").And.NotContain("   at ");

        var live = await _anonymous.GetAsync(url);
        live.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "a page kept in memory may be stale once changes can go unheard");
        live.Headers.RetryAfter!.Delta.Should().BePositive("a visitor's browser or a proxy is told when to try again");
        live.Content.Headers.ContentType!.MediaType.Should().Be("text/html", "a visitor reads a page, not JSON");
        (await live.Content.ReadAsStringAsync()).Should().Contain("Back in a moment");

        // A load balancer's probe, with no session to check.
        var health = await _anonymous.GetAsync("/health");
        health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await health.Content.ReadAsStringAsync()).Should().StartWith("Unhealthy").And.Contain("database: The database does not answer: the connection was refused");

        // Kubernetes' liveness probe (deploy/kubernetes), asked by the pod's address: the process is alive, so no restart.
        var liveness = await GetAsync("/health/live", host: "10.1.2.3:8080");
        liveness.StatusCode.Should().Be(HttpStatusCode.OK, "an outage of the database must not get every host restarted");

        foreach (var path in new[] { "/health", "/studio", "/signin" })
        {
            (await GetAsync(path, host: "studio.example.com")).StatusCode.Should().NotBe(HttpStatusCode.InternalServerError,
                $"the custom-domain lookup that cannot be made leaves {path} answering");
        }

        (await GetAsync("/studio", host: "studio.example.com")).StatusCode.Should().Be(HttpStatusCode.OK);
        var visitorOnDomain = await GetAsync("/", host: "www.farol-azul.example");
        visitorOnDomain.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        visitorOnDomain.Content.Headers.ContentType!.MediaType.Should().Be("text/html");

        await _cluster!.StartAgainAsync();
        var clock = Stopwatch.StartNew();
        while ((await _owner.GetAsync("/api/v1/projects")).StatusCode != HttpStatusCode.OK)
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "the host recovers by itself as soon as the database answers");
            await Task.Delay(20);
        }

        output.WriteLine($"{environment}: the first call answered 200 {clock.Elapsed.TotalMilliseconds:0} ms after PostgreSQL accepted connections again");
        (await _owner.GetStringAsync(url)).Should().Be(page);
        (await _anonymous.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return await _anonymous.SendAsync(request);
    }

    private async Task StopDatabaseAsync()
    {
        // As an operator's "systemctl stop postgresql" would: a fast shutdown that ends the host's connections.
        var command = _cluster!.StopCommandLine(immediate: false);
        using var stop = Process.Start(command[0], command.Skip(1))!;
        await stop.WaitForExitAsync();
        stop.ExitCode.Should().Be(0);
    }
}
