using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Navo.Agent.Functions;
using Navo.Agent.Tools;
using Navo.Host.Mcp;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests.Mcp;

/// <summary>Navo's MCP server at <c>/mcp</c>, through the official MCP C# client, against the host and its database.</summary>
public sealed class WorkspaceMcpTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private static readonly object Draft = new { description = "Casa Lume is a candle shop in Porto.", businessName = "Casa Lume" };

    [Fact]
    public async Task The_tools_are_the_chats_own_with_the_same_names_descriptions_and_schemas()
    {
        await using var client = await factory.ConnectAsync("/mcp", await factory.Owner.ApiKeyAsync("editor"));

        var listed = await client.ListToolsAsync();

        var chat = new NavoTools(null!, null!).Functions;
        listed.Select(t => t.Name).Should().Equal(chat.Select(f => f.Name));
        foreach (var tool in listed)
        {
            var function = chat.Single(f => f.Name == tool.Name);
            tool.Description.Should().Be(function.Description);
            tool.JsonSchema.GetRawText().Should().Be(function.JsonSchema.GetRawText());
        }
    }

    [Fact]
    public async Task Without_an_api_key_the_endpoint_answers_401()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/mcp", new { jsonrpc = "2.0", id = 1, method = "tools/list" });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be("Bearer");
    }

    [Fact]
    public async Task An_editors_key_drafts_and_edits_a_site_reads_it_as_a_resource_and_leaves_the_chats_audit_lines()
    {
        var owner = await factory.SignUpAsync();
        await using var client = await factory.ConnectAsync("/mcp", await owner.ApiKeyAsync("editor"));

        var drafted = await client.CallAsync("generate_site", Draft);
        var id = drafted.StructuredContent!.Value.GetProperty("projectId").GetGuid();
        var edited = await client.CallAsync("edit_site", new { operations = new[] { new { op = "set_text", section = "hero", field = "headline", value = "Candles poured by hand in Porto" } } });

        drafted.IsError.Should().BeFalse(drafted.Text());
        edited.IsError.Should().BeFalse(edited.Text());
        edited.StructuredContent!.Value.GetProperty("projectId").GetGuid().Should().Be(id);
        var resources = await client.ListResourcesAsync();
        resources.Select(r => r.Uri).Should().Equal($"navo://projects/{id}/site", $"navo://projects/{id}/preview");
        var document = await client.ReadResourceAsync($"navo://projects/{id}/site");
        var site = JsonDocument.Parse(((TextResourceContents)document.Contents.Single()).Text).RootElement;
        site.GetProperty("name").GetString().Should().Be("Casa Lume");
        var rest = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        site.GetRawText().Should().Be(JsonSerializer.Serialize(rest.GetProperty("site"), JsonSerializerOptions.Web));
        Hero(site).Should().Be("Candles poured by hand in Porto");
        var preview = (TextResourceContents)(await client.ReadResourceAsync($"navo://projects/{id}/preview")).Contents.Single();
        preview.MimeType.Should().Be("text/html");
        preview.Text.Should().Contain(">Candles poured by hand in Porto</h1>").And.Contain("Sample — replace with your own");
        var audit = await AuditAsync(owner);
        audit.Should().ContainInOrder(("tool.generate_site", "ok"), ("tool.edit_site", "ok"));
    }

    [Fact]
    public async Task Publishing_waits_for_the_users_yes_and_a_no_changes_nothing()
    {
        var owner = await factory.SignUpAsync();
        var answers = new Queue<bool>([false, true]);
        var asked = new List<string>();
        await using var client = await factory.ConnectAsync("/mcp", await owner.ApiKeyAsync("editor"), request =>
        {
            asked.Add(request!.Message);
            return McpClients.Answer(answers.Dequeue());
        });
        var id = (await client.CallAsync("generate_site", Draft)).StructuredContent!.Value.GetProperty("projectId").GetGuid();

        var declined = await client.CallAsync("publish_site", new { action = "publish" });

        declined.Text().Should().Be("Okay, I left everything as it was.");
        (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("published").GetBoolean().Should().BeFalse();

        var published = await client.CallAsync("publish_site", new { action = "publish" });

        published.IsError.Should().BeFalse(published.Text());
        asked.Should().HaveCount(2).And.AllSatisfy(q => q.Should().StartWith("Publish the site now, so anyone can see it?"));
        (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("published").GetBoolean().Should().BeTrue();
        (await AuditAsync(owner)).Where(a => a.Action is "tool.publish_site" or "site.published")
            .Should().Equal(("site.published", "ok"), ("tool.publish_site", "ok"));
    }

    [Fact]
    public async Task A_yes_sent_with_a_forged_request_state_is_no_answer_and_the_question_is_asked_again()
    {
        var owner = await factory.SignUpAsync();
        var answers = new Queue<bool>([true, false]);
        var asked = 0;
        var forger = new RequestStateForger();
        await using var client = await factory.ConnectAsync("/mcp", await owner.ApiKeyAsync("editor"), _ =>
        {
            asked++;
            return McpClients.Answer(answers.Dequeue());
        }, wrap: forger);
        var id = (await client.CallAsync("generate_site", Draft)).StructuredContent!.Value.GetProperty("projectId").GetGuid();

        var result = await client.CallAsync("publish_site", new { action = "publish" });

        forger.Forged.Should().Be(1);
        asked.Should().Be(2);
        result.Text().Should().Be("Okay, I left everything as it was.");
        (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("published").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task A_numeric_action_is_no_way_around_the_question_and_nothing_is_published()
    {
        var owner = await factory.SignUpAsync();
        await using var client = await factory.ConnectAsync("/mcp", await owner.ApiKeyAsync("editor"));
        var id = (await client.CallAsync("generate_site", Draft)).StructuredContent!.Value.GetProperty("projectId").GetGuid();

        var numeric = await client.CallAsync("publish_site", new { action = 0 });
        var shouted = await client.CallAsync("publish_site", new { action = "PUBLISH" });

        numeric.StructuredContent!.Value.GetProperty("status").GetString().Should().Be("error", numeric.Text());
        numeric.Text().Should().Be("The arguments for publish_site were not valid: \"action\" must be one of publish, rollback, unpublish.");
        shouted.StructuredContent!.Value.GetProperty("status").GetString().Should().Be("error", shouted.Text());
        (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("published").GetBoolean().Should().BeFalse();
        (await AuditAsync(owner)).Should().NotContain(a => a.Action == "site.published");
    }

    [Theory]
    [InlineData("edit_site")]
    [InlineData("generate_site")]
    public async Task A_yes_is_spent_by_its_call_and_cannot_publish_a_later_version_or_another_site(string between)
    {
        var owner = await factory.SignUpAsync();
        var answers = new Queue<bool>([true, false, false]);
        var asked = 0;
        var replayer = new AnswerReplayer();
        await using var client = await factory.ConnectAsync("/mcp", await owner.ApiKeyAsync("editor"), _ =>
        {
            asked++;
            return McpClients.Answer(answers.Dequeue());
        }, wrap: replayer);
        var first = (await client.CallAsync("generate_site", Draft)).StructuredContent!.Value.GetProperty("projectId").GetGuid();
        var published = await client.CallAsync("publish_site", new { action = "publish" });
        published.IsError.Should().BeFalse(published.Text());
        var changed = between == "edit_site"
            ? await client.CallAsync("edit_site", new { operations = new[] { new { op = "set_text", section = "hero", field = "headline", value = "Candles poured by hand in Porto" } } })
            : await client.CallAsync("generate_site", new { description = "Forno Azul is a bakery in Lisbon.", businessName = "Forno Azul" });
        changed.IsError.Should().BeFalse(changed.Text());
        var target = changed.StructuredContent!.Value.GetProperty("projectId").GetGuid();

        // The user says no; the assistant sends the first yes, with its signed state, in its place.
        replayer.Replay = true;
        var replayed = await client.CallAsync("publish_site", new { action = "publish" });

        replayer.Replayed.Should().Be(1);
        asked.Should().Be(3, "the old yes is no answer, so the question is asked again");
        replayed.Text().Should().Be("Okay, I left everything as it was.");
        (target == first).Should().Be(between == "edit_site");
        (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{target}")).GetProperty("published").GetBoolean().Should().Be(target == first);
        (await AuditAsync(owner)).Count(a => a.Action == "site.published").Should().Be(1, "only the first, answered yes, published anything");
    }

    [Fact]
    public async Task A_request_the_endpoint_cannot_read_gets_a_4xx_without_a_stack_trace()
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", await factory.Owner.ApiKeyAsync("viewer"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");

        var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("code").GetInt32().Should().Be(-32600);
        body.Should().NotContain("   at ").And.NotContain("Exception");
    }

    [Fact]
    public async Task A_client_that_cannot_ask_its_user_is_refused_in_a_sentence_and_nothing_is_published()
    {
        var owner = await factory.SignUpAsync();
        await using var client = await factory.ConnectAsync("/mcp", await owner.ApiKeyAsync("editor"));
        var id = (await client.CallAsync("generate_site", Draft)).StructuredContent!.Value.GetProperty("projectId").GetGuid();

        var refused = await client.CallAsync("publish_site", new { action = "publish" });

        refused.IsError.Should().BeTrue();
        refused.Text().Should().Be(WorkspaceMcp.CannotAsk);
        (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("published").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task A_viewers_key_reads_but_cannot_edit_and_the_refusal_is_audited()
    {
        var owner = await factory.SignUpAsync();
        var created = await (await owner.PostAsJsonAsync("/api/v1/projects", Draft)).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var before = created.GetProperty("version").GetInt64();
        await using var client = await factory.ConnectAsync("/mcp", await owner.ApiKeyAsync("viewer"));

        var opened = await client.CallAsync("open_project", new { name = "Casa Lume" });
        var edit = await client.CallAsync("edit_site", new { operations = new[] { new { op = "set_text", section = "hero", field = "headline", value = "Not allowed" } } });

        var publish = await client.CallAsync("publish_site", new { action = "publish" });

        opened.IsError.Should().BeFalse(opened.Text());
        publish.Text().Should().Be(RoleFilter.ReadOnlyRefusal, "a call the role would refuse is refused at once, never asked about");
        edit.IsError.Should().BeTrue();
        edit.Text().Should().Be(RoleFilter.ReadOnlyRefusal);
        edit.StructuredContent!.Value.GetProperty("status").GetString().Should().Be("refused");
        (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("version").GetInt64().Should().Be(before);
        (await AuditAsync(owner)).Should().Contain(("tool.edit_site", "denied"));
    }

    [Fact]
    public async Task Another_workspaces_projects_are_invisible()
    {
        var owner = await factory.SignUpAsync();
        var theirs = (await (await owner.PostAsJsonAsync("/api/v1/projects", Draft)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stranger = await factory.SignUpAsync();
        await using var client = await factory.ConnectAsync("/mcp", await stranger.ApiKeyAsync("editor"));

        var listed = await client.CallAsync("list_projects");
        var opened = await client.CallAsync("open_project", new { name = "Casa Lume" });
        var resources = await client.ListResourcesAsync();
        var read = async () => await client.ReadResourceAsync($"navo://projects/{theirs}/site");

        listed.Text().Should().NotContain("Casa Lume");
        opened.IsError.Should().BeTrue();
        resources.Should().BeEmpty();
        (await read.Should().ThrowAsync<McpProtocolException>()).Which.ErrorCode.Should().Be(McpErrorCode.ResourceNotFound);
    }

    private static string Hero(JsonElement site) =>
        site.GetProperty("pages")[0].GetProperty("sections").EnumerateArray().First(s => s.GetProperty("type").GetString() == "hero")
            .GetProperty("fields").GetProperty("headline").GetString()!;

    /// <summary>The workspace's audit lines, oldest first, as (action, outcome).</summary>
    private static async Task<List<(string Action, string Outcome)>> AuditAsync(HttpClient owner)
    {
        var page = await owner.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=200");
        return [.. page.GetProperty("entries").EnumerateArray().Reverse()
            .Select(e => (e.GetProperty("action").GetString()!, e.GetProperty("outcome").GetString()!))];
    }

    /// <summary>
    /// Keeps the first answer the client sends (its request state and input responses); once told to replay, puts them
    /// in place of the next answer, as an assistant reusing a yes would.
    /// </summary>
    private sealed class AnswerReplayer : DelegatingHandler
    {
        private System.Text.Json.Nodes.JsonNode? _state;
        private System.Text.Json.Nodes.JsonNode? _responses;

        public bool Replay { get; set; }

        public int Replayed { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is { } content && await content.ReadAsStringAsync(cancellationToken) is var body
                && System.Text.Json.Nodes.JsonNode.Parse(body) is System.Text.Json.Nodes.JsonObject { } message
                && message["params"]?["requestState"] is { } state)
            {
                if (_state is null)
                {
                    _state = state.DeepClone();
                    _responses = message["params"]!["inputResponses"]!.DeepClone();
                }
                else if (Replay && Replayed == 0)
                {
                    message["params"]!["requestState"] = _state.DeepClone();
                    message["params"]!["inputResponses"] = _responses!.DeepClone();
                    Replayed++;
                    request.Content = new StringContent(message.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
                }
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Replaces the request state of the first retry with one Navo never made, as a client forging a yes would.</summary>
    private sealed class RequestStateForger : DelegatingHandler
    {
        public int Forged { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Forged == 0 && request.Content is { } content && await content.ReadAsStringAsync(cancellationToken) is var body
                && System.Text.Json.Nodes.JsonNode.Parse(body) is System.Text.Json.Nodes.JsonObject { } message
                && message["params"]?["requestState"] is not null)
            {
                message["params"]!["requestState"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("{\"Question\":\"yes\"}"));
                Forged++;
                var forged = new StringContent(message.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
                request.Content = forged;
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
