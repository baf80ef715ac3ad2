using Marten;
using Marten.Services;
using Npgsql;

namespace Navo.EventStore.Internal;

/// <summary>
/// One tenant's unit of work: a Marten session on a transaction Navo opened. The transaction's first statement switches
/// to the <c>navo_tenant</c> role and sets <c>navo.tenant_id</c>, both <c>LOCAL</c>, so row-level security applies to
/// everything Marten and Navo run in it and nothing leaks into the pool when it ends. Marten's conjoined tenancy filters
/// by the same tenant id: two lines of defence.
/// </summary>
internal sealed partial class EventSession(PostgresEventStore store, TenantContext tenant) : IEventSession
{
    private const string TenantPreamble =
        "select set_config('role', 'navo_tenant', true), set_config('navo.tenant_id', $1, true)";

    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;
    private IDocumentSession? _marten;

    public TenantContext Tenant { get; } = tenant;

    /// <summary>The Marten session, opened with the tenant's transaction on first use.</summary>
    private async Task<IDocumentSession> MartenAsync(CancellationToken cancellationToken)
    {
        if (_marten is not null)
        {
            return _marten;
        }

        _connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        // Npgsql sends BEGIN with the next command, so the transaction and the tenant settings cost one round trip.
        _transaction = await _connection.BeginTransactionAsync(cancellationToken);
        await _connection.ExecuteAsync(TenantPreamble, cancellationToken, Tenant.TenantId);
        var options = SessionOptions.ForTransaction(_transaction, shouldAutoCommit: true);
        options.TenantId = Tenant.TenantId;
        // An identity map: the snapshot a turn reads is the one the append's inline projection folds on, not loaded again.
        _marten = store.Marten.IdentitySession(options);
        return _marten;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_transaction is not null && _connection?.State == System.Data.ConnectionState.Open)
            {
                // Whatever was not saved is rolled back; after a save Marten committed and this is a no-op.
                await RollBackQuietlyAsync();
            }
        }
        finally
        {
            if (_marten is not null)
            {
                await _marten.DisposeAsync();
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }

            (_marten, _transaction, _connection) = (null, null, null);
        }
    }

    private async Task RollBackQuietlyAsync()
    {
        try
        {
            if (_transaction?.Connection is not null)
            {
                await _transaction.RollbackAsync(CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The connection is broken or the transaction already ended; the server rolls back on its own.
        }
    }
}
