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
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
            DeleteQuietly(folder);
            DeleteQuietly(cluster.Root);
        };
        return cluster;
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover folder under the temp directory harms nothing.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
