using Microsoft.Extensions.Options;
using Navo.Channels.Queues;
using Navo.EventStore;
using Npgsql;

namespace Navo.Channels.Teams;

/// <summary>One activity to handle, with the service URL its validated token named.</summary>
public sealed record TeamsWork(long Id, string Kind, TrustedServiceUrl ServiceUrl, string Payload, int Attempt = 1) : IQueuedWork;

/// <summary>
/// The durable queue between Teams' activities and the turns they ask for (<c>navo_teams_queue</c>), tried again and
/// given up as <see cref="DurableQueue{TWork}"/> says (<c>Navo:Teams:RetryDelay</c>, <c>Navo:Teams:MaxAttempts</c>).
/// An activity is acknowledged as soon as it is stored, well inside Teams' time limit, and <see cref="TeamsTurns"/>
/// does it. The key is the conversation and activity id, so an activity Teams delivers again is stored once.
/// </summary>
public sealed class TeamsQueue(PostgresEventStore store, IOptions<TeamsOptions> options) : DurableQueue<TeamsWork>(store, () => options.Value)
{
    public override string Channel => "Teams";

    protected override string Table => "navo_teams_queue";

    protected override string Columns => "id, kind, service_url, payload::text, attempts";

    protected override TeamsWork Read(NpgsqlDataReader row) =>
        new(row.GetInt64(0), row.GetString(1), new TrustedServiceUrl(row.GetString(2)), row.GetString(3), row.GetInt32(4));

    /// <summary>Stores the work; false when an activity with this key was stored before.</summary>
    public Task<bool> EnqueueAsync(string key, string kind, TrustedServiceUrl serviceUrl, string payload, CancellationToken cancellationToken) => StoreAsync(
        "insert into navo_teams_queue (dedupe_key, kind, service_url, payload) values ($1, $2, $3, $4::jsonb) on conflict (dedupe_key) do nothing",
        cancellationToken, key, kind, serviceUrl.Value, payload);

    /// <summary>The Connector's (or token endpoint's) status code, or the exception's type.</summary>
    protected override string Describe(Exception failure) =>
        failure is HttpRequestException { StatusCode: { } status } ? $"{nameof(HttpRequestException)} {(int)status}" : failure.GetType().Name;
}
