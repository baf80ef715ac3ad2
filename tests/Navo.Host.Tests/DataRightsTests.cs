using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Navo.Host.Tests.Support;
using Navo.Testing;

namespace Navo.Host.Tests;

/// <summary>A workspace takes all its data with it, or leaves none behind; a user can leave and their name goes too.</summary>
public sealed class DataRightsTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    /// <summary>A workspace with a published site, a conversation, a lead, a domain, a member and an API key.</summary>
    private async Task<(HttpClient Owner, string TenantId, Guid Project, string Slug)> FullWorkspaceAsync(string business)
    {
        var owner = await factory.SignUpAsync();
        var tenantId = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("workspace").GetProperty("id").GetString()!;
        var conversation = (await (await owner.PostAsync("/api/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var built = await (await owner.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = $"Build a site for {business}, a bakery in Porto" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var project = built.GetProperty("projectId").GetGuid();
        var slug = (await (await owner.PostAsync($"/api/v1/projects/{project}/publish", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("live").GetProperty("slug").GetString()!;
        (await owner.PostAsync($"/s/{slug}/_navo/form", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Ana", ["email"] = "ana@example.com", ["message"] = "Do you bake on Sundays?",
        }))).EnsureSuccessStatusCode();
        (await owner.PostAsJsonAsync($"/api/v1/projects/{project}/domains", new { domain = $"www.{slug}.example" })).EnsureSuccessStatusCode();
        await factory.MemberAsync("editor", owner);
        (await owner.PostAsJsonAsync("/api/v1/workspace/api-keys", new { name = "Export test", role = "viewer" })).EnsureSuccessStatusCode();
        return (owner, tenantId, project, slug);
    }

    [Fact]
    public async Task The_export_holds_every_stream_the_leads_the_members_the_audit_log_and_the_published_pages()
    {
        var (owner, _, project, slug) = await FullWorkspaceAsync("Export Bakery");
        var page = await owner.GetByteArrayAsync($"/s/{slug}/");

        var response = await owner.GetAsync("/api/v1/tenant/export");

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/zip");
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        names.Should().Contain(["workspace.json", "members.json", "leads.json", "audit.json", "api-keys.json", $"projects/{project}/events.json"]);
        names.Should().Contain(n => n.StartsWith("conversations/", StringComparison.Ordinal));
        string Read(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        Read("leads.json").Should().Contain("Do you bake on Sundays?");
        Read("members.json").Should().Contain("\"editor\"");
        Read("api-keys.json").Should().Contain("Export test").And.NotContain("\"hash\"", "a key's secret never leaves");
        Read($"projects/{project}/events.json").Should().Contain("site_published").And.Contain("domain_added");
        var html = zip.Entries.Single(e => e.FullName.StartsWith("sites/", StringComparison.Ordinal));
        using var pageStream = new MemoryStream();
        await html.Open().CopyToAsync(pageStream);
        pageStream.ToArray().Should().Equal(page);
        (await owner.GetStringAsync("/api/v1/audit")).Should().Contain("workspace.exported");
    }

    [Fact]
    public async Task The_export_holds_the_image_library_and_the_published_images_and_deleting_the_workspace_removes_them()
    {
        var owner = await factory.SignUpAsync();
        var project = (await (await owner.PostAsJsonAsync("/api/v1/projects", new { description = "Picture Bakery is a bakery in Porto." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var form = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Jpeg(700, 500)), "file", "loaves.jpg" } };
        var asset = await (await owner.PostAsync($"/api/v1/projects/{project}/assets", form)).Content.ReadFromJsonAsync<JsonElement>();
        var id = asset.GetProperty("id").GetString();
        (await owner.PostAsync($"/api/v1/projects/{project}/operations", new StringContent(
            $$"""{"operations":[{"op":"set_image","section":"hero","image":"{{id}}","alt":"Fresh loaves"}]}""", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await owner.PostAsync($"/api/v1/projects/{project}/publish", null)).EnsureSuccessStatusCode();
        var copy = await owner.GetByteArrayAsync($"/api/v1/projects/{project}/assets/{id}/320.webp");
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(copy));

        using (var zip = new ZipArchive(await (await owner.GetAsync("/api/v1/tenant/export")).Content.ReadAsStreamAsync()))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            names.Should().Contain(["images.json", $"images/{project}/{id}/320.webp", $"images/{project}/{id}/700.jpg", $"sites/{key}.webp"]);
            using var stream = new MemoryStream();
            await zip.GetEntry($"images/{project}/{id}/320.webp")!.Open().CopyToAsync(stream);
            stream.ToArray().Should().Equal(copy);
        }

        var file = Path.Combine(DataPath(), "sites", key[..2], key[2..]);
        File.Exists(file).Should().BeTrue();
        var name = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("workspace").GetProperty("name").GetString();
        (await owner.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/tenant") { Content = JsonContent.Create(new { confirm = name }) }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        File.Exists(file).Should().BeFalse("no other workspace holds the image");
    }

    [Fact]
    public async Task Deleting_a_workspace_leaves_none_of_its_rows_in_any_table_and_removes_its_files()
    {
        var (owner, tenantId, _, slug) = await FullWorkspaceAsync("Doomed Bakery");
        var (other, otherTenant, _, otherSlug) = await FullWorkspaceAsync("Surviving Bakery");
        var name = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("workspace").GetProperty("name").GetString();
        // A live page's ETag is its file's key: the hash of its bytes.
        var key = (await owner.GetAsync($"/s/{slug}/")).Headers.ETag!.Tag.Trim('"');
        var file = Path.Combine(DataPath(), "sites", key[..2], key[2..]);
        File.Exists(file).Should().BeTrue();

        (await owner.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/tenant") { Content = JsonContent.Create(new { confirm = "wrong name" }) }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TenantRowsAsync(tenantId)).Should().NotBeEmpty();

        var deleted = await owner.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/tenant") { Content = JsonContent.Create(new { confirm = name }) });

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await TenantRowsAsync(tenantId)).Should().BeEmpty();
        (await owner.GetAsync("/api/v1/projects")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await factory.CreateClient().GetAsync($"/s/{slug}/")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        File.Exists(file).Should().BeFalse("no other workspace refers to the page");
        Directory.EnumerateFiles(Path.Combine(DataPath(), "sites"), "*", SearchOption.AllDirectories).Should().NotBeEmpty("the other workspace's pages stay");
        (await other.GetAsync($"/s/{otherSlug}/")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await TenantRowsAsync(otherTenant)).Should().NotBeEmpty();
    }

    [Fact]
    public async Task Deleting_an_account_removes_it_and_leaves_events_naming_a_deleted_user()
    {
        var owner = await factory.SignUpAsync();
        var editor = await factory.MemberAsync("editor", owner);
        var editorId = (await editor.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userId").GetGuid();
        var project = (await (await editor.PostAsJsonAsync("/api/v1/projects", new { description = "Leaving Deli is a deli in Faro." })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();

        (await editor.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = "wrong" }) }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var deleted = await editor.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = TestAccounts.Password }) });

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await editor.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await using var command = factory.Database.DataSource.CreateCommand("select count(*) from mt_events where data::text like '%' || $1 || '%'");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = editorId.ToString() });
        ((long)(await command.ExecuteScalarAsync())!).Should().Be(0, "no event names the deleted user any more");
        (await owner.GetAsync($"/api/v1/projects/{project}")).StatusCode.Should().Be(HttpStatusCode.OK, "the work stays with the workspace");
        (await owner.GetFromJsonAsync<JsonElement[]>("/api/v1/workspace/members"))!.Should().ContainSingle();
        (await owner.GetStringAsync("/api/v1/audit")).Should().Contain("account.deleted");
    }

    [Fact]
    public async Task The_last_owner_cannot_delete_their_account_while_the_workspace_exists()
    {
        var owner = await factory.SignUpAsync();

        var response = await owner.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = TestAccounts.Password }) });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await owner.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private string DataPath() => factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NavoOptions>>().Value.DataPath;

    /// <summary>"table: count" for every table with a tenant_id column holding rows of <paramref name="tenantId"/>, and the workspace row.</summary>
    private async Task<List<string>> TenantRowsAsync(string tenantId)
    {
        var found = new List<string>();
        var tables = new List<string>();
        await using (var list = factory.Database.DataSource.CreateCommand(
            "select table_name from information_schema.columns where table_schema = current_schema() and column_name = 'tenant_id'"))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.Should().Contain(["mt_events", "mt_streams", "navo_projects", "navo_live_sites", "navo_leads", "navo_site_domains", "navo_audit", "navo_members"]);
        foreach (var table in tables.Append("navo_tenants"))
        {
            var column = table == "navo_tenants" ? "id" : "tenant_id";
            await using var count = factory.Database.DataSource.CreateCommand($"select count(*) from {table} where {column} = $1");
            count.Parameters.Add(new Npgsql.NpgsqlParameter { Value = tenantId });
            if ((long)(await count.ExecuteScalarAsync())! is > 0 and var rows)
            {
                found.Add($"{table}: {rows}");
            }
        }

        return found;
    }
}
