using Microsoft.Extensions.Options;
using Navo.Channels.Queues;
using Navo.EventStore;
using Npgsql;

namespace Navo.Channels.Slack;

/// <summary>One piece of work a Slack request asked for: an event, a pressed button, a slash command.</summary>
public sealed record SlackWork(long Id, string Kind, string TeamId, string Payload, int Attempt = 1) : IQueuedWork
{
    public bool Retried => Attempt > 1;
}

/// <summary>
/// The durable queue between Slack's requests and the turns they ask for (<c>navo_slack_queue</c>), tried again and
/// given up as <see cref="DurableQueue{TWork}"/> says (<c>Navo:Slack:RetryDelay</c>, <c>Navo:Slack:MaxAttempts</c>).
/// A request is acknowledged as soon as its work is stored; <see cref="SlackTurns"/> does it. A work item's key (the
/// <c>event_id</c>, a button's trigger) is unique, so a delivery Slack retries, or repeats, is stored once.
/// </summary>
public sealed class SlackQueue(PostgresEventStore store, IOptions<SlackOptions> options) : DurableQueue<SlackWork>(store, () => options.Value)
{
    public override string Channel => "Slack";

    protected override string Table => "navo_slack_queue";

    protected override string Columns => "id, kind, team_id, payload::text, attempts";

    protected override SlackWork Read(NpgsqlDataReader row) => new(row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetInt32(4));

    /// <summary>Stores the work; false when work with this key was stored before (a retry or a repeat).</summary>
    public Task<bool> EnqueueAsync(string key, string kind, string teamId, string payload, CancellationToken cancellationToken) => StoreAsync(
        "insert into navo_slack_queue (dedupe_key, kind, team_id, payload) values ($1, $2, $3, $4::jsonb) on conflict (dedupe_key) do nothing",
        cancellationToken, key, kind, teamId, payload);

    protected override string Describe(Exception failure) => ReasonOf(failure);

    /// <summary>What is stored and logged of a failure: Slack's method and error code, or the exception's type; never its message, which may quote a person.</summary>
    public static string ReasonOf(Exception failure) => failure is SlackApiException slack ? $"{slack.Method} answered {slack.Error}" : failure.GetType().Name;
}
