using Navo.EventStore.Schema;
using Npgsql;

namespace Navo.EventStore.Embedded;

/// <summary>
/// PostgreSQL's own <c>pg_dump</c> and <c>pg_restore</c> (from the installation the embedded cluster uses), pointed at a
/// database by an Npgsql connection string. The password reaches them through their environment, never their command line.
/// </summary>
public sealed class PostgresDump(string clientBinaries)
{
    /// <summary>Finds the client programs where the server's are looked for (<see cref="PostgresBinaries.FindClient"/>).</summary>
    public static PostgresDump Find(string? configuredFolder = null) => new(PostgresBinaries.FindClient(configuredFolder));

    /// <summary>Writes a custom-format dump of the whole database (a consistent snapshot, taken while hosts keep running).</summary>
    public async Task DumpAsync(string connectionString, string file, CancellationToken cancellationToken)
    {
        var (output, failed) = await RunAsync("pg_dump", connectionString,
            ["--format=custom", "--no-password", "--file", file], cancellationToken);
        if (failed)
        {
            throw new EventStoreException($"pg_dump could not dump the database: {FirstLine(output)}");
        }
    }

    /// <summary>Checks that <paramref name="file"/> is a dump <c>pg_restore</c> can read, without touching any database.</summary>
    public async Task<bool> IsReadableAsync(string file, CancellationToken cancellationToken)
    {
        var (exitCode, _) = await ProcessRunner.RunAsync(Path.Combine(clientBinaries, "pg_restore"), ["--list", file], null, cancellationToken, throwOnError: false);
        return exitCode == 0;
    }

    /// <summary>
    /// Loads <paramref name="file"/> in one transaction: it all lands or none of it does. Objects are owned by the
    /// connecting user. With <paramref name="replace"/>, the dump's objects already there are dropped first (in the same
    /// transaction). The role the dump's grants name, <c>navo_tenant</c>, belongs to the cluster rather than the database
    /// and so is not in the dump: it is made first, by the same statement a migration runs.
    /// </summary>
    public async Task RestoreAsync(string connectionString, string file, bool replace, CancellationToken cancellationToken)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(StoreSchema.TenantRole, cancellationToken);
        }

        List<string> arguments = ["--no-owner", "--single-transaction", "--exit-on-error", "--no-password"];
        if (replace)
        {
            arguments.AddRange(["--clean", "--if-exists"]);
        }

        arguments.AddRange(["--dbname", new NpgsqlConnectionStringBuilder(connectionString).Database ?? "postgres", file]);
        var (output, failed) = await RunAsync("pg_restore", connectionString, arguments, cancellationToken);
        if (failed)
        {
            throw new EventStoreException($"pg_restore could not load the database, so nothing of it was restored: {FirstLine(output)}");
        }
    }

    private async Task<(string Output, bool Failed)> RunAsync(
        string program, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await ProcessRunner.RunAsync(
            Path.Combine(clientBinaries, program), arguments, null, cancellationToken, throwOnError: false, Environment(connectionString));
        return (output, exitCode != 0);
    }

    /// <summary>libpq's environment variables for what the connection string says.</summary>
    internal static Dictionary<string, string> Environment(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = settings.Host ?? "localhost",
            ["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGDATABASE"] = settings.Database ?? "postgres",
            ["PGSSLMODE"] = settings.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            },
        };
        if (settings.Username is { } user)
        {
            environment["PGUSER"] = user;
        }

        if (settings.Password is { } password)
        {
            environment["PGPASSWORD"] = password;
        }

        return environment;
    }

    /// <summary>The first line that says what went wrong (pg_dump and pg_restore print "program: error: …").</summary>
    private static string FirstLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(line => line.Contains("error", StringComparison.OrdinalIgnoreCase))
        ?? output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
        ?? "it printed nothing";
}
