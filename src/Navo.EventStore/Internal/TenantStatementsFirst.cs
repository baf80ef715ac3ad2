using Marten;
using Marten.Services;
using Npgsql;

namespace Navo.EventStore.Internal;

/// <summary>
/// Puts the tenant statements at the head of the first batch a Marten session sends, so that a unit of work that only
/// appends sets its role and tenant in the same round trip as its events (Marten orders its own queued statements after
/// the events, so they cannot go there). Marten calls its session logger just before it sends a batch: this is the one
/// place a batch can still be changed. The statements return no rows, so Marten's reading of its results is unchanged.
/// </summary>
internal sealed class TenantStatementsFirst(string tenantId) : IMartenSessionLogger
{
    private bool _sent;

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
        if (_sent)
        {
            return;
        }

        _sent = true;
        // SET takes no parameters; TenantContext holds the tenant id to letters, digits, '-' and '_'.
        batch.BatchCommands.Insert(0, new NpgsqlBatchCommand("set local role navo_tenant"));
        batch.BatchCommands.Insert(1, new NpgsqlBatchCommand($"set local {TenantSetting.Name} = '{tenantId}'"));
    }

    public void OnBeforeExecute(NpgsqlCommand command) =>
        throw new InvalidOperationException("A session that appends without reading first sends batches only.");

    public void LogSuccess(NpgsqlCommand command)
    {
    }

    public void LogFailure(NpgsqlCommand command, Exception ex)
    {
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
    }

    public void LogFailure(NpgsqlBatch batch, Exception ex)
    {
    }

    public void LogFailure(Exception ex, string message)
    {
    }

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }
}
