using Navo.EventStore.Embedded;
using Npgsql;

namespace Navo.Host.Tests.Support;

/// <summary>
/// A data folder for host processes (<see cref="Navo.Testing.HostProcess"/>) that are killed and started again on it:
/// the rows a crash left are read from its embedded cluster directly, and at the end the cluster is stopped and the
/// folder removed.
/// </summary>
public sealed class HostDataFolder : IAsyncDisposable
{
    private EmbeddedPostgres? _cluster;

    public string Path { get; } = Directory.CreateTempSubdirectory("navo-host-tests-").FullName;

    /// <summary>Where the host stores published files: <c>{Navo:DataPath}/sites</c>.</summary>
    public string Sites => System.IO.Path.Combine(Path, "sites");

    /// <summary>The one number <paramref name="sql"/> answers (a count, an attempt), or -1 when it answers no row.</summary>
    public async Task<long> ScalarAsync(string sql, params object[] parameters)
    {
        // The cluster a host started and left running (a killed host leaves it up), or started here when a host that
        // stopped took it down; a connection of its own each time, as one kept from before a stop is closed.
        _cluster = await EmbeddedPostgres.StartAsync(Path);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_cluster.ConnectionStringFor("navo")) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await command.ExecuteScalarAsync() is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : -1;
    }

    /// <summary>Polls until <paramref name="sql"/> answers a number above zero.</summary>
    public async Task WaitForAsync(string sql, int seconds = 120)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (await ScalarAsync(sql) <= 0)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("Still waiting for: " + sql);
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Whatever happened, leave no cluster running: reuse it if it is up, then stop it.
        var cluster = _cluster ?? await EmbeddedPostgres.StartAsync(Path);
        await cluster.DisposeAsync();
        try
        {
            Directory.Delete(cluster.Root, recursive: true);
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder harms nothing.
        }
    }
}
