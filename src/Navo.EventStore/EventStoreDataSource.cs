using Microsoft.Extensions.Logging;
using Npgsql;

namespace Navo.EventStore;

/// <summary>Builds the data source the store is meant to run on.</summary>
public static class EventStoreDataSource
{
    /// <summary>
    /// A data source for <paramref name="connectionString"/> with the store's settings:
    /// <list type="bullet">
    /// <item>no reset when a connection goes back to the pool: every tenant setting the store makes is
    /// <c>SET LOCAL</c> and ends with its transaction, and the reset (<c>DISCARD ALL</c>) would throw away the
    /// cached plans of the store's statements (Marten's append function among them) on every use;</item>
    /// <item>automatic preparation of the statements the store repeats, so the server plans them once per connection.</item>
    /// </list>
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString, ILoggerFactory? loggerFactory = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        return builder.Build();
    }
}
