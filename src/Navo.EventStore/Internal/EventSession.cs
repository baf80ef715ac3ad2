using Npgsql;

namespace Navo.EventStore.Internal;

/// <summary>
/// One tenant's unit of work on one pooled connection. The first statement of each transaction switches to
/// the <c>navo_tenant</c> role and sets <c>navo.tenant_id</c>, both <c>LOCAL</c>, so row-level security
/// applies and nothing leaks into the pool when the transaction ends.
/// </summary>
internal sealed partial class EventSession(PostgresEventStore store, TenantContext tenant) : IEventSession
{
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;

    public TenantContext Tenant { get; } = tenant;

    /// <summary>
    /// A batch on this session's transaction, beginning one if needed. Starting a transaction puts the tenant
    /// statement first in the same batch, so it costs no extra round trip; <see cref="ExecuteAsync"/> skips its result.
    /// </summary>
    private async Task<NpgsqlBatch> CreateBatchAsync(CancellationToken cancellationToken, bool implicitTransaction = false)
    {
        _connection ??= await store.DataSource.OpenConnectionAsync(cancellationToken);
        var batch = new NpgsqlBatch(_connection);
        if (_transaction is null)
        {
            if (!implicitTransaction)
            {
                _transaction = await _connection.BeginTransactionAsync(cancellationToken);
            }

            // Both settings are LOCAL: they end with the transaction and never leak into the pool.
            batch.BatchCommands.Add(Command(TenantPreamble, Tenant.TenantId));
        }

        return batch;
    }

    /// <summary>Runs a batch and positions the reader on the result of its first own command.</summary>
    private static async Task<NpgsqlDataReader> ExecuteAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (batch.BatchCommands[0].CommandText == TenantPreamble)
        {
            await reader.NextResultAsync(cancellationToken);
        }

        return reader;
    }

    private const string TenantPreamble =
        "select set_config('role', 'navo_tenant', true), set_config('navo.tenant_id', $1, true)";

    private async Task EndTransactionAsync(bool commit)
    {
        if (_transaction is null)
        {
            return;
        }

        try
        {
            if (commit)
            {
                // Once the events are written, finish the commit even if the caller gives up now.
                await _transaction.CommitAsync(CancellationToken.None);
            }
            else
            {
                await _transaction.RollbackAsync(CancellationToken.None);
            }
        }
        finally
        {
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        try
        {
            if (_connection.State == System.Data.ConnectionState.Open)
            {
                await EndTransactionAsync(commit: false);
            }
        }
        finally
        {
            await _connection.DisposeAsync();
            _connection = null;
            _transaction = null;
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter as NpgsqlParameter ?? new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
