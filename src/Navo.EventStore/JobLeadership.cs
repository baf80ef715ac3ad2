using Microsoft.Extensions.Logging;
using Npgsql;

namespace Navo.EventStore;

/// <summary>
/// Which host runs the background jobs that must run on one host only (roll-ups, daily rounds). Every host runs
/// <see cref="RunAsync"/>; the one that holds a PostgreSQL session advisory lock on a connection of its own leads, the
/// others try again every <c>retry</c>. The lock goes with its session: when the leader stops, crashes or loses its
/// connection, PostgreSQL frees it and a standby takes it at its next try, and the jobs run there at once
/// (<see cref="JobTurns.NextAsync"/>). The jobs still take their own lock per run: a leader that lost its connection and has
/// not noticed yet never runs a round beside the new one.
/// </summary>
public sealed partial class JobLeadership(NpgsqlDataSource dataSource, TimeSpan retry, ILogger<JobLeadership> logger)
{
    /// <summary>The advisory lock (a number of Navo's own) the leading host holds on its own connection.</summary>
    public const long LeaderLock = 0x4e41564f_0019_0001;

    // Completed when this host leads; replaced by a fresh one when it stops leading.
    private TaskCompletionSource _leading = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Completed at the next time this host starts leading; replaced at once by the one after.
    private TaskCompletionSource _gained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _term;

    /// <summary>Whether this host holds the lock now.</summary>
    public bool IsLeading => _leading.Task.IsCompleted;

    /// <summary>
    /// Tries for the lock until <paramref name="stoppingToken"/> fires, keeps it while its connection answers, and frees it
    /// on stopping (so a standby need not wait for PostgreSQL to notice).
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                // A leader whose machine vanishes (no FIN, no RST) is noticed by PostgreSQL in about 20 seconds, not hours.
                await connection.ExecuteAsync(
                    "set tcp_keepalives_idle = 10; set tcp_keepalives_interval = 3; set tcp_keepalives_count = 3", stoppingToken);
                while (!await connection.ScalarAsync<bool>("select pg_try_advisory_lock($1)", stoppingToken, LeaderLock))
                {
                    await Task.Delay(retry, stoppingToken);
                }

                Lead();
                try
                {
                    // Asking the session something is how a lost connection (and with it the lock) shows.
                    do
                    {
                        await Task.Delay(retry, stoppingToken);
                    }
                    while (await connection.ScalarAsync<int>("select 1", stoppingToken) == 1);
                }
                finally
                {
                    Follow();
                    await ReleaseAsync(connection);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                // Whatever went wrong (the database away, a connection broken, the pool exhausted), the bid goes on: a
                // background service that threw would stop the whole host.
                LogConnectionLost(logger, failure.GetType().Name);
                await WaitAsync(retry, stoppingToken);
            }
        }
    }

    /// <summary>Completes when this host leads.</summary>
    public Task WaitToLeadAsync(CancellationToken cancellationToken) => _leading.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// The turns of a one-host job that runs every <paramref name="interval"/>: see <see cref="JobTurns.NextAsync"/>.
    /// </summary>
    public JobTurns Turns(TimeSpan interval, TimeProvider time) => new(this, interval, time);

    /// <summary>How many times this host has become the leader; a job that ran under an older term runs again at once.</summary>
    internal int Term => Volatile.Read(ref _term);

    /// <summary>Completed the next time this host becomes the leader.</summary>
    internal Task Gained => Volatile.Read(ref _gained).Task;

    private void Lead()
    {
        Interlocked.Increment(ref _term);
        _leading.TrySetResult();
        Interlocked.Exchange(ref _gained, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        LogLeading(logger);
    }

    private void Follow()
    {
        if (_leading.Task.IsCompleted)
        {
            _leading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            LogStoppedLeading(logger);
        }
    }

    /// <summary>
    /// Frees the lock before the connection goes back to the pool, which resets no session state (a broken connection is
    /// not pooled, and its session is gone with its lock).
    /// </summary>
    private static async Task ReleaseAsync(NpgsqlConnection connection)
    {
        try
        {
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                await connection.ExecuteAsync("select pg_advisory_unlock_all()", CancellationToken.None);
            }
        }
        catch (NpgsqlException)
        {
            // Broken after all: not pooled, and PostgreSQL frees the lock with the session.
        }
    }

    private static async Task WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the loop ends.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This host now runs the background jobs that run on one host")]
    private static partial void LogLeading(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "This host no longer runs the one-host background jobs")]
    private static partial void LogStoppedLeading(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection that holds or seeks the job leadership failed ({Failure}); trying again")]
    private static partial void LogConnectionLost(ILogger logger, string failure);
}
