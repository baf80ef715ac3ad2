using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Navo.Host.Tests.Support;
using Npgsql;

namespace Navo.Host.Tests;

/// <summary>
/// Two hosts on one database, as behind a load balancer: each keeps live pages in memory, and a publish, rollback,
/// unpublish or move through one reaches the other within a second (PostgreSQL LISTEN/NOTIFY) and the one that made it
/// at once (its own commit); nothing else empties what is kept.
/// </summary>
public sealed class LiveCacheTests(NavoHostFactory first) : IClassFixture<NavoHostFactory>, IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(1);
    private readonly HttpClient _owner = first.Owner;
    private PeerHostFactory _second = null!;
    private HttpClient _visitor = null!;

    public Task InitializeAsync()
    {
        _second = new PeerHostFactory(first);
        _visitor = _second.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _second.DisposeAsync();

    [Fact]
    public async Task A_publish_rollback_and_unpublish_through_one_host_reach_the_other_within_a_second()
    {
        var id = await GenerateAsync("Maré Alta is a seafood restaurant in Olhão.");
        var url = (await PostAsync($"/api/v1/projects/{id}/publish")).GetProperty("live").GetProperty("url").GetString()!;
        await EditHeadlineAsync(id, "First catch of the day");
        // The other host serves (and keeps) the first version before anything changes.
        (await _visitor.GetStringAsync(url)).Should().NotContain("First catch of the day");
        (await _visitor.GetStringAsync(url)).Should().NotContain("First catch of the day");

        await PostAsync($"/api/v1/projects/{id}/publish");
        await ServesWithinASecondAsync(url, page => page.Contains("First catch of the day", StringComparison.Ordinal), "the new version");

        await PostAsync($"/api/v1/projects/{id}/rollback");
        await ServesWithinASecondAsync(url, page => !page.Contains("First catch of the day", StringComparison.Ordinal), "the version rolled back to");

        await PostAsync($"/api/v1/projects/{id}/unpublish");
        await ServesWithinASecondAsync(url, page => page.Contains("This site is offline", StringComparison.Ordinal), "the offline page");
        (await _visitor.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task A_move_through_one_host_frees_the_old_address_and_fills_the_new_one_on_the_other_within_a_second()
    {
        var id = await GenerateAsync("Cabo Verde Surf is a surf school in Ericeira.");
        var url = (await PostAsync($"/api/v1/projects/{id}/publish")).GetProperty("live").GetProperty("url").GetString()!;
        var newUrl = url.TrimEnd('/') + "-ericeira/";
        // The other host keeps both answers: the site at the old address, nothing at the new one.
        (await _visitor.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _visitor.GetAsync(newUrl)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var moved = await _owner.PutAsJsonAsync($"/api/v1/projects/{id}/slug", new { slug = newUrl.Split('/')[2] });
        moved.StatusCode.Should().Be(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());

        await ServesWithinASecondAsync(newUrl, page => page.Contains("Cabo Verde Surf", StringComparison.Ordinal), "the site at its new address");
        await ServesWithinASecondAsync(url, page => page.Contains("There is no site at this address.", StringComparison.Ordinal), "nothing at the old address");
    }

    [Fact]
    public async Task A_kept_page_is_served_without_asking_the_database()
    {
        var id = await GenerateAsync("Pedra Lisa is a climbing gym in Sintra.");
        var url = (await PostAsync($"/api/v1/projects/{id}/publish")).GetProperty("live").GetProperty("url").GetString()!;
        var page = await _visitor.GetStringAsync(url);

        var before = await TransactionsAsync();
        for (var i = 0; i < 200; i++)
        {
            (await _visitor.GetStringAsync(url)).Should().Be(page);
        }

        // Each view read from the database would be a transaction of its own: 200 at least.
        (await TransactionsAsync() - before).Should().BeLessThan(100, "the pointer and the page were kept in memory");
    }

    [Fact]
    public async Task A_change_made_while_the_hosts_were_not_listening_is_not_served_stale()
    {
        var id = await GenerateAsync("Vento Norte is a kite school in Viana do Castelo.");
        var url = (await PostAsync($"/api/v1/projects/{id}/publish")).GetProperty("live").GetProperty("url").GetString()!;
        await EditHeadlineAsync(id, "Ride the north wind");
        (await _visitor.GetStringAsync(url)).Should().NotContain("Ride the north wind");

        // Both hosts lose their listening connections; the publish right after may commit before they listen again.
        await using (var command = first.Database.DataSource.CreateCommand(
            "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and query = 'listen navo_sites'"))
        {
            // (A host of an earlier test may still be leaving: at least these two.)
            ((long)(await command.ExecuteScalarAsync())!).Should().BeGreaterThanOrEqualTo(2, "each host listens on a connection of its own");
        }

        await PostAsync($"/api/v1/projects/{id}/publish");
        await ServesWithinASecondAsync(url, page => page.Contains("Ride the north wind", StringComparison.Ordinal), "the version published while it was not listening");
    }

    [Fact]
    public async Task A_publish_is_served_at_once_by_the_host_that_made_it_and_within_a_second_by_the_other()
    {
        var id = await GenerateAsync("Casa do Rio is a guest house in Mértola.");
        var url = (await PostAsync($"/api/v1/projects/{id}/publish")).GetProperty("live").GetProperty("url").GetString()!;
        await EditHeadlineAsync(id, "Rooms above the river");
        (await _owner.GetStringAsync(url)).Should().NotContain("Rooms above the river");
        (await _visitor.GetStringAsync(url)).Should().NotContain("Rooms above the river");

        // Both hosts' listening backends are paused: the notification of the publish waits in PostgreSQL, so the only
        // way the publishing host can know at once is its own commit.
        var listeners = await ListenersAsync();
        listeners.Should().HaveCountGreaterThanOrEqualTo(2, "each host listens on a connection of its own");
        await SignalAsync("-STOP", listeners);
        try
        {
            await PostAsync($"/api/v1/projects/{id}/publish");
            (await _owner.GetStringAsync(url)).Should().Contain("Rooms above the river", "the host that published forgot the address as it committed");
            (await _visitor.GetStringAsync(url)).Should().NotContain("Rooms above the river", "the other host learns of it only from the notification");
        }
        finally
        {
            await SignalAsync("-CONT", listeners);
        }

        await ServesWithinASecondAsync(url, page => page.Contains("Rooms above the river", StringComparison.Ordinal), "the new version once the notification is delivered");
    }

    [Fact]
    public async Task A_chat_turn_a_sign_in_and_a_draft_edit_leave_the_kept_pages_kept()
    {
        var id = await GenerateAsync("Forno Velho is a bakery in Tavira.");
        var url = (await PostAsync($"/api/v1/projects/{id}/publish")).GetProperty("live").GetProperty("url").GetString()!;
        // The publish's own notification reaches the listener a moment after its commit and forgets the address once
        // more: the page counts as kept only once it is served with the pointers locked.
        var page = await _owner.GetStringAsync(url);
        var clock = Stopwatch.StartNew();
        while (!await ServedWithPointersLockedAsync(url))
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the published page is kept once its publish has been heard");
            page = await _owner.GetStringAsync(url);
        }

        var conversation = (await (await _owner.PostAsync("/api/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var turn = await _owner.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Hello, what can you do?" });
        turn.StatusCode.Should().Be(HttpStatusCode.OK, await turn.Content.ReadAsStringAsync());
        await first.SignUpAsync();
        await EditHeadlineAsync(id, "Bread from the wood oven");

        // Whoever reads the live pointers from the database now waits for this lock: only a kept page answers.
        await using var connection = await first.Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockPointers = new NpgsqlCommand("lock table navo_live_sites in access exclusive mode", connection, transaction))
        {
            await lockPointers.ExecuteNonQueryAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var view = await _owner.GetAsync(url, timeout.Token);
        view.StatusCode.Should().Be(HttpStatusCode.OK);
        (await view.Content.ReadAsStringAsync()).Should().Be(page, "the page was still kept after the turn, the sign-in and the edit");
    }

    /// <summary>Whether <paramref name="url"/> is served while the live pointers are locked, which only a kept page is.</summary>
    private async Task<bool> ServedWithPointersLockedAsync(string url)
    {
        await using var connection = await first.Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockPointers = new NpgsqlCommand("lock table navo_live_sites in access exclusive mode", connection, transaction))
        {
            await lockPointers.ExecuteNonQueryAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            return (await _owner.GetAsync(url, timeout.Token)).StatusCode == HttpStatusCode.OK;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task ServesWithinASecondAsync(string url, Func<string, bool> expected, string what)
    {
        var clock = Stopwatch.StartNew();
        string page;
        do
        {
            page = await (await _visitor.GetAsync(url)).Content.ReadAsStringAsync();
            if (expected(page))
            {
                return;
            }

            await Task.Delay(20);
        }
        while (clock.Elapsed < Within);

        expected(page).Should().BeTrue($"the other host serves {what} within a second");
    }

    /// <summary>The process ids of the backends the hosts listen on.</summary>
    private async Task<List<int>> ListenersAsync()
    {
        await using var command = first.Database.DataSource.CreateCommand(
            "select pid from pg_stat_activity where datname = current_database() and query = 'listen navo_sites'");
        await using var reader = await command.ExecuteReaderAsync();
        var pids = new List<int>();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }

    private static async Task SignalAsync(string signal, List<int> pids)
    {
        using var kill = Process.Start("kill", [signal, .. pids.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))])!;
        await kill.WaitForExitAsync();
        kill.ExitCode.Should().Be(0, $"kill {signal} reaches the test cluster's backends");
    }

    private async Task<long> TransactionsAsync()
    {
        // Statistics reach the view when a backend goes idle: give them that moment.
        await Task.Delay(1500);
        await using var connection = new NpgsqlConnection(first.Database.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select xact_commit + xact_rollback from pg_stat_database where datname = current_database()", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<Guid> GenerateAsync(string description) =>
        (await (await _owner.PostAsJsonAsync("/api/v1/projects", new { description })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    private async Task<JsonElement> PostAsync(string path)
    {
        var response = await _owner.PostAsJsonAsync(path, new { });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task EditHeadlineAsync(Guid id, string headline)
    {
        using var edit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{id}/operations")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { operations = new[] { new { op = "set_text", section = "hero", field = "headline", value = headline } } }),
                Encoding.UTF8, "application/json"),
        };
        (await _owner.SendAsync(edit)).EnsureSuccessStatusCode();
    }
}
