using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;
using Navo.Testing;

namespace Navo.Host.Tests;

/// <summary>Chat turns over HTTP with the local client and the real store.</summary>
public sealed class ConversationsApiTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private readonly HttpClient _client = factory.Owner;

    private async Task<Guid> StartAsync()
    {
        var started = await _client.PostAsync("/api/v1/conversations", null);
        started.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> SayAsync(Guid conversation, string text, string? messageId = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages")
        {
            Content = JsonContent.Create(new { text, clientMessageId = messageId }),
        };
        var response = await (client ?? _client).SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> SiteAsync(Guid project) =>
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}")).GetProperty("site");

    private static string Headline(JsonElement site) =>
        site.GetProperty("pages")[0].GetProperty("sections")[0].GetProperty("fields").GetProperty("headline").GetString()!;

    [Fact]
    public async Task A_conversation_builds_edits_undoes_and_asks_before_removing_a_page()
    {
        var conversation = await StartAsync();

        var built = await SayAsync(conversation, "Build a site for my bakery Pão Quente in Lisbon, we sell sourdough and pastries");
        var project = built.GetProperty("projectId").GetGuid();
        built.GetProperty("reply").GetProperty("text").GetString().Should().Contain("Pão Quente");
        var site = await SiteAsync(project);
        var json = site.GetRawText();
        json.Should().Contain("Pão Quente").And.Contain("sourdough").And.Contain("pastries").And.Contain("Lisbon");
        var original = Headline(site);

        await SayAsync(conversation, "make it dark");
        (await SiteAsync(project)).GetProperty("theme").GetProperty("mode").GetString().Should().Be("dark");

        var changed = await SayAsync(conversation, "change the headline to 'Fresh bread daily'");
        changed.GetProperty("reply").GetProperty("text").GetString().Should().StartWith("Done — the headline now reads 'Fresh bread daily'.");
        Headline(await SiteAsync(project)).Should().Be("Fresh bread daily");

        await SayAsync(conversation, "undo");
        Headline(await SiteAsync(project)).Should().Be(original);

        await SayAsync(conversation, "add a page called 'Menu'");
        var versionBefore = (await SayAsync(conversation, "show history")).GetProperty("version").GetInt64();
        var asked = await SayAsync(conversation, "remove the menu page");
        asked.GetProperty("reply").GetProperty("text").GetString().Should().Be("Remove the page \"Menu\" and everything on it? Reply yes or no.");
        asked.GetProperty("reply").GetProperty("cards").EnumerateArray().Should().Contain(c => c.GetProperty("type").GetString() == "confirm");

        var declined = await SayAsync(conversation, "no");
        declined.GetProperty("reply").GetProperty("text").GetString().Should().Be("Okay, I left everything as it was.");
        var afterNo = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}");
        afterNo.GetProperty("version").GetInt64().Should().Be(versionBefore);
        afterNo.GetProperty("site").GetProperty("pages").GetArrayLength().Should().Be(2);

        await SayAsync(conversation, "remove the menu page");
        var confirmed = await SayAsync(conversation, "yes");
        confirmed.GetProperty("reply").GetProperty("text").GetString().Should().StartWith("Done — I removed the page \"Menu\"");
        (await SiteAsync(project)).GetProperty("pages").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task Each_site_has_its_own_conversation_per_person_started_once_and_found_again()
    {
        var first = await StartAsync();
        var bakery = (await SayAsync(first, "Build a site for Crumb & Co, a bakery in Frome")).GetProperty("projectId").GetGuid();
        var second = await StartAsync();
        var florist = (await SayAsync(second, "Build a site for Petal Lane, a florist in Bath")).GetProperty("projectId").GetGuid();

        async Task<(HttpStatusCode Status, Guid Id)> ForSiteAsync(Guid project, HttpClient? client = null)
        {
            var response = await (client ?? _client).PostAsJsonAsync("/api/v1/conversations", new { projectId = project });
            return (response.StatusCode, response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid() : Guid.Empty);
        }

        // The conversation that drafted a site is that site's; asking again finds it, not a new one.
        (await ForSiteAsync(bakery)).Should().Be((HttpStatusCode.OK, first));
        (await ForSiteAsync(florist)).Should().Be((HttpStatusCode.OK, second));
        var turns = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{first}/messages");
        turns.EnumerateArray().Select(t => t.GetProperty("userText").GetString()).Should().Equal("Build a site for Crumb & Co, a bakery in Frome");

        // Another person in the workspace gets a conversation of their own about the same site, started once.
        var editor = await factory.MemberAsync("editor");
        var (created, theirs) = await ForSiteAsync(bakery, editor);
        created.Should().Be(HttpStatusCode.Created);
        theirs.Should().NotBe(first);
        (await ForSiteAsync(bakery, editor)).Should().Be((HttpStatusCode.OK, theirs));

        // A site of another workspace, or none at all, has no conversation here.
        (await ForSiteAsync(bakery, await factory.SignUpAsync())).Status.Should().Be(HttpStatusCode.NotFound);
        (await ForSiteAsync(Guid.NewGuid())).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publish_it_asks_first_and_a_yes_puts_the_site_live()
    {
        var conversation = await StartAsync();
        await SayAsync(conversation, "Build a site for Mar Azul, a restaurant in Sines");

        var asked = await SayAsync(conversation, "publish it");
        asked.GetProperty("reply").GetProperty("text").GetString().Should()
            .StartWith("Publish the site now, so anyone can see it? It still has sample content, which the live site leaves out until you replace it: ")
            .And.EndWith(" Reply yes or no.");
        (await _client.GetAsync("/s/mar-azul/")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var done = await SayAsync(conversation, "yes");
        done.GetProperty("reply").GetProperty("text").GetString().Should().StartWith("Your site is live at /s/mar-azul/");
        (await _client.GetAsync("/s/mar-azul/")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_button_pressed_after_its_question_was_answered_or_its_site_moved_on_changes_nothing()
    {
        var conversation = await StartAsync();
        var drafted = await SayAsync(conversation, "Build a site for Vela Azul, a sailing school in Lagos");
        var project = drafted.GetProperty("projectId").GetGuid();
        var draftOffer = drafted.GetProperty("reply").GetProperty("offer");
        draftOffer.GetProperty("projectId").GetGuid().Should().Be(project);
        drafted.GetProperty("reply").GetProperty("suggestedActions").EnumerateArray().Select(a => a.GetString()).Should().Contain("Undo");

        // The question is answered by typing; its Confirm button, pressed afterwards, is refused.
        var asked = await SayAsync(conversation, "publish it");
        var confirm = asked.GetProperty("reply").GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "confirm").GetProperty("data");
        confirm.GetProperty("approvalId").GetString().Should().Be(asked.GetProperty("reply").GetProperty("offer").GetProperty("approvalId").GetString());
        await SayAsync(conversation, "no");
        var late = await PressAsync(conversation, confirm.GetProperty("confirm").GetString()!, asked.GetProperty("reply").GetProperty("offer"));
        late.GetProperty("reply").GetProperty("text").GetString().Should().Be("That question was already answered, so I left everything as it is.");
        (await _client.GetAsync("/s/vela-azul/")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // "Undo" offered with the draft, pressed after another change: the site has moved on, so nothing is undone.
        await SayAsync(conversation, "make it dark");
        var version = (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}")).GetProperty("version").GetInt64();
        var undo = await PressAsync(conversation, "Undo", draftOffer);
        undo.GetProperty("reply").GetProperty("text").GetString().Should().StartWith("That button was for an earlier version of the site");
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}")).GetProperty("version").GetInt64().Should().Be(version);

        // A button offered about another site does nothing to this one.
        var other = await SayAsync(await StartAsync(), "Build a site for Onda Norte, a surf school in Ericeira");
        var elsewhere = await PressAsync(conversation, "Undo", other.GetProperty("reply").GetProperty("offer"));
        elsewhere.GetProperty("reply").GetProperty("text").GetString().Should().StartWith("That button was for another site");
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}")).GetProperty("version").GetInt64().Should().Be(version);
    }

    [Fact]
    public async Task A_photo_sent_in_the_chat_goes_where_the_owner_says_and_navo_asks_what_it_shows()
    {
        var conversation = await StartAsync();
        var project = (await SayAsync(conversation, "Build a site for Forno Rosso, a pizzeria in Porto")).GetProperty("projectId").GetGuid();
        var asset = await UploadAsync(project, TestImages.Photo(1600, 900), "oven.jpg", "image/jpeg");

        async Task<JsonElement> WithPhotoAsync(string text)
        {
            var response = await _client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text, context = new { projectId = project, assetId = asset } });
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply");
        }

        // Where it goes is asked when not said, and the photo stays the subject of the next message.
        var where = await WithPhotoAsync("here you go");
        where.GetProperty("text").GetString().Should().StartWith("Where should this photo go");
        where.GetProperty("attachment").GetString().Should().Be(asset);

        var placed = await WithPhotoAsync("use this as the main photo");
        placed.GetProperty("text").GetString().Should().Contain("What does the photo show?");
        placed.GetProperty("attachment").GetString().Should().Be(asset);
        var hero = (await SiteAsync(project)).GetProperty("pages")[0].GetProperty("sections")[0];
        hero.GetProperty("image").GetProperty("asset").GetString().Should().Be(asset);

        var described = await WithPhotoAsync("our wood-fired oven");
        described.TryGetProperty("attachment", out var left).Should().BeTrue();
        left.ValueKind.Should().Be(JsonValueKind.Null);
        (await SiteAsync(project)).GetProperty("pages")[0].GetProperty("sections")[0].GetProperty("image").GetProperty("alt").GetString()
            .Should().Be("Our wood-fired oven");
    }

    [Fact]
    public async Task Use_my_logos_colours_takes_the_main_colour_of_the_logo()
    {
        var conversation = await StartAsync();
        var project = (await SayAsync(conversation, "Build a site for Ember Tattoo, a tattoo studio in Leeds")).GetProperty("projectId").GetGuid();
        (await SayAsync(conversation, "use my logo's colours")).GetProperty("reply").GetProperty("text").GetString().Should().StartWith("Your site has no logo yet.");

        var asset = await UploadAsync(project, TestImages.Logo(0xea, 0x58, 0x0c), "logo.png", "image/png");
        (await _client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "make this our logo", context = new { projectId = project, assetId = asset } }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        await SayAsync(conversation, "use my logo's colours");
        var colour = Convert.FromHexString((await SiteAsync(project)).GetProperty("theme").GetProperty("primaryColor").GetString()![1..]);
        var logo = new byte[] { 0xea, 0x58, 0x0c };
        colour.Zip(logo).Should().OnlyContain(c => Math.Abs(c.First - c.Second) <= 4, "the stored copies of the logo are compressed, so a channel may be a step off");
    }

    /// <summary>Adds an image to the project's library; its id.</summary>
    private async Task<string> UploadAsync(Guid project, byte[] bytes, string fileName, string contentType)
    {
        var response = await _client.UploadImageAsync(project, bytes, fileName, contentType);
        return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> PressAsync(Guid conversation, string text, JsonElement offer)
    {
        var response = await _client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text, context = new { offer } });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_same_message_id_twice_runs_once_and_gets_the_same_reply()
    {
        var conversation = await StartAsync();
        await SayAsync(conversation, "Build a site for Forno Azul, a bakery in Porto");
        var before = await EventCountAsync();

        var first = await SayAsync(conversation, "make it dark", messageId: "m-42");
        var afterFirst = await EventCountAsync();
        var second = await SayAsync(conversation, "make it dark", messageId: "m-42");

        // Equal as JSON (the record comes back from jsonb, which keeps its own key order).
        System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(second.GetRawText()), System.Text.Json.Nodes.JsonNode.Parse(first.GetRawText())).Should().BeTrue();
        (await EventCountAsync()).Should().Be(afterFirst, "a retry of the same message id is answered from the record");
        afterFirst.Should().BeGreaterThan(before);
    }

    [Fact]
    public async Task A_viewer_asking_for_an_edit_is_refused_politely_and_nothing_is_written()
    {
        var conversation = await StartAsync();
        var built = await SayAsync(conversation, "Build a site for Casa Azul, a restaurant in Faro");
        var project = built.GetProperty("projectId").GetGuid();
        var version = built.GetProperty("version").GetInt64();

        var viewer = await factory.MemberAsync("viewer");

        var refused = await SayAsync(conversation, "make it dark", client: viewer);

        refused.GetProperty("reply").GetProperty("text").GetString().Should().StartWith("You can look at this site but not change it");
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}")).GetProperty("version").GetInt64().Should().Be(version);
    }

    [Fact]
    public async Task An_unclear_message_gets_a_question_and_changes_nothing()
    {
        var conversation = await StartAsync();
        var built = await SayAsync(conversation, "Build a site for Casa Rosa, a bakery in Braga");
        var version = built.GetProperty("version").GetInt64();

        var asked = await SayAsync(conversation, "what's the weather like");

        asked.GetProperty("reply").GetProperty("text").GetString().Should().StartWith("I'm not sure what you'd like me to do.");
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{built.GetProperty("projectId").GetGuid()}")).GetProperty("version").GetInt64().Should().Be(version);
    }

    [Fact]
    public async Task Bad_messages_get_400_and_unknown_conversations_404()
    {
        var conversation = await StartAsync();

        (await _client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = new string('x', 4001) })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = " " })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _client.PostAsJsonAsync($"/api/v1/conversations/{Guid.NewGuid()}/messages", new { text = "hi" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.GetAsync($"/api/v1/conversations/{Guid.NewGuid()}/messages")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task With_Accept_text_event_stream_a_draft_streams_the_tool_call_progress_deltas_the_reply_and_done()
    {
        var conversation = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages")
        {
            Content = JsonContent.Create(new { text = "Build a site for my bakery Pão Quente in Lisbon, we sell sourdough and pastries" }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");

        var response = await _client.SendAsync(request);

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        var events = ParseEvents(await response.Content.ReadAsStringAsync());
        events.Select(e => e.Name).Distinct().Should().Equal("tool", "progress", "delta", "reply", "done");
        JsonDocument.Parse(events.First(e => e.Name == "tool").Data).RootElement.GetProperty("name").GetString().Should().Be("generate_site");
        events.Where(e => e.Name == "progress").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("step").GetString())
            .Should().Contain(["brief", "assemble", "render"]);
        string.Concat(events.Where(e => e.Name == "delta").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("text").GetString()))
            .Should().StartWith("Here's a first draft for Pão Quente in Lisbon.");
        JsonDocument.Parse(events.Single(e => e.Name == "reply").Data).RootElement.GetProperty("projectId").GetGuid().Should().NotBeEmpty();
        events[^1].Name.Should().Be("done");
    }

    [Fact]
    public async Task Publishing_reports_its_steps_to_the_conversation()
    {
        var conversation = await StartAsync();
        await SayAsync(conversation, "Build a site for Vento Norte, a surf school in Ericeira");
        await SayAsync(conversation, "publish it");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages")
        {
            Content = JsonContent.Create(new { text = "yes" }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");

        var events = ParseEvents(await (await _client.SendAsync(request)).Content.ReadAsStringAsync());

        var steps = events.Where(e => e.Name == "progress").Select(e => JsonDocument.Parse(e.Data).RootElement).ToList();
        steps.Select(s => s.GetProperty("step").GetString()).Should().StartWith(["address", "render"]).And.Contain("store /");
        steps.Select(s => s.GetProperty("done").GetInt32()).Should().BeInAscendingOrder();
        JsonDocument.Parse(events.Single(e => e.Name == "reply").Data).RootElement.GetProperty("reply").GetProperty("text").GetString()
            .Should().StartWith("Your site is live at /s/vento-norte/");
    }

    private static List<(string Name, string Data)> ParseEvents(string body) =>
        [.. body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n'))
            .Select(lines => (
                Name: lines.FirstOrDefault(l => l.StartsWith("event: ", StringComparison.Ordinal))?["event: ".Length..] ?? "message",
                Data: string.Join('\n', lines.Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => l["data: ".Length..]))))];

    private async Task<long> EventCountAsync()
    {
        await using var command = factory.Database.DataSource.CreateCommand("select count(*) from mt_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
