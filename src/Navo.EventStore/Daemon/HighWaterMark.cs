using Navo.EventStore.Internal;
using Npgsql;

namespace Navo.EventStore.Daemon;

/// <summary>
/// Finds how far past a projection's mark it is safe to read, without ever skipping an event that is still
/// on its way. Sequence numbers are not transactional: a hole in <c>seq_id</c> is either an append that has
/// not committed yet or one that rolled back, and the two look alike. So a hole is waited out: the writers
/// that hold <c>mt_events</c> open when the hole is seen are the only ones that can fill it; once all of them
/// have ended, whatever is still missing is dead and is passed in one step (protocols.md, A).
/// </summary>
internal sealed class HighWaterMark(EventSerializer serializer)
{
    private PendingGap? _gap;

    /// <summary>The dead sequence ranges passed so far (for logs and tests).</summary>
    public List<(long From, long To)> Skipped { get; } = [];

    /// <summary>Reads the next events after <paramref name="mark"/> that are safe to project, in order.</summary>
    public async Task<SafeBatch> NextAsync(NpgsqlConnection connection, long mark, int limit, CancellationToken cancellationToken)
    {
        // Order matters: check the old gap's writers first, then read; a writer that ended before the read
        // has either committed (and its rows are in the read) or rolled back.
        var writersGone = _gap is not null && !await AnyStillRunningAsync(connection, _gap.Writers, cancellationToken);
        var rows = await ReadAfterAsync(connection, mark, limit, cancellationToken);

        var safe = new List<EventEnvelope>(rows.Count);
        var expected = mark + 1;
        long? holeEnd = null;
        foreach (var (envelope, archived) in rows)
        {
            if (envelope.Sequence != expected)
            {
                if (writersGone && envelope.Sequence - 1 <= _gap!.UpTo)
                {
                    Skipped.Add((expected, envelope.Sequence - 1));
                }
                else
                {
                    holeEnd = envelope.Sequence - 1;
                    break;
                }
            }

            if (!archived)
            {
                safe.Add(envelope);
            }

            expected = envelope.Sequence + 1;
        }

        if (holeEnd is null)
        {
            _gap = null;
        }
        else if (_gap is null || writersGone || holeEnd > _gap.UpTo)
        {
            // Read after the events: any writer that could still fill the hole holds mt_events open now.
            _gap = new PendingGap(holeEnd.Value, await RunningWritersAsync(connection, cancellationToken));
        }

        return new SafeBatch(safe, expected - 1);
    }

    private async Task<List<(EventEnvelope Envelope, bool Archived)>> ReadAfterAsync(
        NpgsqlConnection connection, long mark, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select {EventSerializer.EnvelopeColumns}, is_archived from mt_events where seq_id > $1 order by seq_id limit $2",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = mark });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var rows = new List<(EventEnvelope, bool)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((serializer.ReadEnvelope(reader), reader.GetBoolean(11)));
        }

        return rows;
    }

    /// <summary>The virtual transaction ids of the transactions writing to this database's mt_events now.</summary>
    private static async Task<string[]> RunningWritersAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            select coalesce(array_agg(l.virtualtransaction), '{}')
              from pg_locks l
             where l.locktype = 'relation'
               and l.database = (select oid from pg_database where datname = current_database())
               and l.relation = 'mt_events'::regclass
               and l.mode = 'RowExclusiveLock'
               and l.pid <> pg_backend_pid()
            """,
            connection);
        return (string[])(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<bool> AnyStillRunningAsync(NpgsqlConnection connection, string[] writers, CancellationToken cancellationToken)
    {
        if (writers.Length == 0)
        {
            return false;
        }

        // Every transaction holds the lock on its own virtual xid until it ends.
        await using var command = new NpgsqlCommand(
            "select exists (select from pg_locks where locktype = 'virtualxid' and virtualxid = any($1))", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = writers });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private sealed record PendingGap(long UpTo, string[] Writers);
}

/// <summary>Events safe to project, and the mark to record once they are.</summary>
internal sealed record SafeBatch(IReadOnlyList<EventEnvelope> Events, long NewMark);
