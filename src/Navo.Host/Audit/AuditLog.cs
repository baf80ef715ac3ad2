using System.Text.Json;
using Marten;
using Navo.EventStore;
using Navo.Host.Database;
using Npgsql;

namespace Navo.Host.Audit;

/// <summary>One line of a workspace's audit log.</summary>
public sealed record AuditEntry(
    long Id, DateTimeOffset At, Guid? ActorId, string ActorKind, string Action, string? Target, string Outcome, JsonElement? Detail);

/// <summary>
/// What happened, for <see cref="AuditLog.WriteAsync(string, AuditRecord, CancellationToken)"/>: who (a user, an API
/// key's maker, or the system), a dotted action name (<c>auth.sign_in</c>, <c>member.role_changed</c>,
/// <c>tool.publish_site</c>, <c>audit.exported</c>), what it was done to, and <c>ok</c>, <c>denied</c> or <c>failed</c>.
/// </summary>
public sealed record AuditRecord(Guid? ActorId, string ActorKind, string Action, string? Target, string Outcome, object? Detail = null)
{
    public static AuditRecord ByUser(Guid userId, string action, string? target = null, string outcome = "ok", object? detail = null) =>
        new(userId, "user", action, target, outcome, detail);
}

/// <summary>
/// The workspace's append-only audit log (<c>navo_audit</c>): sign-ins and their failures, member and role
/// changes, API keys, tool calls, publishes, exports and deletions. Written by the host on its own connection
/// (sign-ins happen before there is a workspace session); read through a tenant session, under row-level security.
/// </summary>
public sealed class AuditLog(NavoDatabase database)
{
    public async Task WriteAsync(string tenantId, AuditRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await WriteAsync(connection, tenantId, record, cancellationToken);
    }

    private const string Insert =
        "insert into navo_audit (tenant_id, actor_id, actor_kind, action, target, outcome, detail) values ($1, $2, $3, $4, $5, $6, $7::jsonb)";

    /// <summary>Writes on <paramref name="connection"/>, inside its transaction if one is open.</summary>
    public static Task WriteAsync(NpgsqlConnection connection, string tenantId, AuditRecord record, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Insert, cancellationToken, Values(tenantId, record));

    /// <summary>Writes in the batch that appends events (an inline projection's): the line commits with them or not at all.</summary>
    public static void Queue(IDocumentOperations operations, string tenantId, AuditRecord record) =>
        operations.Execute(Insert, Values(tenantId, record));

    private static object?[] Values(string tenantId, AuditRecord record) =>
        [tenantId, record.ActorId, record.ActorKind, record.Action, Truncate(record.Target, 200), record.Outcome, Json(record)];

    /// <summary>
    /// Writes the same line in every workspace <paramref name="userId"/> belongs to: what happens to an account (a
    /// failed sign-in, a password reset, its deletion) concerns each of them.
    /// </summary>
    public static Task WriteToEveryWorkspaceOfAsync(NpgsqlConnection connection, Guid userId, AuditRecord record, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            """
            insert into navo_audit (tenant_id, actor_id, actor_kind, action, target, outcome, detail)
            select tenant_id, $2, $3, $4, $5, $6, $7::jsonb from navo_members where user_id = $1
            """,
            cancellationToken, userId, record.ActorId, record.ActorKind, record.Action, Truncate(record.Target, 200), record.Outcome, Json(record));

    private static string? Json(AuditRecord record) => record.Detail is null ? null : JsonSerializer.Serialize(record.Detail);

    /// <summary>Newest first, <paramref name="limit"/> at a time, older than <paramref name="before"/> (an entry id) when given.</summary>
    public static Task<IReadOnlyList<AuditEntry>> PageAsync(IEventSession session, long? before, int limit, CancellationToken cancellationToken) =>
        session.QueryAsync(
            $"select {Columns} from navo_audit where id < $1 order by id desc limit $2",
            Read, cancellationToken, before ?? long.MaxValue, limit);

    /// <summary>Everything from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest first.</summary>
    public static Task<IReadOnlyList<AuditEntry>> RangeAsync(IEventSession session, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        session.QueryAsync(
            $"select {Columns} from navo_audit where at >= $1 and at < $2 order by id",
            Read, cancellationToken, from, to);

    private const string Columns = "id, at, actor_id, actor_kind, action, target, outcome, detail::text";

    private static AuditEntry Read(System.Data.Common.DbDataReader r) => new(
        r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.IsDBNull(2) ? null : r.GetGuid(2), r.GetString(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : JsonDocument.Parse(r.GetString(7)).RootElement.Clone());

    private static string? Truncate(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..max] : text;
}
