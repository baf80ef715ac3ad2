using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Navo.Bench;

/// <summary>
/// What the channel benchmarks (Slack, Teams) share: a local server standing in for the channel's API, replies counted
/// as it receives them, and the same sixteen conversations at once, each a draft and then edits.
/// </summary>
internal static class ChannelBench
{
    public const int Conversations = 16;

    private static readonly string[] Edits = ["make it dark", "make it light", "change the headline to 'Fresh bread daily'", "make it blue", "undo"];

    /// <summary>A server on a free local port, without logging, its endpoints mapped by <paramref name="map"/>; its address ends with '/'.</summary>
    public static async Task<(WebApplication App, string BaseUrl)> StartServerAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return (app, app.Urls.First().TrimEnd('/') + "/");
    }

    /// <summary>
    /// <see cref="Conversations"/> conversations at once, each a draft and then <paramref name="rounds"/> edits.
    /// <paramref name="say"/> sends one turn (the conversation, the edit's number or null for the draft, the text) and
    /// adds its times to the <see cref="Timings"/> it is given (none for the draft, which is not measured).
    /// </summary>
    public static async Task<List<(string Name, List<double> Milliseconds)>> ConversationsAsync(
        int rounds, string acknowledged, string replied, Func<int, int?, string, Timings?, Task> say)
    {
        var timings = new Timings();
        await Task.WhenAll(Enumerable.Range(0, Conversations).Select(async c =>
        {
            await say(c, null, $"build a site for a bakery called Crumb {c} in Bristol", null);
            for (var i = 0; i < rounds; i++)
            {
                await say(c, i, Edits[i % Edits.Length], timings);
            }
        }));
        return [($"{acknowledged}, {Conversations} conversations at once", [.. timings.Acks]), ($"{replied}, {Conversations} conversations at once", [.. timings.Replies])];
    }
}

/// <summary>The times of measured turns: to the channel's 200, and to the reply arriving.</summary>
internal sealed class Timings
{
    public ConcurrentBag<double> Acks { get; } = [];

    public ConcurrentBag<double> Replies { get; } = [];
}

/// <summary>Replies counted per key (a channel, an activity) as a fake API receives them.</summary>
internal sealed class ReplyCounts
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public void Add(string key) => _counts.AddOrUpdate(key, 1, (_, n) => n + 1);

    public int this[string key] => _counts.GetValueOrDefault(key);

    /// <summary>Waits (two minutes at most) until <paramref name="key"/> has <paramref name="count"/> replies.</summary>
    public async Task WaitForAsync(string key, int count)
    {
        var until = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 120;
        while (this[key] < count)
        {
            if (Stopwatch.GetTimestamp() > until)
            {
                throw new TimeoutException($"No reply arrived for {key}.");
            }

            await Task.Delay(2);
        }
    }
}
