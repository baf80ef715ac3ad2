using System.Text;
using Microsoft.Extensions.Logging;
using Navo.EventStore.Internal;
using Navo.EventStore.Projections;
using Npgsql;

namespace Navo.EventStore.Daemon;

/// <summary>
/// Runs the async projections. Each projection has one leader across all hosts, chosen by a PostgreSQL
/// session advisory lock; the leader reads committed events past the projection's mark (never past a hole
/// that a running transaction may still fill), applies them and moves the mark in one transaction.
/// </summary>
public sealed partial class ProjectionDaemon : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly EventStoreOptions _options;
    private readonly EventSerializer _serializer;
    private readonly ILogger<ProjectionDaemon> _logger;
    private CancellationTokenSource? _stopping;
    private Task _running = Task.CompletedTask;

    internal ProjectionDaemon(NpgsqlDataSource dataSource, EventStoreOptions options, EventSerializer serializer, ILogger<ProjectionDaemon> logger)
    {
        _dataSource = dataSource;
        _options = options;
        _serializer = serializer;
        _logger = logger;
    }

    /// <summary>Starts a leader loop per projection; returns at once.</summary>
    public void Start()
    {
        if (_stopping is not null)
        {
            throw new InvalidOperationException("The daemon is already running.");
        }

        _stopping = new CancellationTokenSource();
        var token = _stopping.Token;
        _running = Task.WhenAll(_options.AsyncProjections.Select(p => Task.Run(() => RunProjectionAsync(p, token), token)));
    }

    /// <summary>Stops every loop and waits for them, releasing leadership.</summary>
    public async Task StopAsync()
    {
        if (_stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Expected on stop.
        }

        _stopping.Dispose();
        _stopping = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>
    /// Waits until every async projection has passed the newest event committed when this was called.
    /// </summary>
    public async Task WaitForCatchUpAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        await using var connection = await _dataSource.OpenConnectionAsync(deadline.Token);
        await using var target = new NpgsqlCommand("select coalesce(max(seq_id), 0) from mt_events", connection);
        var newest = (long)(await target.ExecuteScalarAsync(deadline.Token))!;
        var names = _options.AsyncProjections.Select(p => p.Name).ToArray();
        await using var progress = new NpgsqlCommand(
            "select count(*) from mt_event_progression where name = any($1) and last_seq_id >= $2", connection);
        progress.Parameters.Add(new NpgsqlParameter { Value = names });
        progress.Parameters.Add(new NpgsqlParameter { Value = newest });
        while ((long)(await progress.ExecuteScalarAsync(deadline.Token))! < names.Length)
        {
            await Task.Delay(_options.DaemonPollInterval, deadline.Token);
        }
    }

    private async Task RunProjectionAsync(IAsyncProjection projection, CancellationToken cancellationToken)
    {
        var lockKey = LockKeyFor(projection.Name);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                if (!await connection.ScalarAsync<bool>("select pg_try_advisory_lock($1)", cancellationToken, lockKey))
                {
                    await Task.Delay(_options.DaemonPollInterval * 5, cancellationToken);
                    continue;
                }

                LogLeader(projection.Name);
                try
                {
                    await RunAsLeaderAsync(connection, projection, cancellationToken);
                }
                finally
                {
                    if (connection.State == System.Data.ConnectionState.Open)
                    {
                        await connection.ScalarAsync<bool>("select pg_advisory_unlock($1)", CancellationToken.None, lockKey);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A broken connection loses the lock with it; another host (or this one) takes over.
                LogFailed(ex, projection.Name);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task RunAsLeaderAsync(NpgsqlConnection connection, IAsyncProjection projection, CancellationToken cancellationToken)
    {
        await connection.ScalarAsync<int>(
            "insert into mt_event_progression (name) values ($1) on conflict do nothing returning 1", cancellationToken, projection.Name);
        var mark = await connection.ScalarAsync<long>(
            "select last_seq_id from mt_event_progression where name = $1", cancellationToken, projection.Name);
        var highWaterMark = new HighWaterMark(_serializer);

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var skippedBefore = highWaterMark.Skipped.Count;
            var batch = await highWaterMark.NextAsync(connection, mark, _options.DaemonBatchSize, cancellationToken);
            foreach (var (from, to) in highWaterMark.Skipped.Skip(skippedBefore))
            {
                LogSkipped(projection.Name, from, to);
            }

            if (batch.NewMark == mark)
            {
                await Task.Delay(_options.DaemonPollInterval, cancellationToken);
                continue;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (batch.Events.Count > 0)
            {
                await projection.ApplyAsync(new ProjectionContext(connection, transaction, null), batch.Events, cancellationToken);
            }

            var moved = await new ProjectionContext(connection, transaction, null).ExecuteAsync(
                "update mt_event_progression set last_seq_id = $1, last_updated = now() where name = $2 and last_seq_id = $3",
                cancellationToken, batch.NewMark, projection.Name, mark);
            if (moved != 1)
            {
                throw new EventStoreException($"The progress of projection '{projection.Name}' was moved by someone else.");
            }

            await transaction.CommitAsync(cancellationToken);
            mark = batch.NewMark;
        }
    }

    /// <summary>A stable 64-bit advisory lock key for a projection name (FNV-1a).</summary>
    internal static long LockKeyFor(string projectionName)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes("navo:projection:" + projectionName))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This host now leads projection {Projection}")]
    private partial void LogLeader(string projection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projection {Projection} passed dead sequence numbers {From}..{To} (rolled-back appends)")]
    private partial void LogSkipped(string projection, long from, long to);

    [LoggerMessage(Level = LogLevel.Error, Message = "Projection {Projection} failed; retrying")]
    private partial void LogFailed(Exception exception, string projection);
}
