using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Navo.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Navo.Tools.Analyze;

/// <summary>
/// Visits wait here, in memory, until <see cref="FlushAsync"/> (called every <see cref="AnalyticsOptions.FlushMilliseconds"/>
/// by the host, and at shutdown) writes them with one binary <c>COPY</c> into <c>navo_analytics_events</c>, the day's
/// partition made first. The buffer is bounded: when it is full <see cref="TryAdd"/> says so and the caller answers 503,
/// so a visit is either taken in or refused, never dropped unseen. A write that fails keeps its rows and is tried again
/// first, while new visits wait behind it (and, the database staying away, fill the buffer). A crash loses what arrived
/// since the last write: at most one flush interval. Visits of a finished day (the last second before midnight, or a
/// write that waited for the database) un-mark the day's roll-up in the same transaction, so that reports read that day
/// from its events until <see cref="AnalyticsRollups"/> rolls it up again.
/// </summary>
public sealed partial class VisitBuffer(PostgresEventStore store, IOptions<AnalyticsOptions> options, ILogger<VisitBuffer> logger, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private readonly Channel<Visit> _queue = Channel.CreateBounded<Visit>(new BoundedChannelOptions(options.Value.BufferCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait, // TryWrite answers false when full: the caller refuses, nothing is dropped.
        SingleReader = true,
    });

    private readonly ConcurrentDictionary<(string TenantId, Guid ProjectId, DateOnly Day), long> _robots = new();
    private readonly HashSet<DateOnly> _partitions = [];
    private readonly SemaphoreSlim _writing = new(1, 1);
    private List<Visit> _unwritten = [];

    /// <summary>Takes a visit in; false when the buffer is full (answer 503: the visit was not taken).</summary>
    public bool TryAdd(Visit visit) => _queue.Writer.TryWrite(visit);

    /// <summary>Counts a robot's hit on a site, apart from the figures.</summary>
    public void CountRobot(string tenantId, Guid projectId, DateOnly day) => _robots.AddOrUpdate((tenantId, projectId, day), 1, (_, n) => n + 1);

    /// <summary>Visits taken in and not written yet.</summary>
    public int Pending => _queue.Reader.Count + Volatile.Read(ref _unwritten).Count;

    /// <summary>Writes every visit taken in so far and the robots' counts; returns how many visits were written.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            // A batch a failed write left is written first, before anything that came after it is taken.
            var written = 0;
            if (_unwritten.Count > 0)
            {
                await WriteAsync(_unwritten, cancellationToken);
                written += _unwritten.Count;
                _unwritten = [];
            }

            var batch = new List<Visit>(_queue.Reader.Count);
            while (_queue.Reader.TryRead(out var visit))
            {
                batch.Add(visit);
            }

            if (batch.Count > 0)
            {
                _unwritten = batch;
                await WriteAsync(batch, cancellationToken);
                written += batch.Count;
                _unwritten = [];
            }

            await WriteRobotsAsync(cancellationToken);
            return written;
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task WriteAsync(List<Visit> batch, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var expired = today.AddDays(-options.Value.RawRetentionDays);
        if (batch.Any(v => v.Day < expired))
        {
            // That day's events are gone and its roll-up is final: a few visits cannot be added to it exactly.
            LogExpired(logger, batch.Count(v => v.Day < expired));
            batch = [.. batch.Where(v => v.Day >= expired)];
        }

        var finished = batch.Select(v => v.Day).Where(d => d < today).Distinct().ToArray();
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        foreach (var day in batch.Select(v => v.Day).Distinct().Where(d => !_partitions.Contains(d)))
        {
            await connection.ExecuteAsync("select navo_analytics_partition($1)", cancellationToken, day);
            _partitions.Add(day);
        }

        // Partitions first, outside the transaction: one made in a transaction that then failed would be remembered but missing.
        await using var transaction = finished.Length > 0 ? await connection.BeginTransactionAsync(cancellationToken) : null;
        if (transaction is not null)
        {
            // Waits for a roll-up of the day under way (AnalyticsRollups.DayLock); one that starts later reads these rows.
            await connection.ExecuteAsync("select pg_advisory_xact_lock_shared($1)", cancellationToken, AnalyticsRollups.DayLock);
        }

        await CopyAsync(connection, batch, cancellationToken);
        if (transaction is not null)
        {
            await connection.ExecuteAsync("delete from navo_analytics_rolled_days where day = any($1)", cancellationToken, finished);
            await transaction.CommitAsync(cancellationToken);
        }

        LogWritten(logger, batch.Count);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<Visit> batch, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "copy navo_analytics_events (tenant_id, project_id, day, at, kind, visitor, path, referrer, width) from stdin (format binary)", cancellationToken);
        foreach (var visit in batch)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(visit.TenantId, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(visit.ProjectId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(visit.Day, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(visit.At, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync((short)visit.Kind, NpgsqlDbType.Smallint, cancellationToken);
            await copy.WriteAsync(visit.Visitor, NpgsqlDbType.Bytea, cancellationToken);
            await WriteNullableAsync(copy, visit.Path, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, visit.Referrer, NpgsqlDbType.Varchar, cancellationToken);
            if (visit.Width is { } width)
            {
                await copy.WriteAsync(width, NpgsqlDbType.Smallint, cancellationToken);
            }
            else
            {
                await copy.WriteNullAsync(cancellationToken);
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(value, type, cancellationToken);
        }
    }

    private async Task WriteRobotsAsync(CancellationToken cancellationToken)
    {
        if (_robots.IsEmpty)
        {
            return;
        }

        var counts = new List<((string TenantId, Guid ProjectId, DateOnly Day) Key, long Hits)>();
        foreach (var key in _robots.Keys)
        {
            if (_robots.TryRemove(key, out var hits))
            {
                counts.Add((key, hits));
            }
        }

        try
        {
            await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
            await using var batch = connection.CreateBatch();
            foreach (var (key, hits) in counts)
            {
                // A project deleted (or a workspace erased) since the hit was counted gets no row back.
                var command = new NpgsqlBatchCommand(
                    "insert into navo_analytics_robots (tenant_id, project_id, day, hits) "
                    + "select $1, $2, $3, $4 where exists (select 1 from navo_projects where tenant_id = $1 and id = $2) "
                    + "on conflict (tenant_id, project_id, day) do update set hits = navo_analytics_robots.hits + excluded.hits");
                command.Parameters.AddWithValue(key.TenantId);
                command.Parameters.AddWithValue(key.ProjectId);
                command.Parameters.AddWithValue(key.Day);
                command.Parameters.AddWithValue(hits);
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            // Counted again next time rather than lost.
            foreach (var (key, hits) in counts)
            {
                CountRobots(key, hits);
            }

            throw;
        }
    }

    private void CountRobots((string TenantId, Guid ProjectId, DateOnly Day) key, long hits) => _robots.AddOrUpdate(key, hits, (_, n) => n + hits);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Did not write {Count} visits of days whose events are past their retention")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote {Count} visits")]
    private static partial void LogWritten(ILogger logger, int count);
}
