using Navo.EventStore;
using Navo.EventStore.Schema;

namespace Navo.Host.Database;

/// <summary>The tables Navo.Host owns (workspaces and their users), applied after the store's and Tools' own.</summary>
public static class HostSchema
{
    public static EventStoreOptions AddNavoHost(this EventStoreOptions options)
    {
        foreach (var migration in SchemaMigration.FromEmbeddedSql(typeof(HostSchema).Assembly, "host"))
        {
            options.Migrations.Add(migration);
        }

        return options;
    }
}
