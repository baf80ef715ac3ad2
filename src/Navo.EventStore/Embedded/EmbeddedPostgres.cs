using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Navo.EventStore.Embedded;

/// <summary>
/// A private PostgreSQL cluster for one Navo data folder: created on first use with a random password,
/// started on a free loopback port (as the <c>postgres</c> OS user when running as root, since PostgreSQL
/// refuses root), reused on the next start, stopped on <see cref="DisposeAsync"/>. Host and tests share it.
/// </summary>
public sealed partial class EmbeddedPostgres : IAsyncDisposable
{
    private const string SuperUser = "navo";
    private readonly string _binaries;
    private readonly string? _osUser;
    private readonly ILogger _logger;
    private readonly string _password;

    private EmbeddedPostgres(string root, string binaries, string? osUser, string password, int port, bool startedHere, ILogger logger)
    {
        StartedHere = startedHere;
        Root = root;
        _binaries = binaries;
        _osUser = osUser;
        _password = password;
        Port = port;
        _logger = logger;
    }

    /// <summary>The folder holding the cluster (<c>data/</c>), its log and its password.</summary>
    public string Root { get; }

    /// <summary>
    /// Whether this call started the cluster; false when it was already running (a host is using it), so a short-lived
    /// command such as <c>backup</c> leaves it running.
    /// </summary>
    public bool StartedHere { get; }

    /// <summary>The loopback port the cluster listens on.</summary>
    public int Port { get; }

    private string DataDirectory => Path.Combine(Root, "data");

    /// <summary>A connection string for <paramref name="database"/> on this cluster.</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = _password,
        Database = database,
        MaxPoolSize = 100,
    }.ConnectionString;

    /// <summary>
    /// Starts (creating if needed) the cluster for a Navo data folder. The cluster lives in
    /// <c>{dataPath}/pg</c>, or under <c>/var/lib/postgresql/navo/</c> when running as root and the postgres
    /// user cannot reach <paramref name="dataPath"/> (as with anything under <c>/root</c>).
    /// </summary>
    public static async Task<EmbeddedPostgres> StartAsync(
        string dataPath, bool durable = true, string? binaries = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        var bin = PostgresBinaries.Find(binaries);
        dataPath = Path.GetFullPath(dataPath);
        Directory.CreateDirectory(dataPath);
        var osUser = Environment.UserName == "root" ? "postgres" : null;
        var root = osUser is not null && !await CanReachAsync(osUser, dataPath, cancellationToken)
            ? Path.Combine("/var/lib/postgresql/navo", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataPath)))[..16])
            : Path.Combine(dataPath, "pg");

        Directory.CreateDirectory(root);
        if (osUser is not null)
        {
            await ProcessRunner.RunAsync("chown", [osUser, root], null, cancellationToken);
        }

        var password = await EnsureInitializedAsync(root, bin, osUser, durable, logger, cancellationToken);
        var (port, startedHere) = await StartOrReuseAsync(root, bin, osUser, logger, cancellationToken);
        var cluster = new EmbeddedPostgres(root, bin, osUser, password, port, startedHere, logger);
        await cluster.WaitUntilAcceptingAsync(cancellationToken);
        return cluster;
    }

    /// <summary>Creates <paramref name="database"/> unless it exists, optionally as a copy of <paramref name="template"/>.</summary>
    public async Task CreateDatabaseAsync(string database, string? template = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select exists (select from pg_database where datname = $1)", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = database });
        if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return;
        }

        var sql = $"create database {QuoteIdentifier(database)}" + (template is null ? string.Empty : $" template {QuoteIdentifier(template)}");
        await using var create = new NpgsqlCommand(sql, connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stops the cluster (fast shutdown: open transactions roll back, committed data stays).</summary>
    public async ValueTask DisposeAsync() => await StopAsync(immediate: false);

    /// <summary>
    /// Stops the cluster. <paramref name="immediate"/> skips the shutdown checkpoint: for throwaway clusters
    /// only, since the next start must then recover from the log.
    /// </summary>
    public async Task StopAsync(bool immediate)
    {
        NpgsqlConnection.ClearAllPools();
        var command = StopCommandLine(immediate);
        await ProcessRunner.RunAsync(command[0], command.Skip(1), null, CancellationToken.None, throwOnError: false);
        LogStopped(_logger, Root);
    }

    /// <summary>
    /// Starts this cluster again after a stop, on the same port, so that connection strings handed out before still
    /// reach it (for tests of what a host does while its database is away and when it returns).
    /// </summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        await ProcessRunner.RunAsync(Path.Combine(_binaries, "pg_ctl"),
            ["start", "-D", DataDirectory, "-l", Path.Combine(Root, "postgres.log"), "-w", "-t", "60", "-o", $"-p {Port}"],
            _osUser, cancellationToken);
        await WaitUntilAcceptingAsync(cancellationToken);
    }

    /// <summary>
    /// The command that stops this cluster, for a caller that cannot wait for it (such as a process-exit
    /// handler, where waiting on a child process may never return).
    /// </summary>
    public IReadOnlyList<string> StopCommandLine(bool immediate)
    {
        List<string> command = _osUser is null ? [] : ["runuser", "-u", _osUser, "--"];
        command.AddRange([Path.Combine(_binaries, "pg_ctl"), "stop", "-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w"]);
        return command;
    }

    private static async Task<bool> CanReachAsync(string osUser, string folder, CancellationToken cancellationToken) =>
        (await ProcessRunner.RunAsync("test", ["-x", folder], osUser, cancellationToken, throwOnError: false)).ExitCode == 0;

    private static async Task<string> EnsureInitializedAsync(
        string root, string bin, string? osUser, bool durable, ILogger logger, CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(root, "password");
        if (File.Exists(Path.Combine(root, "data", "PG_VERSION")))
        {
            return (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim();
        }

        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        // initdb reads the password from a file the postgres user can read; it is removed right after.
        var initPasswordFile = Path.Combine(root, "initdb.pw");
        await File.WriteAllTextAsync(initPasswordFile, password, cancellationToken);
        try
        {
            if (osUser is not null)
            {
                await ProcessRunner.RunAsync("chown", [osUser, initPasswordFile], null, cancellationToken);
            }

            RestrictToOwner(initPasswordFile);
            await ProcessRunner.RunAsync(Path.Combine(bin, "initdb"),
                ["-D", Path.Combine(root, "data"), "-U", SuperUser, "--pwfile", initPasswordFile, "--auth", "scram-sha-256",
                 "--encoding", "UTF8", "--locale", "C.UTF-8"],
                osUser, cancellationToken);
        }
        finally
        {
            File.Delete(initPasswordFile);
        }

        var settings = new StringBuilder()
            .AppendLine("# Written by Navo: loopback only, no Unix socket (its default folder may not be writable).")
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine("unix_socket_directories = ''")
            .AppendLine("max_connections = 200")
            .AppendLine("idle_in_transaction_session_timeout = '60s'");
        if (!durable)
        {
            // Throwaway test clusters only: a crash of the machine may lose them, which is fine.
            settings.AppendLine("fsync = off").AppendLine("full_page_writes = off").AppendLine("synchronous_commit = off");
        }

        await File.AppendAllTextAsync(Path.Combine(root, "data", "postgresql.conf"), settings.ToString(), cancellationToken);
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        RestrictToOwner(passwordFile);
        LogCreated(logger, root);
        return password;
    }

    private static async Task<(int Port, bool StartedHere)> StartOrReuseAsync(string root, string bin, string? osUser, ILogger logger, CancellationToken cancellationToken)
    {
        var data = Path.Combine(root, "data");
        var pgCtl = Path.Combine(bin, "pg_ctl");
        var status = await ProcessRunner.RunAsync(pgCtl, ["status", "-D", data], osUser, cancellationToken, throwOnError: false);
        if (status.ExitCode == 0 && ReadRunningPort(data) is { } runningPort)
        {
            LogReused(logger, root, runningPort);
            return (runningPort, false);
        }

        // A free port can be taken between asking and binding: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var started = await ProcessRunner.RunAsync(pgCtl,
                ["start", "-D", data, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "60", "-o", $"-p {port}"],
                osUser, cancellationToken, throwOnError: attempt == 3);
            if (started.ExitCode == 0)
            {
                LogStarted(logger, root, port);
                return (port, true);
            }
        }
    }

    /// <summary>Line 4 of postmaster.pid is the port the running server listens on.</summary>
    private static int? ReadRunningPort(string data)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var lines = File.ReadAllLines(pidFile);
        return lines.Length > 3 && int.TryParse(lines[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    private async Task WaitUntilAcceptingAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Pooling=false");
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (attempt < 100)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RestrictToOwner(string file)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [LoggerMessage(Level = LogLevel.Information, Message = "Created a PostgreSQL cluster in {Folder}")]
    private static partial void LogCreated(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started PostgreSQL from {Folder} on 127.0.0.1:{Port}")]
    private static partial void LogStarted(ILogger logger, string folder, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reusing the PostgreSQL already running from {Folder} on 127.0.0.1:{Port}")]
    private static partial void LogReused(ILogger logger, string folder, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped PostgreSQL in {Folder}")]
    private static partial void LogStopped(ILogger logger, string folder);
}
