using Navo.Bench;

// dotnet run -c Release --project bench/Navo.Bench -- <benchmark> [--seconds N] [--only 8x1,8x100] [--runs N] [--json] [--host other/Navo.Host.dll] [--minutes N]
var benchmarks = new Dictionary<string, Func<BenchOptions, Task>>(StringComparer.Ordinal)
{
    ["append"] = AppendBenchmark.RunAsync,
    ["generate"] = HttpBenchmarks.GenerateAsync,
    ["edit"] = HttpBenchmarks.EditAsync,
    ["history"] = HistoryBenchmark.RunAsync,
    ["chat"] = HttpBenchmarks.ChatAsync,
    ["chat-long"] = LongConversationBenchmark.RunAsync,
    ["publish"] = HttpBenchmarks.PublishAsync,
    ["serve"] = ServeBenchmark.RunAsync,
    ["serve-client"] = HttpBenchmarks.ServeAsync,
    ["beacon"] = BeaconBenchmark.RunAsync,
    ["analytics"] = AnalyticsBenchmark.RunAsync,
    ["auth"] = HttpBenchmarks.AuthAsync,
    ["studio"] = StudioBenchmark.RunAsync,
    ["understand"] = UnderstandBenchmark.RunAsync,
    ["startup"] = StartupBenchmark.RunAsync,
    ["images"] = ImagesBenchmark.RunAsync,
    ["slack"] = SlackBenchmark.RunAsync,
    ["teams"] = TeamsBenchmark.RunAsync,
    ["soak"] = SoakBenchmark.RunAsync,
    ["mcp"] = McpBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Navo.Bench <{string.Join('|', benchmarks.Keys)}> [--seconds N] [--only 8x1,8x100] [--runs N] [--json] [--host other/Navo.Host.dll] [--minutes N]");
    return 2;
}

var options = BenchOptions.Parse(args[1..]);
Navo.Testing.HostProcess.HostOverride = options.Host;
await run(options);
return 0;
