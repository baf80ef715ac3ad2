using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Navo.Host.Tests.Support;
using Navo.Testing;
using Navo.Tools.Publish;

namespace Navo.Host.Tests;

/// <summary>
/// A real publish on the real host process, with strace attached to it to make the machine fail at an exact system
/// call: killed (SIGKILL, as kill -9) as it puts a stored page in place, or with a site storage that reports itself
/// full (every flush to the disk answering ENOSPC). Either way the old site stays live, nothing half-made is left
/// under a published name or in the database, and publishing again completes.
/// </summary>
public sealed class PublishFaultTests : IAsyncLifetime
{
    private readonly HostDataFolder _data = new();
    private readonly string _email = TestAccounts.NewEmail();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _data.DisposeAsync().AsTask();

    private string Trace => Path.Combine(_data.Path, "strace.txt");

    [Fact]
    public async Task A_host_killed_as_it_stores_a_publish_leaves_the_old_site_live_and_publishing_again_completes()
    {
        Guid id;
        long live;
        string url, before;
        await using (var host = await HostProcess.StartAsync(_data.Path))
        {
            using var client = await SignedInAsync(host);
            id = await CreateProjectAsync(client, "Kill Nine Bakery");
            (live, url) = await PublishAsync(client, id);
            before = await client.GetStringAsync(url);
            await EditHeadlineAsync(client, id, "The headline that was being published");

            // The first page of the new version is rendered, written to a temporary file and flushed; the process is
            // killed as it renames that file into place.
            await using (await Strace.AttachAsync(host.Id, Trace, "-e", "trace=rename,renameat,renameat2", "-e", "inject=rename,renameat,renameat2:signal=SIGKILL"))
            {
                var publish = () => client.PostAsync($"/api/v1/projects/{id}/publish", null);
                await publish.Should().ThrowAsync<HttpRequestException>("the host is killed in the middle of the publish");
            }

            var trace = await File.ReadAllTextAsync(Trace);
            trace.Should().Contain("+++ killed by SIGKILL +++").And.Contain(_data.Sites + "/").And.Contain(".tmp\"", "it died renaming a stored page");
        }

        // Nothing half-made: the address points at the old version, no publish was recorded, every stored file is whole.
        (await _data.ScalarAsync("select count(*) from mt_events where stream_id = $1 and type = 'site_published'", id)).Should().Be(1);
        (await _data.ScalarAsync("select version from navo_live_sites where project_id = $1", id)).Should().Be(live);
        StoredFilesAreWhole().Should().Be(1, "the page being put in place was written whole under its temporary name");

        await using (var host = await HostProcess.StartAsync(_data.Path))
        {
            using var client = await SignedInAsync(host);
            (await client.GetStringAsync(url)).Should().Be(before, "the old site stays live");
            var again = await client.PostAsync($"/api/v1/projects/{id}/publish", null);
            again.StatusCode.Should().Be(HttpStatusCode.OK);
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("version").GetInt64()
                .Should().Be(live + 2, "the version the edit made, after the one publishing made");
            (await client.GetStringAsync(url)).Should().Contain("The headline that was being published");
            await host.StopAsync();
        }

        (await _data.ScalarAsync("select count(*) from mt_events where stream_id = $1 and type = 'site_published'", id)).Should().Be(2);
        (await _data.ScalarAsync("select version from navo_live_sites where project_id = $1", id)).Should().Be(live + 2);
        StoredFilesAreWhole().Should().Be(1, "the temporary the kill left is whole, and neither used nor served");
    }

    [Fact]
    public async Task With_the_site_storage_full_publishing_says_so_in_the_API_and_the_chat_and_the_old_site_stays_live()
    {
        await using var host = await HostProcess.StartAsync(_data.Path);
        using var client = await SignedInAsync(host);
        var id = await CreateProjectAsync(client, "Full Disk Florist");
        var (live, url) = await PublishAsync(client, id);
        var before = await client.GetStringAsync(url);
        await EditHeadlineAsync(client, id, "A headline that finds no room");
        var conversation = (await (await client.PostAsJsonAsync("/api/v1/conversations", new { projectId = id })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        (await SayAsync(client, conversation, "publish it")).GetProperty("reply").GetProperty("cards").EnumerateArray()
            .Should().Contain(c => c.GetProperty("type").GetString() == "confirm", "publishing asks first");

        // The disk is full: every flush of a file or a folder to it fails, as the kernel reports it.
        await using (await Strace.AttachAsync(host.Id, Trace, "-e", "trace=fsync,fdatasync", "-e", "inject=fsync,fdatasync:error=ENOSPC"))
        {
            var refused = await client.PostAsync($"/api/v1/projects/{id}/publish", null);
            refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("status").GetInt32().Should().Be(503);
            problem.GetProperty("detail").GetString().Should().Be(PublishService.StorageFailed);
            (await refused.Content.ReadAsStringAsync()).Should().NotContain("   at ").And.NotContain(_data.Path).And.NotContain("IOException");

            var answered = await SayAsync(client, conversation, "yes");
            answered.GetProperty("reply").GetProperty("text").GetString().Should().Be(PublishService.StorageFailed);
        }

        (await File.ReadAllTextAsync(Trace)).Should().Contain("= -1 ENOSPC (No space left on device) (INJECTED)", "the flushes failed");
        (await client.GetStringAsync(url)).Should().Be(before, "the old site stays live");
        (await _data.ScalarAsync("select count(*) from mt_events where stream_id = $1 and type = 'site_published'", id)).Should().Be(1);
        (await _data.ScalarAsync("select version from navo_live_sites where project_id = $1", id)).Should().Be(live);
        // A page whose own flush failed is removed; one whose folder's flush failed stays, whole: files are shared by
        // content, so the name may be another site's live file. Nothing points at either.
        StoredFilesAreWhole().Should().Be(0, "a temporary that could not be flushed is removed");

        // With room again, publishing completes: a page found in place is flushed again, not trusted.
        (await client.PostAsync($"/api/v1/projects/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        StoredFilesAreWhole().Should().Be(0);
        (await client.GetStringAsync(url)).Should().Contain("A headline that finds no room");
        await host.StopAsync();
    }

    /// <summary>
    /// Every file stored holds exactly the bytes its name is the hash of: under a published name, and as a temporary a
    /// kill left behind before its rename (<c>{hash}.{guid}.tmp</c>, never served). The number of temporaries.
    /// </summary>
    private int StoredFilesAreWhole()
    {
        var stored = Directory.GetFiles(_data.Sites, "*", SearchOption.AllDirectories);
        stored.Should().Contain(f => !f.EndsWith(".tmp", StringComparison.Ordinal));
        foreach (var file in stored)
        {
            var name = Path.GetFileName(Path.GetDirectoryName(file)) + Path.GetFileName(file).Split('.')[0];
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))).Should().Be(name, $"{file} is whole");
        }

        return stored.Count(f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> SayAsync(HttpClient client, Guid conversation, string text)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Publishes the project; the live version and address.</summary>
    private static async Task<(long Version, string Url)> PublishAsync(HttpClient client, Guid id)
    {
        var response = await client.PostAsync($"/api/v1/projects/{id}/publish", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var live = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live");
        return (live.GetProperty("version").GetInt64(), live.GetProperty("url").GetString()!);
    }

    private static async Task EditHeadlineAsync(HttpClient client, Guid id, string headline)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/projects/{id}/operations",
            new { operations = new object[] { new { op = "set_text", section = "hero", field = "headline", value = headline } } });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<Guid> CreateProjectAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/v1/projects", new { description = "A shop in Porto", businessName = name });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<HttpClient> SignedInAsync(HostProcess host)
    {
        var client = host.CreateClient();
        // A process under strace stops at every system call: slow, so generous.
        client.Timeout = TimeSpan.FromMinutes(3);
        await client.SignInAsync(_email);
        return client;
    }
}
