using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests.Mcp;

/// <summary>Arguments a tool cannot read, sent by an MCP client: a sentence naming the argument, never .NET's own words.</summary>
public sealed class WorkspaceMcpArgumentTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    [Theory]
    [InlineData("publish_site", """{"action":"explode"}""", "\"action\" must be one of publish, rollback, unpublish.")]
    [InlineData("show_history", """{"from":"start"}""", "\"from\" must be a whole number.")]
    [InlineData("analyze_site", """{"period":7}""", "\"period\" must be one of 7d, 30d, 90d, all.")]
    [InlineData("conclude_experiment", """{"apply":"yes"}""", "\"apply\" must be true or false.")]
    [InlineData("open_project", """{"name":{"first":"Casa"}}""", "\"name\" must be text.")]
    [InlineData("open_project", """{"name":null}""", "\"name\" is missing.")]
    [InlineData("generate_site", """{"businessName":"Casa Lume"}""", "\"description\" is missing.")]
    [InlineData("edit_site", """{"operations":"[{\"op\": \"set_theme\""}""", "\"operations\" must be a list of edit operations, each an object with its \"op\".")]
    [InlineData("edit_site", """{"operations":[{"op":"set_theme","mode":"dark"},{"op":"fly"}]}""", "Operation 2 ('fly') is missing an argument, has one of the wrong type, or is not an operation Navo knows.")]
    public async Task An_argument_the_tool_cannot_read_is_named_in_a_sentence_and_nothing_changes(string tool, string arguments, string problem)
    {
        var owner = await factory.SignUpAsync();
        await using var client = await factory.ConnectAsync("/mcp", await owner.ApiKeyAsync("editor"));
        var drafted = await client.CallAsync("generate_site", new { description = "Casa Lume is a candle shop in Porto.", businessName = "Casa Lume" });
        var id = drafted.StructuredContent!.Value.GetProperty("projectId").GetGuid();
        var before = (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("version").GetInt64();

        var result = await client.CallAsync(tool, JsonSerializer.Deserialize<JsonElement>(arguments));

        result.IsError.Should().BeTrue();
        result.Text().Should().Be($"The arguments for {tool} were not valid: {problem}");
        result.StructuredContent!.Value.GetProperty("status").GetString().Should().Be("error");
        var project = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        (project.GetProperty("version").GetInt64(), project.GetProperty("published").GetBoolean()).Should().Be((before, false));
        (await owner.GetFromJsonAsync<JsonElement>("/api/v1/projects")).GetArrayLength().Should().Be(1);
    }
}
