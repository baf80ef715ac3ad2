using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.EventStore.Embedded;
using Navo.Testing;

namespace Navo.Host.Tests;

/// <summary>
/// <c>backup</c> and <c>restore</c> on the real host process and its embedded cluster: a backup taken while the host
/// serves, restored into a fresh data folder, serves the same live site byte for byte with the same history and the
/// same accounts; a damaged backup is refused before anything changes.
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("navo-backup-tests-").FullName;
    private readonly string _email = TestAccounts.NewEmail();

    private string Original => Path.Combine(_work, "original");
    private string Restored => Path.Combine(_work, "restored");
    private string Backup => Path.Combine(_work, "navo.backup");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Leave no cluster running: each data folder that has one is started (or reused) and stopped.
        foreach (var dataPath in Directory.EnumerateDirectories(_work).Where(d => Directory.Exists(Path.Combine(d, "pg"))))
        {
            var cluster = await EmbeddedPostgres.StartAsync(dataPath);
            await cluster.DisposeAsync();
        }

        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder harms nothing.
        }
    }

    [Fact]
    public async Task A_backup_restored_into_a_fresh_data_folder_serves_the_same_site_history_and_accounts()
    {
        var (id, slug, page, history, image) = await PublishedSiteAsync();

        // Taken while the host keeps serving: the backup reuses its cluster and leaves it running.
        await using (var host = await HostProcess.StartAsync(Original))
        {
            var backup = await HostProcess.RunCommandAsync(Original, "backup", Backup);
            backup.ExitCode.Should().Be(0, backup.Errors);
            backup.Output.Should().Contain("Backed up the database");
            using var client = host.CreateClient();
            (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK, "the backup left the host's database running");
            (await client.GetByteArrayAsync($"/s/{slug}/")).Should().Equal(page);
            await host.StopAsync();
        }

        var restore = await HostProcess.RunCommandAsync(Restored, "restore", Backup);
        restore.ExitCode.Should().Be(0, restore.Errors);
        restore.Output.Should().Contain("Restored the database");
        Directory.EnumerateFileSystemEntries(Restored).Select(Path.GetFileName).Should().NotContain(n => n!.StartsWith(".restore-"));

        await using (var host = await HostProcess.StartAsync(Restored))
        {
            using var visitor = host.CreateClient();
            (await visitor.GetByteArrayAsync($"/s/{slug}/")).Should().Equal(page, "the restored host serves the same live site, byte for byte");

            using var owner = host.CreateClient();
            var login = await owner.PostAsJsonAsync("/api/v1/auth/login", new { email = _email, password = TestAccounts.Password });
            login.StatusCode.Should().Be(HttpStatusCode.OK, "the account and its password came back");
            await owner.SignInAsync(_email);
            (await owner.GetStringAsync($"/api/v1/projects/{id}/history")).Should().Be(history, "the project's versions came back");
            (await owner.GetByteArrayAsync(image.Url)).Should().Equal(image.Bytes, "the uploaded image's files came back");
            await host.StopAsync();
        }

        var again = await HostProcess.RunCommandAsync(Restored, "restore", Backup);
        again.ExitCode.Should().Be(1, "a data folder that holds Navo's data is not overwritten unless told");
        again.Errors.Should().Contain("--force");

        var forced = await HostProcess.RunCommandAsync(Restored, "restore", Backup, "--force");
        forced.ExitCode.Should().Be(0, forced.Errors);
        Directory.EnumerateDirectories(Restored, "before-restore-*").Should().ContainSingle("what was there is moved aside, not deleted");
        await using (var host = await HostProcess.StartAsync(Restored))
        {
            using var visitor = host.CreateClient();
            (await visitor.GetByteArrayAsync($"/s/{slug}/")).Should().Equal(page, "a forced restore replaces the database and the files whole");
            await host.StopAsync();
        }
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("corrupt")]
    [InlineData("not-a-backup")]
    public async Task A_damaged_backup_is_refused_with_a_sentence_and_nothing_is_restored(string damage)
    {
        var whole = await EmptyBackupAsync();
        var bytes = await File.ReadAllBytesAsync(whole);
        var damaged = Path.Combine(_work, $"{damage}.backup");
        switch (damage)
        {
            case "truncated":
                await File.WriteAllBytesAsync(damaged, bytes[..(bytes.Length * 2 / 3)]);
                break;
            case "corrupt":
                bytes[bytes.Length / 2] ^= 0x5A;
                bytes[bytes.Length / 2 + 1] ^= 0xA5;
                await File.WriteAllBytesAsync(damaged, bytes);
                break;
            default:
                await File.WriteAllTextAsync(damaged, "<html>not a backup</html>");
                break;
        }

        var target = Path.Combine(_work, $"into-{damage}");
        var restore = await HostProcess.RunCommandAsync(target, "restore", damaged);

        restore.ExitCode.Should().Be(1);
        restore.Errors.Trim().Should().EndWith("nothing was restored.").And.NotContain("   at ", "one sentence, no stack trace");
        Directory.EnumerateFileSystemEntries(target).Should().BeEmpty("nothing is half-restored: no files, no staging folder, no database");
    }

    private async Task<string> EmptyBackupAsync()
    {
        var dataPath = Path.Combine(_work, "small");
        var file = Path.Combine(_work, "small.backup");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(dataPath);
            await using (var host = await HostProcess.StartAsync(dataPath))
            {
                using var client = host.CreateClient();
                await client.SignInAsync(TestAccounts.NewEmail());
                await host.StopAsync();
            }

            var backup = await HostProcess.RunCommandAsync(dataPath, "backup", file);
            backup.ExitCode.Should().Be(0, backup.Errors);
        }

        return file;
    }

    /// <summary>A workspace with a drafted, edited, published (twice) site and an image; its live page, history and an image file.</summary>
    private async Task<(Guid Id, string Slug, byte[] Page, string History, (string Url, byte[] Bytes) Image)> PublishedSiteAsync()
    {
        Directory.CreateDirectory(Original);
        await using var host = await HostProcess.StartAsync(Original);
        using var client = host.CreateClient();
        await client.SignInAsync(_email);
        var created = await client.PostAsJsonAsync("/api/v1/projects", new { description = "A bakery in Porto", businessName = "Backup Bakery" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await EditHeadlineAsync(client, id, "Bread since 1952");
        (await client.PostAsync($"/api/v1/projects/{id}/publish", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await EditHeadlineAsync(client, id, "Bread and pastries since 1952");
        var published = await client.PostAsync($"/api/v1/projects/{id}/publish", null);
        published.StatusCode.Should().Be(HttpStatusCode.OK);
        var slug = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("slug").GetString()!;

        var uploaded = await client.UploadImageAsync(id, TestImages.Png(640, 480), "loaf.png", "image/png");
        uploaded.StatusCode.Should().Be(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var image = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("variants")[0].GetProperty("url").GetString()!;

        var page = await client.GetByteArrayAsync($"/s/{slug}/");
        System.Text.Encoding.UTF8.GetString(page).Should().Contain("Bread and pastries since 1952");
        var history = await client.GetStringAsync($"/api/v1/projects/{id}/history");
        history.Should().Contain("version");
        var imageBytes = await client.GetByteArrayAsync(image);
        await host.StopAsync();
        return (id, slug, page, history, (image, imageBytes));
    }

    private static async Task EditHeadlineAsync(HttpClient client, Guid id, string headline)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/projects/{id}/operations",
            new { operations = new object[] { new { op = "set_text", section = "hero", field = "headline", value = headline } } });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
