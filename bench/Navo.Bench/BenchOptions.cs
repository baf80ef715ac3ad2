using System.Globalization;

namespace Navo.Bench;

/// <summary>Command-line settings shared by the benchmarks.</summary>
public sealed record BenchOptions(int Seconds, string? Only, int? Iterations = null, string? Host = null, bool Json = false, int? Minutes = null)
{
    public static BenchOptions Parse(string[] args)
    {
        var seconds = 10;
        string? only = null;
        int? iterations = null;
        string? host = null;
        int? minutes = null;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--seconds")
            {
                seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--runs")
            {
                iterations = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--host")
            {
                // Another build's Navo.Host.dll, to compare it with this one in the same run.
                host = args[i + 1];
            }
            else if (args[i] == "--minutes")
            {
                minutes = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--only")
            {
                only = args[i + 1];
            }
        }

        // --json: one JSON object a row instead of a Markdown table, for scripts that compare runs.
        return new BenchOptions(seconds, only, iterations, host, args.Contains("--json"), minutes);
    }
}
