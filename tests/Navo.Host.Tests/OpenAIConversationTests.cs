using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Navo.Host.Tests.Support;
using Navo.Testing;

namespace Navo.Host.Tests;

/// <summary>The OpenAI-compatible path, against recorded Chat Completions responses, drives the same tools.</summary>
public sealed class OpenAIConversationTests : IAsyncLifetime
{
    private readonly ReplayServer _model = new();
    private readonly OpenAIHostFactory _factory;

    public OpenAIConversationTests() => _factory = new OpenAIHostFactory(_model);

    public Task InitializeAsync() => ((IAsyncLifetime)_factory).InitializeAsync();

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_factory).DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task A_model_calling_generate_site_and_edit_site_changes_the_real_project()
    {
        var client = _factory.CreateClient();
        await client.SignInAsync(TestAccounts.NewEmail());
        var conversation = (await (await client.PostAsync("/api/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // The draft's section steps ask for JSON; refusing them makes each fall back to the local engine.
        _model.When(body => body.Contains("\"response_format\"", StringComparison.Ordinal), """{"error":{"message":"no"}}""", 400);
        _model
            .Reply(ChatCompletions.Completion("""{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"generate_site","arguments":"{\"description\":\"Pão Quente is a bakery in Lisbon. We sell sourdough and pastries.\"}"}}]}""", "tool_calls"))
            .Reply(ChatCompletions.Completion("""{"role":"assistant","content":"Your draft is ready."}"""))
            .Reply(ChatCompletions.Completion("""{"role":"assistant","content":null,"tool_calls":[{"id":"call_2","type":"function","function":{"name":"edit_site","arguments":"{\"operations\":[{\"op\":\"set_theme\",\"mode\":\"dark\"}]}"}}]}""", "tool_calls"))
            .Reply(ChatCompletions.Completion("""{"role":"assistant","content":"It is dark now."}"""));

        var built = await (await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Build a site for my bakery" })).Content.ReadFromJsonAsync<JsonElement>();
        var dark = await (await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "make it dark" })).Content.ReadFromJsonAsync<JsonElement>();

        built.GetProperty("reply").GetProperty("text").GetString().Should().Be("Your draft is ready.");
        dark.GetProperty("reply").GetProperty("text").GetString().Should().Be("It is dark now.");
        var project = await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{built.GetProperty("projectId").GetGuid()}");
        project.GetProperty("name").GetString().Should().Be("Pão Quente");
        project.GetProperty("site").GetProperty("theme").GetProperty("mode").GetString().Should().Be("dark");

        var requests = _model.Requests.Select(r => JsonNode.Parse(r.Body)!).Where(r => r["response_format"] is null).ToList();
        requests.Should().HaveCount(4);
        _model.Requests.Count(r => r.Body.Contains("\"response_format\"", StringComparison.Ordinal)).Should().BeGreaterThan(5, "each section of the draft was asked for");
        requests[0]["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>())
            .Should().Contain(["generate_site", "edit_site", "show_history", "list_projects", "open_project", "help"]);
        requests[0]["messages"]![0]!["role"]!.GetValue<string>().Should().Be("system");
        requests[0]["messages"]![0]!["content"]!.ToString().Should().Contain("Never invent facts about the business");
        var toolMessage = requests[1]["messages"]!.AsArray().Single(m => m!["role"]!.GetValue<string>() == "tool")!;
        toolMessage["tool_call_id"]!.GetValue<string>().Should().Be("call_1");
        toolMessage["content"]!.ToString().Should().Contain("Pão Quente");
    }

    [Fact]
    public async Task When_the_model_goes_away_after_a_tool_ran_the_reply_says_what_the_tool_did()
    {
        var client = _factory.CreateClient();
        await client.SignInAsync(TestAccounts.NewEmail());
        var conversation = (await (await client.PostAsync("/api/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        _model.When(body => body.Contains("\"response_format\"", StringComparison.Ordinal), """{"error":{"message":"no"}}""", 400);
        _model
            .Reply(ChatCompletions.Completion("""{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"generate_site","arguments":"{\"description\":\"Casa Azul is a restaurant in Faro.\"}"}}]}""", "tool_calls"))
            .Reply("""{"error":{"message":"bad request"}}""", 400);

        var built = await (await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Build a site for my restaurant" })).Content.ReadFromJsonAsync<JsonElement>();

        built.GetProperty("reply").GetProperty("text").GetString().Should().StartWith("Here's a first draft for Casa Azul in Faro.");
        built.GetProperty("projectId").GetGuid().Should().NotBeEmpty();
    }

    private sealed class OpenAIHostFactory(ReplayServer model) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>, IAsyncLifetime
    {
        private readonly TestDatabase _database = new();

        public Task InitializeAsync() => _database.InitializeAsync();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Navo", _database.ConnectionString);
            builder.UseSetting("Navo:Ai:Provider", "openai");
            builder.UseSetting("Navo:Ai:Endpoint", new Uri(model.BaseAddress, "v1").ToString());
            builder.UseSetting("Navo:Ai:Model", "test-model");
            builder.UseEnvironment("Testing");
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            await DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}
