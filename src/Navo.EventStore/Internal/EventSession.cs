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
    /// A batch on this session's transaction, beginning one if needed. Starting a transaction adds the tenant
    /// statements to the same batch, so it costs no extra round trip.
    /// </summary>
    private async Task<NpgsqlBatch> CreateBatchAsync(CancellationToken cancellationToken)
    {
        _connection ??= await store.DataSource.OpenConnectionAsync(cancellationToken);
        var batch = new NpgsqlBatch(_connection);
        if (_transaction is null)
        {
            _transaction = await _connection.BeginTransactionAsync(cancellationToken);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("set local role navo_tenant"));
            // Safe to inline: TenantContext holds tenant ids to [A-Za-z0-9_-]{1,64}; SET cannot take parameters.
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"set local navo.tenant_id = '{Tenant.TenantId}'"));
        }

        return batch;
    }

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

    /// <summary>Moves the reader past the tenant statements (which return no rows) to the next result with columns.</summary>
    private static async Task<bool> NextRowResultAsync(NpgsqlDataReader reader, bool first, CancellationToken cancellationToken)
    {
        if (!first && !await reader.NextResultAsync(cancellationToken))
        {
            return false;
        }

        while (reader.FieldCount == 0)
        {
            if (!await reader.NextResultAsync(cancellationToken))
            {
                return false;
            }
        }

        return true;
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
