using System.Net.Http.Json;
using System.Text.Json;

namespace Navo.Bench;

/// <summary>
/// One conversation grown long: chat edit turns one at a time (the <c>chat</c> benchmark's mix, every fifth an undo),
/// their latencies reported per stretch of the conversation, so a turn whose cost grows with the history shows as a
/// rising p50 from the first stretch to the last. <c>--runs N</c>: turns (default 1,000, five stretches).
/// </summary>
public static class LongConversationBenchmark
{
    private static readonly string[] Edits = ["make it dark", "make it light", "change the headline to 'Fresh bread daily'", "make it blue", "undo"];

    public static Task RunAsync(BenchOptions options) => HttpBenchmarks.RunAsync(async (_, client) =>
    {
        var turns = options.Iterations ?? 1000;
        var stretch = Math.Max(1, turns / 5);
        var id = (await (await client.PostAsync("/api/v1/conversations", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text = "Rosa's Bakery is a bakery in Porto. We bake sourdough bread." }))
            .EnsureSuccessStatusCode();
        var edits = new List<(string, List<double>)>();
        var undos = new List<(string, List<double>)>();
        var reads = new List<(string, List<double>)>();
        for (var from = 0; from < turns; from += stretch)
        {
            var (edit, undo) = (new List<double>(), new List<double>());
            for (var i = from; i < Math.Min(turns, from + stretch); i++)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                // With a message id of its own, as the studio, Slack and Teams send one: the turn first looks it up among the older replies.
                (await client.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text = Edits[i % Edits.Length], clientMessageId = $"long-{i}" }))
                    .EnsureSuccessStatusCode();
                (i % Edits.Length == Edits.Length - 1 ? undo : edit).Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var read = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                (await client.GetAsync($"/api/v1/conversations/{id}/messages")).EnsureSuccessStatusCode();
                read.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var name = $"turns {from + 1}–{Math.Min(turns, from + stretch)}";
            edits.Add(($"chat edit turn, {name}", edit));
            undos.Add(($"chat undo turn, {name}", undo));
            reads.Add(($"GET …/messages after {name}", read));
        }

        return [.. edits, .. undos, .. reads];
    });
}
