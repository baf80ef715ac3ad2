using Navo.EventStore;

namespace Navo.Channels.Slack;

/// <summary>One piece of work a Slack request asked for: an event, a pressed button, a slash command.</summary>
public sealed record SlackWork(long Id, string Kind, string TeamId, string Payload);

/// <summary>
/// The durable queue between Slack's requests and the turns they ask for (<c>navo_slack_queue</c>). A request is
/// acknowledged as soon as its work is stored; <see cref="SlackWorker"/> does it. A work item's key (the
/// <c>event_id</c>, a button's trigger) is unique, so a delivery Slack retries, or repeats, is stored once.
/// </summary>
public sealed class SlackQueue(PostgresEventStore store)
{
    /// <summary>A failing item is tried this many times, then left with its error.</summary>
    public const int MaxAttempts = 3;

    private readonly SemaphoreSlim _arrived = new(0);

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
    /// Takes the oldest waiting item no other worker holds and runs <paramref name="work"/> on it, holding the row's
    /// lock (<c>for update skip locked</c>) until it is marked done: one worker per item across hosts, and a host that
    /// dies mid-turn releases it for another (or for itself after a restart). False when nothing was waiting.
    /// </summary>
    public async Task<bool> TakeAsync(Func<SlackWork, CancellationToken, Task> work, Action<SlackWork, Exception> failed, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var item = await connection.SingleOrDefaultAsync(
            """
            select id, kind, team_id, payload::text from navo_slack_queue
            where done_at is null and attempts < $1 order by id limit 1 for update skip locked
            """,
            r => new SlackWork(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3)), cancellationToken, MaxAttempts);
        if (item is null)
        {
            return false;
        }

        string? error = null;
        try
        {
            await work(item, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failed(item, failure);
            error = failure.GetType().Name;
        }

        if (error is null)
        {
            await connection.ExecuteAsync("update navo_slack_queue set attempts = attempts + 1, done_at = now() where id = $1", cancellationToken, item.Id);
        }
        else
        {
            await connection.ExecuteAsync(
                "update navo_slack_queue set attempts = attempts + 1, error = $2, done_at = case when attempts + 1 >= $3 then now() end where id = $1",
                cancellationToken, item.Id, error, MaxAttempts);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
