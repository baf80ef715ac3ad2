using Npgsql;

namespace Navo.EventStore.Projections;

/// <summary>
/// Where a projection writes: the connection and transaction its events came in (inline) or the daemon's
/// batch transaction (async). Whatever it writes commits or rolls back with them.
/// </summary>
/// <param name="Connection">The open connection.</param>
/// <param name="Transaction">The transaction to write in.</param>
/// <param name="TenantId">The session's tenant for inline projections; null for async ones, which see all tenants.</param>
public sealed record ProjectionContext(NpgsqlConnection Connection, NpgsqlTransaction Transaction, string? TenantId)
{
    /// <summary>Runs one statement with positional parameters (<c>$1</c>, <c>$2</c>, ...).</summary>
    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] parameters) =>
        Connection.ExecuteAsync(sql, cancellationToken, parameters);
}

/// <summary>A projection that runs in the append's own transaction: if it throws, the append is rolled back.</summary>
public interface IInlineProjection
{
    /// <summary>Applies the events just appended in this transaction.</summary>
    Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken);
}

/// <summary>
/// A projection the daemon runs after commit: it sees every committed event exactly once, in <c>seq_id</c>
/// order, and its progress is saved in the same transaction as what it writes.
/// </summary>
public interface IAsyncProjection
{
    /// <summary>The stable name its progress is kept under in <c>mt_event_progression</c>.</summary>
    string Name { get; }

    /// <summary>Applies a batch of committed events from every tenant, in <c>seq_id</c> order.</summary>
    Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken);
}
