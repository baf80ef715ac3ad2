using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Client;

namespace Navo.Bench;

/// <summary>
/// One edit (a headline's <c>set_text</c>) through <c>/mcp</c> with the official MCP client and an editor's API key,
/// beside the same edit through <c>POST /operations</c> with the same key, in the same run on the same host. An MCP
/// call is a chat turn without the language step: it also records the call in the key's MCP conversation (and its
/// audit line), which the REST edit does not.
/// </summary>
public static class McpBenchmark
{
    public static Task RunAsync(BenchOptions options) => HttpBenchmarks.RunAsync(async (_, client) =>
    {
        var key = (await (await client.PostAsJsonAsync("/api/v1/workspace/api-keys", new { name = "bench-mcp", role = "editor" })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        using var keyed = new HttpClient { BaseAddress = client.BaseAddress };
        keyed.DefaultRequestHeaders.Add("X-Api-Key", key);
        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(client.BaseAddress!, "/mcp") }, keyed, ownsHttpClient: false);
        await using var mcp = await McpClient.CreateAsync(transport);

        // The MCP conversation works on the site it drafted; the REST edits go to a site of their own.
        await mcp.CallToolAsync("generate_site", new Dictionary<string, object?> { ["description"] = "Rosa's Bakery is a bakery in Porto." });
        var created = await (await keyed.PostAsJsonAsync("/api/v1/projects", new { description = "Rosa's Bakery is a bakery in Porto." })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("siteVersion").GetInt64();
        var runs = options.Iterations ?? 300;

        var viaMcp = await HttpBenchmarks.MeasureAsync(runs, async i =>
        {
            var result = await mcp.CallToolAsync("edit_site", new Dictionary<string, object?>
            {
                ["operations"] = new[] { new Dictionary<string, object?> { ["op"] = "set_text", ["section"] = "hero", ["field"] = "headline", ["value"] = $"Fresh bread, batch {i}" } },
            });
            if (result.IsError == true)
            {
                throw new InvalidOperationException("The MCP edit failed.");
            }
        });
        // The protocol's own share: a call that reads and writes nothing but its turn.
        var help = await HttpBenchmarks.MeasureAsync(runs, async _ => await mcp.CallToolAsync("help"));
        var viaRest = await HttpBenchmarks.MeasureAsync(runs, async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{id}/operations")
            {
                Content = new StringContent($$"""{"operations":[{"op":"set_text","section":"hero","field":"headline","value":"Fresh bread, batch {{i}}"}]}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            (await keyed.SendAsync(request)).EnsureSuccessStatusCode();
            version++;
        });
        return [("MCP tools/call edit_site (one set_text, API key)", viaMcp), ("MCP tools/call help (the turn, no site change)", help), ("POST /operations (one set_text, If-Match, API key)", viaRest)];
    }, "--Navo:Limits:ApiKeyPerMinute", "1000000");
}
