using Navo.EventStore;
using Npgsql;

namespace Navo.Channels.Queues;

/// <summary>
/// A channel's durable queue in PostgreSQL, between the requests it acknowledges at once and the turns they ask for.
/// The table has a unique <c>dedupe_key</c>, so a delivery the channel repeats is stored once, and the columns
/// <c>attempts</c>, <c>next_at</c>, <c>done_at</c>, <c>failed_at</c> and <c>error</c>.
/// </summary>
/// <remarks>
/// An item that fails is tried again after <see cref="ChannelQueueOptions.RetryDelay"/>, doubled each time, and given
/// up after <see cref="ChannelQueueOptions.MaxAttempts"/>: marked failed with its reason (an error code or an
/// exception's type, never its text) and handed to <see cref="IQueueHandler{TWork}.TellGaveUpAsync"/>. Each attempt is
/// counted in its own committed statement before the work starts, so an item whose work stops its host every time is
/// given up as well.
/// </remarks>
public abstract class DurableQueue<TWork>(PostgresEventStore store, Func<ChannelQueueOptions> options)
    where TWork : class, IQueuedWork
{
    /// <summary>Stored as the reason of an item whose every attempt stopped its host before it could record a failure.</summary>
    public const string StoppedEveryAttempt = "stopped during every attempt";

    private readonly SemaphoreSlim _arrived = new(0);

    /// <summary>The channel's name in logs ("Slack", "Teams").</summary>
    public abstract string Channel { get; }

    public ChannelQueueOptions Options => options();

    /// <summary>The queue's table; a constant of the channel, never input.</summary>
    protected abstract string Table { get; }

    /// <summary>The columns <see cref="Read"/> maps, in its order: a constant of the channel, never input.</summary>
    protected abstract string Columns { get; }

    protected abstract TWork Read(NpgsqlDataReader row);

    /// <summary>What is stored and logged of a failure: by default the exception's type; never its message, which may quote a person.</summary>
    protected virtual string Describe(Exception failure) => failure.GetType().Name;

    /// <summary><see cref="Describe"/>, cut to what the <c>error</c> column holds.</summary>
    public string Reason(Exception failure)
    {
        var reason = Describe(failure);
        return reason.Length > 200 ? reason[..200] : reason;
    }

    /// <summary>Runs the channel's insert (<c>on conflict (dedupe_key) do nothing</c>); false when the work was stored before (a retry or a repeat).</summary>
    protected async Task<bool> StoreAsync(string insert, CancellationToken cancellationToken, params object?[] values)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        var stored = await connection.ExecuteAsync(insert, cancellationToken, values) == 1;
        if (stored)
        {
            // Wakes this host's worker now; other hosts find it on their next look.
            _arrived.Release();
        }

        return stored;
    }

    /// <summary>Waits until work arrives on this host, or <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _arrived.WaitAsync(timeout, cancellationToken);

    /// <summary>
    /// Takes the oldest item that is due and no other worker holds, and has <paramref name="handler"/> do it while holding
    /// the row's lock (<c>for update skip locked</c>) until it is marked done: one worker per item across hosts, and a
    /// host that dies mid-turn releases it for another (or for itself after a restart). False when nothing was due.
    /// <paramref name="failed"/> is told of each failed attempt, <paramref name="gaveUp"/> once of an item given up, each
    /// with the reason stored, and <paramref name="notTold"/> when the person could not be told of it.
    /// </summary>
    /// <remarks>
    /// Once the handler has returned, what it did is recorded whatever <paramref name="cancellationToken"/> says: a host
    /// stopping just then must not roll back a turn that was answered, or the next attempt answers it again. The person
    /// is told of a give-up only after it is committed, so that a failure to tell them cannot undo it; that failure is
    /// logged and left, never retried.
    /// </remarks>
    public async Task<bool> TakeAsync(
        IQueueHandler<TWork> handler,
        Action<TWork, string, Exception> failed,
        Action<TWork, string> gaveUp,
        Action<TWork, Exception> notTold,
        CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);

        // The attempt is counted, and the next one put off, before the work starts: committed on its own.
        var item = await connection.SingleOrDefaultAsync(
            $"""
            update {Table} set attempts = attempts + 1, next_at = now() + $1::interval * power(2, least(attempts, 16))
            where id = (select id from {Table} where done_at is null and next_at <= now() order by id limit 1 for update skip locked)
            returning {Columns}
            """,
            Read, cancellationToken, Options.RetryDelay);
        if (item is null)
        {
            return false;
        }

        // Then held for the whole turn. Between the two statements another worker may have counted and taken it: then
        // it is theirs, and this worker leaves it.
        string? givenUp;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var held = await connection.ScalarAsync<int>(
                $"select 1 from {Table} where id = $1 and done_at is null for update skip locked", cancellationToken, item.Id) == 1;
            if (!held)
            {
                await transaction.CommitAsync(CancellationToken.None);
                return true;
            }

            givenUp = item.Attempt > Options.MaxAttempts ? StoppedEveryAttempt : await HandleAsync(connection, handler, item, failed, cancellationToken);
            if (givenUp is not null)
            {
                await connection.ExecuteAsync(
                    $"update {Table} set done_at = now(), failed_at = now(), error = $2 where id = $1", CancellationToken.None, item.Id, givenUp);
            }

            await transaction.CommitAsync(CancellationToken.None);
        }

        if (givenUp is not null)
        {
            gaveUp(item, givenUp);
            try
            {
                await handler.TellGaveUpAsync(item, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                notTold(item, failure);
            }
        }

        return true;
    }

    /// <summary>Runs one attempt and records how it went, unless it failed for the last time: then the reason to give up with.</summary>
    private async Task<string?> HandleAsync(
        NpgsqlConnection connection, IQueueHandler<TWork> handler, TWork item, Action<TWork, string, Exception> failed, CancellationToken cancellationToken)
    {
        try
        {
            await handler.HandleAsync(item, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = Reason(failure);
            failed(item, error, failure);
            if (item.Attempt >= Options.MaxAttempts)
            {
                return error;
            }

            await connection.ExecuteAsync($"update {Table} set error = $2 where id = $1", CancellationToken.None, item.Id, error);
            return null;
        }

        await connection.ExecuteAsync($"update {Table} set done_at = now(), error = null where id = $1", CancellationToken.None, item.Id);
        return null;
    }
}
