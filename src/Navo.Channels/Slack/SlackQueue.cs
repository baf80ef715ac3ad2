using Microsoft.Extensions.Options;
using Navo.EventStore;

namespace Navo.Channels.Slack;

/// <summary>
/// One piece of work a Slack request asked for: an event, a pressed button, a slash command. <see cref="Attempt"/> is
/// 1 the first time it is tried; more means an earlier attempt failed or its host stopped, perhaps after posting.
/// </summary>
public sealed record SlackWork(long Id, string Kind, string TeamId, string Payload, int Attempt = 1)
{
    public bool Retried => Attempt > 1;
}

/// <summary>
/// The durable queue between Slack's requests and the turns they ask for (<c>navo_slack_queue</c>). A request is
/// acknowledged as soon as its work is stored; <see cref="SlackWorker"/> does it. A work item's key (the
/// <c>event_id</c>, a button's trigger) is unique, so a delivery Slack retries, or repeats, is stored once.
/// </summary>
/// <remarks>
/// An item that fails is tried again after <c>Navo:Slack:RetryDelay</c>, doubled each time, and given up after
/// <c>Navo:Slack:MaxAttempts</c>: marked failed with its reason (an error code or an exception's type, never its
/// text) and handed to the <c>gaveUp</c> callback so that the person can be told. Each attempt is counted in its own
/// committed statement before the work starts, so an item whose work stops its host every time is given up as well.
/// </remarks>
public sealed class SlackQueue(PostgresEventStore store, IOptions<SlackOptions> options)
{
    private readonly SemaphoreSlim _arrived = new(0);

    private int MaxAttempts => options.Value.MaxAttempts;

    /// <summary>Stores the work; false when work with this key was stored before (a retry or a repeat).</summary>
    public async Task<bool> EnqueueAsync(string key, string kind, string teamId, string payload, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        var stored = await connection.ExecuteAsync(
            "insert into navo_slack_queue (dedupe_key, kind, team_id, payload) values ($1, $2, $3, $4::jsonb) on conflict (dedupe_key) do nothing",
            cancellationToken, key, kind, teamId, payload) == 1;
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
    /// Takes the oldest item that is due and no other worker holds, and runs <paramref name="work"/> on it while holding
    /// the row's lock (<c>for update skip locked</c>) until it is marked done: one worker per item across hosts, and a
    /// host that dies mid-turn releases it for another (or for itself after a restart). False when nothing was due.
    /// <c>failed</c> is told of each failed attempt, <c>gaveUp</c> once of an item given up, each with the reason stored.
    /// </summary>
    public async Task<bool> TakeAsync(
        Func<SlackWork, CancellationToken, Task> work, Action<SlackWork, string, Exception> failed, Func<SlackWork, string, CancellationToken, Task> gaveUp,
        CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);

        // The attempt is counted, and the next one put off, before the work starts: committed on its own.
        var item = await connection.SingleOrDefaultAsync(
            """
            update navo_slack_queue set attempts = attempts + 1, next_at = now() + $1::interval * power(2, least(attempts, 16))
            where id = (select id from navo_slack_queue where done_at is null and next_at <= now() order by id limit 1 for update skip locked)
            returning id, kind, team_id, payload::text, attempts
            """,
            r => new SlackWork(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4)), cancellationToken, options.Value.RetryDelay);
        if (item is null)
        {
            return false;
        }

        // Then held for the whole turn. Between the two statements another worker may have counted and taken it: then
        // it is theirs, and this worker leaves it.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var held = await connection.ScalarAsync<int>(
            "select 1 from navo_slack_queue where id = $1 and done_at is null for update skip locked", cancellationToken, item.Id) == 1;
        if (!held)
        {
            await transaction.CommitAsync(cancellationToken);
            return true;
        }

        if (item.Attempt > MaxAttempts)
        {
            // Every attempt stopped its host before it could record a failure.
            await GiveUpAsync(connection, item, "stopped during every attempt", gaveUp, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }

        string? error = null;
        try
        {
            await work(item, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = Reason(failure);
            failed(item, error, failure);
        }

        if (error is null)
        {
            await connection.ExecuteAsync("update navo_slack_queue set done_at = now(), error = null where id = $1", cancellationToken, item.Id);
        }
        else if (item.Attempt >= MaxAttempts)
        {
            await GiveUpAsync(connection, item, error, gaveUp, cancellationToken);
        }
        else
        {
            await connection.ExecuteAsync("update navo_slack_queue set error = $2 where id = $1", cancellationToken, item.Id, error);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task GiveUpAsync(
        Npgsql.NpgsqlConnection connection, SlackWork item, string reason, Func<SlackWork, string, CancellationToken, Task> gaveUp, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            "update navo_slack_queue set done_at = now(), failed_at = now(), error = $2 where id = $1", cancellationToken, item.Id, reason);
        await gaveUp(item, reason, cancellationToken);
    }

    /// <summary>What is stored and logged of a failure: Slack's error code, or the exception's type; never its message, which may quote a person.</summary>
    public static string Reason(Exception failure)
    {
        var reason = failure is SlackApiException slack ? $"{slack.Method} answered {slack.Error}" : failure.GetType().Name;
        return reason.Length > 200 ? reason[..200] : reason;
    }
}
