using Navo.EventStore.Embedded;
using Navo.Host.Logging;

namespace Navo.Host.Database;

/// <summary>
/// <c>migrate</c>: creates or updates the store's schema with the host's configuration and exits. Production hosts never
/// change the schema themselves; they refuse to start until this has run (docs/operations.md).
/// </summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddNavoLogging();
        builder.AddNavoDatabase();
        await using var app = builder.Build();
        var database = app.Services.GetRequiredService<NavoDatabase>();
        try
        {
            await database.StartAsync(CancellationToken.None, applySchema: true);
            await Console.Out.WriteLineAsync("The schema is up to date.");
            return 0;
        }
        catch (PostgresNotInstalledException missing)
        {
            await Console.Error.WriteLineAsync(missing.Message);
            return 1;
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
