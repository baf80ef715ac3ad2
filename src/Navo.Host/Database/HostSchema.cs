using Navo.EventStore;
using Navo.EventStore.Schema;
using Navo.Host.Audit;

namespace Navo.Host.Database;

/// <summary>
/// The tables Navo.Host owns (workspaces, accounts, the audit log), applied after the store's and Tools' own, and
/// the audit trail that events write.
/// </summary>
public static class HostSchema
{
    public static EventStoreOptions AddNavoHost(this EventStoreOptions options)
    {
        foreach (var migration in SchemaMigration.FromEmbeddedSql(typeof(HostSchema).Assembly, "host"))
        {
            options.Migrations.Add(migration);
        }

        options.InlineProjections.Add(new AuditTrail());
        return options;
    }
}
