using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;
using Xunit.Abstractions;

namespace Navo.Host.Tests;

/// <summary>
/// Whole conversations through the chat API with the local client and the real store, each in a fresh workspace,
/// every step checked against the site it leaves (not against the words of the reply). The conversations in
/// Eval/conversations.json were written apart from the training phrasings; at least 90% of steps must come out right.
/// </summary>
public sealed class ConversationEvaluationTests(NavoHostFactory factory, ITestOutputHelper output) : IClassFixture<NavoHostFactory>
{
    [Fact]
    public async Task At_least_90_percent_of_conversation_steps_leave_the_site_as_the_user_meant()
    {
        var conversations = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Eval", "conversations.json"))).RootElement;
        conversations.GetArrayLength().Should().BeGreaterThanOrEqualTo(40);

        var (steps, failed) = (0, new List<string>());
        foreach (var conversation in conversations.EnumerateArray())
        {
            var client = await factory.SignUpAsync();
            var walk = new ConversationWalk(client, await StartAsync(client));
            foreach (var step in conversation.GetProperty("steps").EnumerateArray())
            {
                steps++;
                var say = step.GetProperty("say").GetString()!;
                var problems = await walk.SayAndCheckAsync(say, step.GetProperty("expect"));
                if (problems.Count > 0)
                {
                    failed.Add($"{conversation.GetProperty("name").GetString()} / \"{say}\": {string.Join("; ", problems)}");
                }
            }
        }

        foreach (var failure in failed)
        {
            output.WriteLine(failure);
        }

        var rate = 1.0 - ((double)failed.Count / steps);
        output.WriteLine($"{steps - failed.Count}/{steps} steps as meant ({rate:P1}) in {conversations.GetArrayLength()} conversations");
        rate.Should().BeGreaterThanOrEqualTo(0.90, string.Join("\n", failed));
    }

    private static async Task<Guid> StartAsync(HttpClient client) =>
        (await (await client.PostAsync("/api/v1/conversations", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
}
