using Navo.EventStore;

namespace Navo.Channels.Teams;

/// <summary>One activity to handle, with the service URL its validated token named.</summary>
public sealed record TeamsWork(long Id, string Kind, TrustedServiceUrl ServiceUrl, string Payload);

/// <summary>
/// The durable queue between Teams' activities and the turns they ask for (<c>navo_teams_queue</c>): an activity is
/// acknowledged as soon as it is stored, well inside Teams' time limit, and <see cref="TeamsWorker"/> does it. The key
/// is the conversation and activity id, so an activity Teams delivers again is stored once.
/// </summary>
public sealed class TeamsQueue(PostgresEventStore store)
{
    /// <summary>A failing item is tried this many times, then left with its error.</summary>
    public const int MaxAttempts = 3;

    private readonly SemaphoreSlim _arrived = new(0);

    /// <summary>Stores the work; false when an activity with this key was stored before.</summary>
    public async Task<bool> EnqueueAsync(string key, string kind, TrustedServiceUrl serviceUrl, string payload, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        var stored = await connection.ExecuteAsync(
            "insert into navo_teams_queue (dedupe_key, kind, service_url, payload) values ($1, $2, $3, $4::jsonb) on conflict (dedupe_key) do nothing",
            cancellationToken, key, kind, serviceUrl.Value, payload) == 1;
        if (stored)
        {
            // Wakes this host's worker now; other hosts find it on their next look.
            _arrived.Release();
        }

        return stored;
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _arrived.WaitAsync(timeout, cancellationToken);

    /// <summary>
    /// Takes the oldest waiting item no other worker holds and runs <paramref name="work"/> on it, holding the row's lock
    /// (<c>for update skip locked</c>) until it is marked done: one worker per item across hosts, and a host that dies
    /// mid-turn releases it. False when nothing was waiting.
    /// </summary>
    public async Task<bool> TakeAsync(Func<TeamsWork, CancellationToken, Task> work, Action<TeamsWork, Exception> failed, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var item = await connection.SingleOrDefaultAsync(
            """
            select id, kind, service_url, payload::text from navo_teams_queue
            where done_at is null and attempts < $1 order by id limit 1 for update skip locked
            """,
            r => new TeamsWork(r.GetInt64(0), r.GetString(1), new TrustedServiceUrl(r.GetString(2)), r.GetString(3)), cancellationToken, MaxAttempts);
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

        await connection.ExecuteAsync(
            error is null
                ? "update navo_teams_queue set attempts = attempts + 1, done_at = now() where id = $1"
                : "update navo_teams_queue set attempts = attempts + 1, error = $2, done_at = case when attempts + 1 >= $3 then now() end where id = $1",
            cancellationToken, error is null ? [item.Id] : [item.Id, error, MaxAttempts]);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
