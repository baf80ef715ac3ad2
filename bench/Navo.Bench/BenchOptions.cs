using System.Globalization;

namespace Navo.Bench;

/// <summary>Command-line settings shared by the benchmarks.</summary>
public sealed record BenchOptions(int Seconds, string? Only, int? Iterations = null)
{
    public static BenchOptions Parse(string[] args)
    {
        var seconds = 10;
        string? only = null;
        int? iterations = null;
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
            else if (args[i] == "--only")
            {
                only = args[i + 1];
            }
        }

        return new BenchOptions(seconds, only, iterations);
    }
}
