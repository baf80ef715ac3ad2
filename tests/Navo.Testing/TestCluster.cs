using System.Diagnostics;
using Navo.EventStore.Embedded;

namespace Navo.Testing;

/// <summary>
/// One private PostgreSQL cluster per test run (per test process), started with the same code the host uses
/// and stopped when the process exits. Without PostgreSQL installed it fails loudly: these tests never skip.
/// </summary>
public static class TestCluster
{
    private static readonly Lazy<Task<EmbeddedPostgres>> Cluster = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The running cluster.</summary>
    public static Task<EmbeddedPostgres> GetAsync() => Cluster.Value;

    private static async Task<EmbeddedPostgres> StartAsync()
    {
        // A private folder per run (mode 0700), so runs by different users on one machine never collide.
        var folder = Directory.CreateTempSubdirectory("navo-tests-").FullName;
        var cluster = await EmbeddedPostgres.StartAsync(folder, durable: false);
        // The test host gives exit handlers little time and may not let them wait on a child process, so
        // hand the stop and the clean-up to a detached shell that outlives this process.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            var stop = string.Join(' ', cluster.StopCommandLine(immediate: true).Select(Quote));
            var script = $"{stop} >/dev/null 2>&1; rm -rf {Quote(cluster.Root)} {Quote(folder)}";
            using var cleanup = Process.Start(new ProcessStartInfo("setsid", ["sh", "-c", script]) { UseShellExecute = false });
        };
        return cluster;
    }

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
