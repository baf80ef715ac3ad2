using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Navo.Host.Database;

/// <summary>Healthy when the store's database answers a query; when it does not, the description says why.</summary>
public sealed class DatabaseHealthCheck(NavoDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = database.DataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"The database does not answer: {Reason(ex)}.", ex);
        }
    }

    /// <summary>
    /// Why, in words an operator can act on and nothing more: no address, user or query (the answer is public).
    /// </summary>
    internal static string Reason(Exception failure)
    {
        for (var current = failure; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    // PostgreSQL's own message can name the user or database: say the kind, with its SQLSTATE.
                    return postgres.SqlState switch
                    {
                        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown => $"it is shutting down ({postgres.SqlState})",
                        PostgresErrorCodes.CannotConnectNow => $"it is starting up ({postgres.SqlState})",
                        PostgresErrorCodes.TooManyConnections => $"it has no connection to spare ({postgres.SqlState})",
                        var state when state.StartsWith("28", StringComparison.Ordinal) => $"it refused Navo's credentials ({state})",
                        var state => $"it answered with an error ({state})",
                    };
                case SocketException socket:
                    return socket.SocketErrorCode switch
                    {
                        SocketError.ConnectionRefused => "the connection was refused (is PostgreSQL running?)",
                        SocketError.TimedOut => "the connection timed out",
                        SocketError.HostNotFound or SocketError.NoData => "its host name is not known",
                        _ => $"the connection failed ({socket.SocketErrorCode})",
                    };
                case TimeoutException:
                    return "it did not answer in time";
            }
        }

        return failure is InvalidOperationException ? "it has not been started yet" : "the connection failed";
    }
}
