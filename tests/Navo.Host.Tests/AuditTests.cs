using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsvHelper;
using Navo.Host.Apis;
using Navo.Host.Tests.Support;
using Navo.Testing;
using Npgsql;

namespace Navo.Host.Tests;

/// <summary>The audit log records who did what, pages, exports as CSV and JSON that agree, and cannot be rewritten.</summary>
public sealed class AuditTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private static async Task<List<JsonElement>> EntriesAsync(HttpClient owner) =>
        [.. (await owner.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=200")).GetProperty("entries").EnumerateArray()];

    [Fact]
    public async Task Sign_ins_failures_tool_calls_publishes_role_changes_and_refusals_are_recorded_with_their_actor()
    {
        var email = TestAccounts.NewEmail();
        var owner = factory.CreateClient();
        await owner.SignInAsync(email);
        var ownerId = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userId").GetGuid();
        await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "not the password" });
        var conversation = (await (await owner.PostAsync("/api/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var built = await (await owner.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Build a site for Audit Bakery, a bakery in Porto" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var project = built.GetProperty("projectId").GetGuid();
        (await owner.PostAsync($"/api/v1/projects/{project}/publish", null)).EnsureSuccessStatusCode();
        var viewer = await factory.MemberAsync("viewer", owner);
        var viewerId = (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userId").GetGuid();
        (await viewer.PostAsync($"/api/v1/projects/{project}/unpublish", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await owner.PutAsJsonAsync($"/api/v1/workspace/members/{viewerId}", new { role = "editor" })).EnsureSuccessStatusCode();

        var entries = await EntriesAsync(owner);

        string Line(JsonElement e) => $"{e.GetProperty("action").GetString()} {e.GetProperty("outcome").GetString()}";
        var lines = entries.Select(Line).ToList();
        lines.Should().Contain(["auth.registered ok", "auth.sign_in failed", "tool.generate_site ok", "site.published ok",
            "member.invited ok", "member.joined ok", "http.UnpublishProject denied", "member.role_changed ok"]);
        entries.First(e => Line(e) == "tool.generate_site ok").GetProperty("actorId").GetGuid().Should().Be(ownerId);
        entries.First(e => Line(e) == "site.published ok").GetProperty("actorId").GetGuid().Should().Be(ownerId);
        entries.First(e => Line(e) == "http.UnpublishProject denied").GetProperty("actorId").GetGuid().Should().Be(viewerId);
        entries.Select(e => e.GetProperty("id").GetInt64()).Should().BeInDescendingOrder();
        (await viewer.GetAsync("/api/v1/audit")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the audit log is the owner's");
    }

    [Fact]
    public async Task The_csv_and_json_exports_carry_the_same_entries_and_are_themselves_audited()
    {
        var owner = await factory.SignUpAsync();
        (await owner.PostAsJsonAsync("/api/v1/workspace/invitations", new { role = "editor" })).EnsureSuccessStatusCode();
        var from = DateTimeOffset.UtcNow.AddHours(-1).ToString("O", CultureInfo.InvariantCulture);
        var to = DateTimeOffset.UtcNow.AddHours(1).ToString("O", CultureInfo.InvariantCulture);

        var json = await owner.GetAsync($"/api/v1/audit/export?format=json&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}");
        var csv = await owner.GetAsync($"/api/v1/audit/export?format=csv&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}");

        json.StatusCode.Should().Be(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var fromJson = (await json.Content.ReadFromJsonAsync<JsonElement[]>())!
            .Select(e => (e.GetProperty("id").GetInt64(), e.GetProperty("action").GetString(), e.GetProperty("actorId").GetGuid().ToString())).ToList();
        using var reader = CsvReader.Create(new StringReader(await csv.Content.ReadAsStringAsync()), new CsvReaderOptions { HasHeader = true }, leaveOpen: false);
        reader.Headers.Should().Equal(AuditApi.CsvHeader);
        var fromCsv = new List<(long, string?, string)>();
        while (reader.Read())
        {
            var row = reader.Current.ToArray();
            fromCsv.Add((long.Parse(row[0], CultureInfo.InvariantCulture), row[4], row[2]));
        }

        fromJson.Should().Equal(fromCsv.Where(c => fromJson.Any(e => e.Item1 == c.Item1)), "the CSV export came second: it also holds the JSON export's line");
        fromCsv.Should().HaveCount(fromJson.Count + 1);
        fromCsv.Select(e => e.Item2).Should().Contain(["auth.registered", "member.invited", "audit.exported"]);
        fromJson.Should().HaveCountGreaterThanOrEqualTo(2);
    }

    [Theory]
    [InlineData("format=xml")]
    [InlineData("format=csv&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")]
    [InlineData("format=csv&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")]
    [InlineData("format=csv&from=yesterday")]
    public async Task A_bad_export_request_gets_400(string query)
    {
        var response = await factory.Owner.GetAsync($"/api/v1/audit/export?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Pages_follow_each_other_without_overlap()
    {
        var owner = await factory.SignUpAsync();
        for (var i = 0; i < 5; i++)
        {
            (await owner.PostAsJsonAsync("/api/v1/workspace/invitations", new { role = "viewer" })).EnsureSuccessStatusCode();
        }

        var first = await owner.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=3");
        var second = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/audit?limit=3&before={first.GetProperty("next").GetInt64()}");

        var ids = first.GetProperty("entries").EnumerateArray().Concat(second.GetProperty("entries").EnumerateArray()).Select(e => e.GetProperty("id").GetInt64()).ToList();
        ids.Should().HaveCount(6).And.OnlyHaveUniqueItems().And.BeInDescendingOrder();
    }

    [Fact]
    public async Task No_one_can_rewrite_or_delete_an_audit_line()
    {
        await factory.SignUpAsync();
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();

        var update = async () => await new NpgsqlCommand("update navo_audit set outcome = 'ok'", connection).ExecuteNonQueryAsync();
        var delete = async () => await new NpgsqlCommand("delete from navo_audit", connection).ExecuteNonQueryAsync();

        (await update.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("append-only");
        (await delete.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("append-only");
    }
}
