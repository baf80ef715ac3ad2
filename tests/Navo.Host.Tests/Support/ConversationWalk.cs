using System.Net.Http.Json;
using System.Text.Json;

namespace Navo.Host.Tests.Support;

/// <summary>
/// One conversation of the evaluation, step by step: says a message, then checks the project it left against the
/// step's expectations (design of the checks: tests/Navo.Host.Tests/Eval/README.md).
/// </summary>
public sealed class ConversationWalk(HttpClient client, Guid conversation)
{
    private Guid? _project;

    public async Task<List<string>> SayAndCheckAsync(string text, JsonElement expectations)
    {
        var before = _project is { } id ? await ProjectAsync(id) : null;
        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text });
        if (!response.IsSuccessStatusCode)
        {
            return [$"the API answered {(int)response.StatusCode}"];
        }

        var turn = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (turn.TryGetProperty("projectId", out var pid) && pid.ValueKind == JsonValueKind.String)
        {
            _project = pid.GetGuid();
        }

        var project = _project is { } now ? await ProjectAsync(now) : null;
        var problems = new List<string>();
        foreach (var expectation in expectations.EnumerateArray())
        {
            if (await CheckAsync(expectation, turn, before, project) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    private async Task<string?> CheckAsync(JsonElement expect, JsonElement turn, JsonElement? before, JsonElement? project)
    {
        if (expect.TryGetProperty("projects", out var count))
        {
            var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/projects");
            var actual = (list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("projects")).GetArrayLength();
            return actual == count.GetInt32() ? null : $"{actual} projects, not {count.GetInt32()}";
        }

        if (expect.TryGetProperty("unchanged", out _))
        {
            return Version(before) == Version(project) ? null : $"the site changed (v{Version(before)} -> v{Version(project)})";
        }

        if (expect.TryGetProperty("asked", out _))
        {
            return turn.GetProperty("reply").GetProperty("cards").EnumerateArray().Any(c => c.GetProperty("type").GetString() == "confirm")
                ? null : $"no question was asked: \"{turn.GetProperty("reply").GetProperty("text").GetString()}\"";
        }

        if (project is not { } p || !p.TryGetProperty("site", out var site) || site.ValueKind != JsonValueKind.Object)
        {
            return "there is no site to check";
        }

        return SiteChecks.Check(expect, p, site);
    }

    private static long? Version(JsonElement? project) => project?.GetProperty("version").GetInt64();

    private async Task<JsonElement?> ProjectAsync(Guid id)
    {
        var response = await client.GetAsync($"/api/v1/projects/{id}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }
}
