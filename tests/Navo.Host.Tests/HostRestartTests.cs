using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.EventStore.Embedded;
using Navo.Testing;

namespace Navo.Host.Tests;

/// <summary>The real host process on its embedded cluster: what was acknowledged survives restarts and kills.</summary>
public sealed class HostRestartTests : IAsyncLifetime
{
    private readonly string _dataPath = Directory.CreateTempSubdirectory("navo-host-tests-").FullName;

    // One account throughout: registered on the first start, signed in to after every restart.
    private readonly string _email = TestAccounts.NewEmail();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Whatever happened, leave no cluster running: reuse it if it is up, then stop it.
        var cluster = await EmbeddedPostgres.StartAsync(_dataPath);
        await cluster.DisposeAsync();
        try
        {
            Directory.Delete(cluster.Root, recursive: true);
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder harms nothing.
        }
    }

    [Fact]
    public async Task A_project_survives_a_graceful_restart_and_a_kill_9_right_after_its_201()
    {
        Guid first, second;
        await using (var host = await HostProcess.StartAsync(_dataPath))
        {
            first = await CreateProjectAsync(host, "Before restart");
            await host.StopAsync();
        }

        await using (var host = await HostProcess.StartAsync(_dataPath))
        {
            (await ReadNameAsync(host, first)).Should().Be("Before restart");
            second = await CreateProjectAsync(host, "Right before the kill");
            await host.KillAsync();
        }

        await using (var host = await HostProcess.StartAsync(_dataPath))
        {
            (await ReadNameAsync(host, first)).Should().Be("Before restart");
            (await ReadNameAsync(host, second)).Should().Be("Right before the kill");
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_crash_between_storing_the_files_and_flipping_the_pointer_leaves_the_old_site_live_and_publishing_retryable()
    {
        Guid id;
        string url;
        await using (var host = await HostProcess.StartAsync(_dataPath))
        {
            using var client = await SignedInAsync(host);
            id = await CreateProjectAsync(host, "Crash Bakery");
            url = (await (await client.PostAsync($"/api/v1/projects/{id}/publish", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("url").GetString()!;
            await EditHeadlineAsync(client, id, "Version three headline");
            await host.StopAsync();
        }

        await using (var host = await HostProcess.StartAsync(_dataPath, "--Navo:Faults:CrashAfterPublishFiles", "true"))
        {
            using var client = await SignedInAsync(host);
            var publish = () => client.PostAsync($"/api/v1/projects/{id}/publish", null);
            await publish.Should().ThrowAsync<HttpRequestException>("the host dies in the middle of the publish");
        }

        await using (var host = await HostProcess.StartAsync(_dataPath))
        {
            using var client = await SignedInAsync(host);
            (await client.GetStringAsync(url)).Should().NotContain("Version three headline", "the old version stays live");
            (await client.PostAsync($"/api/v1/projects/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.GetStringAsync(url)).Should().Contain("Version three headline");
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Visits_taken_a_second_before_a_kill_9_survive_it_and_a_stop_writes_the_ones_still_waiting()
    {
        Guid id;
        string slug;
        await using (var host = await HostProcess.StartAsync(_dataPath))
        {
            using var client = await SignedInAsync(host);
            id = await CreateProjectAsync(host, "Visit Bakery");
            slug = (await (await client.PostAsync($"/api/v1/projects/{id}/publish", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("slug").GetString()!;
            await SendVisitsAsync(host, slug, 0, 20);
            // The buffer is written every second: after that, a kill loses none of these.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await host.KillAsync();
        }

        await using (var host = await HostProcess.StartAsync(_dataPath))
        {
            (await PageviewsAsync(host, id)).Should().Be(20);
            await SendVisitsAsync(host, slug, 20, 5);
            await host.StopAsync();
        }

        await using (var host = await HostProcess.StartAsync(_dataPath))
        {
            (await PageviewsAsync(host, id)).Should().Be(25, "a stopping host writes what it still holds");
            await host.StopAsync();
        }
    }

    private static async Task SendVisitsAsync(HostProcess host, string slug, int first, int count)
    {
        using var visitor = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.Address };
        for (var i = first; i < first + count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/s/{slug}/_navo/event")
            {
                Content = new StringContent("""{"k":"v","p":"/"}""", System.Text.Encoding.UTF8, "text/plain"),
            };
            request.Headers.TryAddWithoutValidation("User-Agent", AnalyticsTests.Browser(i));
            (await visitor.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        }
    }

    private async Task<long> PageviewsAsync(HostProcess host, Guid id)
    {
        using var client = await SignedInAsync(host);
        return (await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/analytics?period=7d")).GetProperty("pageviews").GetInt64();
    }

    private async Task<HttpClient> SignedInAsync(HostProcess host)
    {
        var client = host.CreateClient();
        await client.SignInAsync(_email);
        return client;
    }

    private static async Task EditHeadlineAsync(HttpClient client, Guid id, string headline)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/projects/{id}/operations",
            new { operations = new object[] { new { op = "set_text", section = "hero", field = "headline", value = headline } } });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<Guid> CreateProjectAsync(HostProcess host, string name)
    {
        using var client = await SignedInAsync(host);
        var response = await client.PostAsJsonAsync("/api/v1/projects", new { description = "A bakery in Porto", businessName = name });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<string?> ReadNameAsync(HostProcess host, Guid id)
    {
        using var client = await SignedInAsync(host);
        var response = await client.GetAsync($"/api/v1/projects/{id}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString();
    }
}
