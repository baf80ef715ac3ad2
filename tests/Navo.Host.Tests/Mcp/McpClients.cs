using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests.Mcp;

/// <summary>The official MCP C# client, connected to the host under test through its own HTTP handler.</summary>
internal static class McpClients
{
    /// <summary>A new API key of <paramref name="owner"/>'s workspace with <paramref name="role"/>.</summary>
    public static async Task<string> ApiKeyAsync(this HttpClient owner, string role)
    {
        var response = await owner.PostAsJsonAsync("/api/v1/workspace/api-keys", new { name = "Assistant " + role, role });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    /// <summary>
    /// A client of <paramref name="path"/> (<c>/mcp</c>, or a site's <c>_navo/mcp</c>), with <paramref name="apiKey"/> when
    /// given; with <paramref name="elicit"/> it can put questions to its "user", who answers as the callback says; <paramref name="wrap"/>
    /// sees every HTTP request it sends.
    /// </summary>
    public static async Task<McpClient> ConnectAsync(
        this NavoHostFactory factory, string path, string? apiKey = null, Func<ElicitRequestParams?, ElicitResult>? elicit = null, string? host = null,
        DelegatingHandler? wrap = null)
    {
        var http = wrap is null ? factory.CreateClient() : factory.CreateDefaultClient(wrap);
        if (host is not null)
        {
            http.BaseAddress = new Uri($"http://{host}/");
        }

        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, path), TransportMode = HttpTransportMode.StreamableHttp }, http, ownsHttpClient: true);
        var options = new McpClientOptions();
        if (elicit is not null)
        {
            options.Handlers.ElicitationHandler = (request, _) => ValueTask.FromResult(elicit(request));
        }

        return await McpClient.CreateAsync(transport, options);
    }

    /// <summary>The user's answer to a question: yes (the box ticked), or no.</summary>
    public static ElicitResult Answer(bool yes) => new()
    {
        Action = "accept",
        Content = new Dictionary<string, JsonElement> { ["confirm"] = JsonSerializer.SerializeToElement(yes) },
    };

    /// <summary>A tool result's text.</summary>
    public static string Text(this CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));

    public static Task<CallToolResult> CallAsync(this McpClient client, string tool, object? arguments = null) =>
        client.CallToolAsync(tool, arguments is null
            ? new Dictionary<string, object?>()
            : JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!).AsTask();
}
