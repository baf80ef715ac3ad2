using System.Globalization;

namespace Navo.Bench;

/// <summary>Command-line settings shared by the benchmarks.</summary>
public sealed record BenchOptions(int Seconds)
{
    public static BenchOptions Parse(string[] args)
    {
        var seconds = 10;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--seconds")
            {
                seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }

        return new BenchOptions(seconds);
    }
}
